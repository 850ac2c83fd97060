package dev.mlbench.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.results.ColdStartResult;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.ResultMode;
import dev.mlbench.loadgen.LoadgenRun;
import dev.mlbench.loadgen.LoopbackOipServer;

class ColdStartProbeTest {

  private static final String METRICS = """
      # HELP mlbench_process_start_time_seconds Start time of the process since unix epoch in seconds.
      # TYPE mlbench_process_start_time_seconds gauge
      mlbench_process_start_time_seconds 1.7958384E9
      # TYPE mlbench_model_ready_time_seconds gauge
      mlbench_model_ready_time_seconds{model="ok"} 1795838402.125
      """;

  @Test
  void timesTheFirstRequestAndReadsTheServersStartupGauges() {
    try (LoopbackOipServer server = LoopbackOipServer.withMetrics(METRICS)) {
      LoadResult result = LoadgenRun.of("--mode", "cold-start", "--target", server.baseUrl(), "--model", "slow",
          "--payload", "sentiment", "--timeout", "5s").result();
      assertEquals(ResultMode.COLD_START, result.mode());
      ColdStartResult coldStart = result.coldStart();
      assertNull(coldStart.failure());
      assertEquals(200, coldStart.httpStatus());
      assertTrue(coldStart.connectMillis() < coldStart.timeToFirstByteMillis());
      assertTrue(coldStart.timeToFirstByteMillis() >= LoopbackOipServer.SLOW_MILLIS, () -> "first byte after the server's delay: " + coldStart);
      assertTrue(coldStart.timeToFullResponseMillis() >= coldStart.timeToFirstByteMillis());
      assertEquals(1_795_838_400_000L, coldStart.serverProcessStartEpochMillis());
      assertEquals(1_795_838_402_125L, coldStart.serverModelReadyEpochMillis());
    }
  }

  @Test
  void leavesServerTimestampsNullWithoutMetricsAndFailsOnTimeout() {
    try (LoopbackOipServer server = LoopbackOipServer.start()) {
      ColdStartResult ok = LoadgenRun.of("--mode", "cold-start", "--target", server.baseUrl(), "--model", "ok",
          "--payload", "sentiment").result().coldStart();
      assertNull(ok.serverProcessStartEpochMillis());
      assertNull(ok.serverModelReadyEpochMillis());

      LoadgenRun timedOut = LoadgenRun.of("--mode", "cold-start", "--target", server.baseUrl(), "--model", "slow",
          "--payload", "sentiment", "--timeout", "200ms");
      assertEquals(1, timedOut.exitStatus());
      assertEquals("timeout", timedOut.result().coldStart().failure());
      assertTrue(timedOut.result().error().contains("timeout"));
    }
  }
}
