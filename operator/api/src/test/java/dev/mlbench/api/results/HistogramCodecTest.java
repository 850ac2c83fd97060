package dev.mlbench.api.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramCodecTest {

  private static final long HIGHEST_MICROS = 3_600_000_000L;

  @Test
  void histogramsOfTwoPodsMergeIntoExactlyTheHistogramOfAllTheirSamples() {
    SplittableRandom random = new SplittableRandom(4);
    Histogram podA = new Histogram(HIGHEST_MICROS, 3);
    Histogram podB = new Histogram(HIGHEST_MICROS, 3);
    Histogram combined = new Histogram(HIGHEST_MICROS, 3);
    for (int i = 0; i < 50_000; i++) {
      long fast = 200 + (long) (-Math.log(1 - random.nextDouble()) * 800);
      long slow = random.nextInt(100) == 0 ? 900_000 + random.nextLong(100_000) : 2_000 + random.nextLong(3_000);
      podA.recordValue(fast);
      podB.recordValue(slow);
      combined.recordValue(fast);
      combined.recordValue(slow);
    }

    Histogram merged = HistogramCodec.merge(List.of(throughResultLine(podA), throughResultLine(podB)));

    assertEquals(combined, merged);
    assertEquals(combined.getTotalCount(), merged.getTotalCount());
    assertEquals(LatencySummary.of(combined), LatencySummary.of(merged));
  }

  @Test
  void rejectsWhatIsNoHistogram() {
    assertThrows(IllegalArgumentException.class, () -> HistogramCodec.decode("bm90IGEgaGlzdG9ncmFt"));
    assertThrows(IllegalArgumentException.class, () -> HistogramCodec.decode("%%%"));
    assertThrows(IllegalArgumentException.class, () -> HistogramCodec.merge(List.of()));
  }

  /** What the operator sees: the pod's histogram after formatting and parsing its result line. */
  private static String throughResultLine(Histogram histogram) {
    PhaseResult phase = new PhaseResult("open-loop", LoopKind.OPEN_LOOP, null, 100.0, 1000, 100, 100, 100, 0,
        ErrorCounts.NONE, 100, 100, 0, LatencySummary.of(histogram), HistogramCodec.encode(histogram));
    LoadResult result = new LoadResult(ResultLine.SCHEMA_VERSION, ResultMode.LOAD, "s", "constant", "http://t", "m", 1L,
        0, 1, 0, 1, List.of(phase), null, null, null);
    return ResultLine.parse(ResultLine.format(result)).phases().get(0).histogram();
  }
}
