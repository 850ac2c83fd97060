package dev.mlbench.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import dev.mlbench.api.results.HistogramCodec;
import dev.mlbench.api.results.LoopKind;
import dev.mlbench.api.results.PhaseResult;

class ScalabilityCurveTest {

  @Test
  void kneeIsTheFirstLevelWhoseMedianExceedsOneAndAHalfTimesTheLowLoadMedian() {
    ScalabilityCurve curve = ScalabilityCurve.of(List.of(
        littlesLawLevel(1, 100), littlesLawLevel(2, 100), littlesLawLevel(4, 102), littlesLawLevel(8, 110),
        littlesLawLevel(16, 160), littlesLawLevel(32, 320)));

    Knee knee = curve.knee().orElseThrow();

    assertEquals(16, knee.concurrency());
    assertTrue(knee.rule().startsWith("p50"), knee.rule());
  }

  @Test
  void kneeIsFoundWhenThroughputStallsBeforeLatencyDoubles() {
    ScalabilityCurve curve = ScalabilityCurve.of(List.of(
        level(1, 10, 100), level(2, 20, 100), level(4, 30, 130), level(8, 36, 140)));

    Knee knee = curve.knee().orElseThrow();

    assertEquals(8, knee.concurrency());
    assertTrue(knee.rule().startsWith("throughput"), knee.rule());
  }

  @Test
  void linearlyScalingTargetHasNoKnee() {
    ScalabilityCurve curve = ScalabilityCurve.of(List.of(
        littlesLawLevel(10, 50), littlesLawLevel(1, 50), littlesLawLevel(100, 60), littlesLawLevel(50, 55)));

    assertFalse(curve.knee().isPresent());
    assertEquals(List.of(1, 10, 50, 100), curve.levels().stream().map(ScalabilityLevel::concurrency).toList());
  }

  @Test
  void capacityAtSloIsInterpolatedBetweenTheLastLevelWithinAndTheFirstOver() {
    ScalabilityCurve curve = ScalabilityCurve.of(List.of(
        level(1, 10, 100), level(2, 19, 105), level(4, 33, 120), level(8, 40, 200), level(16, 40, 400)));

    SloCapacity capacity = curve.capacityAtSlo(99, 150_000);

    assertEquals(SloCapacity.Bound.INTERPOLATED, capacity.bound());
    assertEquals(33 + (150.0 - 120) / (200 - 120) * (40 - 33), capacity.requestsPerSecond(), 0.05);
    assertTrue(capacity.sufficientSamples());
    assertTrue(capacity.explanation().startsWith("p99 120"), capacity.explanation());
  }

  @Test
  void capacityIsALowerBoundWhenEveryLevelMeetsTheSlo() {
    ScalabilityCurve curve = ScalabilityCurve.of(List.of(level(1, 10, 100), level(4, 38, 105)));

    SloCapacity capacity = curve.capacityAtSlo(99, 500_000);

    assertEquals(SloCapacity.Bound.AT_LEAST, capacity.bound());
    assertEquals(38, capacity.requestsPerSecond());
  }

  @Test
  void capacityIsZeroWhenTheLowestLevelMissesTheSlo() {
    ScalabilityCurve curve = ScalabilityCurve.of(List.of(level(1, 10, 100), level(4, 38, 105)));

    SloCapacity capacity = curve.capacityAtSlo(99, 50_000);

    assertEquals(SloCapacity.Bound.NONE, capacity.bound());
    assertEquals(0, capacity.requestsPerSecond());
  }

  @Test
  void capacityFromTooFewSamplesForThePercentileIsFlagged() {
    ScalabilityCurve curve = ScalabilityCurve.of(List.of(
        new ScalabilityLevel(1, 10, constantHistogram(100_000, 500)), level(4, 38, 105)));

    assertFalse(curve.capacityAtSlo(99, 500_000).sufficientSamples());
  }

  @Test
  void phasesOfAllLoadPodsAreMergedIntoOneLevel() {
    Histogram firstPod = constantHistogram(100_000, 300);
    Histogram secondPod = constantHistogram(300_000, 100);
    ScalabilityCurve curve = ScalabilityCurve.fromPhases(List.of(
        closedLoopPhase("concurrency-10", 5, 40.0, firstPod),
        closedLoopPhase("concurrency-10", 5, 35.0, secondPod),
        closedLoopPhase("concurrency-20", 20, 90.0, firstPod)));

    assertEquals(2, curve.levels().size());
    ScalabilityLevel merged = curve.levels().get(0);
    assertEquals(10, merged.concurrency());
    assertEquals(75.0, merged.throughputPerSecond());
    assertEquals(400, merged.latencyMicros().getTotalCount());
  }

  @Test
  void repeatedConcurrencyLevelsAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> ScalabilityCurve.of(List.of(level(2, 10, 100), level(2, 11, 100))));
  }

  private static ScalabilityLevel littlesLawLevel(int concurrency, long latencyMillis) {
    return level(concurrency, concurrency * 1000.0 / latencyMillis, latencyMillis);
  }

  private static ScalabilityLevel level(int concurrency, double throughput, long latencyMillis) {
    return new ScalabilityLevel(concurrency, throughput, constantHistogram(latencyMillis * 1000, 2_000));
  }

  private static Histogram constantHistogram(long micros, long count) {
    Histogram histogram = new Histogram(3);
    histogram.recordValueWithCount(micros, count);
    return histogram;
  }

  private static PhaseResult closedLoopPhase(String name, int concurrency, double throughput, Histogram latency) {
    return new PhaseResult(name, LoopKind.CLOSED_LOOP, concurrency, null, 10_000, latency.getTotalCount(),
        latency.getTotalCount(), latency.getTotalCount(), 0, null, throughput, throughput, 0, null,
        HistogramCodec.encode(latency));
  }
}
