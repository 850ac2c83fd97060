package dev.mlbench.api.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultLineTest {

  @Test
  void roundTripsEveryField() {
    Histogram histogram = new Histogram(3);
    histogram.recordValue(1234);
    PhaseResult phase = new PhaseResult("concurrency-10", LoopKind.CLOSED_LOOP, 10, null, 30_000, 9_000, 9_000, 8_990, 0,
        new ErrorCounts(1, 2, 3, 4, 0, 0), 300.0, 299.7, 1_234_567, LatencySummary.of(histogram), HistogramCodec.encode(histogram));
    ColdStartResult coldStart = new ColdStartResult(1_795_838_400_000L, 1.5, 2100.25, 2101.0, 200, 321, null, 1_795_838_398_000L, null);
    LoadResult result = new LoadResult(ResultLine.SCHEMA_VERSION, ResultMode.LOAD, "sweep", "concurrency",
        "http://resnet.bench.svc", "resnet", 42L, 0, 1, 1_795_838_400_000L, 1_795_838_430_000L, List.of(phase), coldStart, null, new ServerUsage(12.5, 30_000, 5.2e8, "process_resident_memory_bytes"));

    String line = ResultLine.format(result);

    assertTrue(line.startsWith("MLBENCH_RESULT {\"schemaVersion\":1,"));
    assertFalse(line.contains("\n"));
    assertFalse(line.contains("\"error\""), "absent values are left out");
    assertTrue(line.contains("\"loop\":\"closed-loop\""));
    assertEquals(result, ResultLine.parse(line));
  }

  @Test
  void findsTheLastResultLineOfAPodLog() {
    LoadResult failed = new LoadResult(ResultLine.SCHEMA_VERSION, ResultMode.LOAD, "s", "sawtooth", null, null, null, 0, 1, 0, 0,
        List.of(), null, "unknown pattern 'sawtooth'", null);
    String log = "[    1.0s] open-loop sent 10\nnot MLBENCH_RESULT {}\n" + ResultLine.format(failed) + "\n";

    assertEquals(failed, ResultLine.findLast(log).orElseThrow());
    assertTrue(ResultLine.findLast("no result here\n").isEmpty());
  }

  @Test
  void rejectsLinesItCannotTrust() {
    assertThrows(InvalidResultLineException.class, () -> ResultLine.parse("RESULT {}"));
    assertThrows(InvalidResultLineException.class, () -> ResultLine.parse("MLBENCH_RESULT {\"schemaVersion\":"));
    assertThrows(InvalidResultLineException.class, () -> ResultLine.parse("MLBENCH_RESULT {\"schemaVersion\":2}"));
    String tooLong = "MLBENCH_RESULT {\"schemaVersion\":1,\"scenario\":\"" + "x".repeat(ResultLine.MAX_LINE_CHARS) + "\"}";
    InvalidResultLineException e = assertThrows(InvalidResultLineException.class, () -> ResultLine.parse(tooLong));
    assertTrue(e.getMessage().contains("limit"));
  }

  @Test
  void ignoresFieldsAddedByANewerWriterOfTheSameVersion() {
    LoadResult result = ResultLine.parse("MLBENCH_RESULT {\"schemaVersion\":1,\"mode\":\"cold-start\",\"futureField\":[1,2]}");
    assertEquals(ResultMode.COLD_START, result.mode());
    assertTrue(result.phases().isEmpty());
  }
}
