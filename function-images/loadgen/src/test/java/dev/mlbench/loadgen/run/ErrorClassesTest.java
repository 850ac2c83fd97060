package dev.mlbench.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.results.ErrorCounts;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.PhaseResult;
import dev.mlbench.loadgen.LoadgenRun;
import dev.mlbench.loadgen.LoopbackOipServer;

class ErrorClassesTest {

  @Test
  void countsEachFailureInItsClass() {
    try (LoopbackOipServer server = LoopbackOipServer.start()) {
      assertEquals(new ErrorCounts(0, 0, 0, 20, 0, 0), run(server, "fail").errors());
      assertEquals(new ErrorCounts(0, 0, 20, 0, 0, 0), run(server, "missing").errors());
      assertEquals(new ErrorCounts(0, 0, 0, 0, 0, 20), run(server, "garbage").errors());
      PhaseResult ok = run(server, "ok");
      assertEquals(ErrorCounts.NONE, ok.errors());
      assertEquals(20, ok.succeeded());
      assertEquals(20, ok.latency().count());
      assertTrue(ok.responseBytes() > 20 * 90, "every response's header and body bytes are counted");
    }
  }

  @Test
  void countsTimeoutsAndDropsRequestsThatFindNoConnectionInTime() {
    try (LoopbackOipServer server = LoopbackOipServer.start()) {
      // 2 connections held 300 ms each by the timeout, 50 requests/s for 2 s: each connection takes about one
      // request per 300 ms, so about 2 × 2 s / 0.3 s ≈ 13 time out and the rest, waiting longer than 100 ms, drop
      LoadResult result = LoadgenRun.of("--target", server.baseUrl(), "--model", "slow", "--payload", "timeseries",
          "--pattern", "constant", "--rate", "50", "--duration", "2s", "--connections", "2", "--timeout", "300ms",
          "--max-lag", "100ms", "--threads", "1").result();
      PhaseResult phase = result.phases().get(0);
      assertEquals(100, phase.scheduled());
      assertEquals(phase.scheduled(), phase.sent() + phase.dropped());
      assertEquals(phase.sent(), phase.errors().timeout(), () -> "every sent request times out: " + phase);
      assertTrue(phase.sent() >= 10 && phase.sent() <= 18, () -> "about 13 sent: " + phase);
      assertEquals(0, phase.succeeded());
    }
  }

  @Test
  void warmupRequestsAreLeftOutOfTheResult() {
    try (LoopbackOipServer server = LoopbackOipServer.start()) {
      PhaseResult phase = LoadgenRun.of("--target", server.baseUrl(), "--model", "ok", "--payload", "recommendation",
          "--pattern", "constant", "--rate", "100", "--duration", "2s", "--warmup", "1s", "--threads", "1")
          .result().phases().get(0);
      assertEquals(100, phase.sent());
      assertEquals(100.0, phase.targetRatePerSecond(), 0.001);
      assertEquals(200, server.inferences());
    }
  }

  @Test
  void eachConcurrencyLevelLeavesItsWarmUpOut() {
    try (LoopbackOipServer server = LoopbackOipServer.start()) {
      LoadResult result = LoadgenRun.of("--target", server.baseUrl(), "--model", "ok", "--payload", "sentiment",
          "--pattern", "concurrency", "--levels", "1,2", "--duration-per-level", "600ms", "--warmup", "300ms",
          "--threads", "1").result();
      assertEquals(List.of("concurrency-1", "concurrency-2"), result.phases().stream().map(PhaseResult::name).toList());
      assertEquals(List.of(1, 2), result.phases().stream().map(PhaseResult::concurrency).toList());
      result.phases().forEach(phase -> assertTrue(phase.measuredDurationMillis() <= 300, () -> "measured after warm-up: " + phase));
      long measured = result.phases().stream().mapToLong(PhaseResult::sent).sum();
      assertTrue(server.inferences() > measured, "the warm-ups' requests reached the server but not the result");
    }
  }

  @Test
  void maxRequestsCapsTheRun() {
    try (LoopbackOipServer server = LoopbackOipServer.start()) {
      PhaseResult phase = LoadgenRun.of("--target", server.baseUrl(), "--model", "ok", "--payload", "sentiment",
          "--pattern", "poisson", "--rate", "200", "--duration", "30s", "--max-requests", "150", "--threads", "2")
          .result().phases().get(0);
      assertEquals(150, phase.sent());
      assertEquals(150, server.inferences());
      assertTrue(phase.measuredDurationMillis() < 5_000, "the cap ends the run early");
    }
  }

  private static PhaseResult run(LoopbackOipServer server, String model) {
    return LoadgenRun.of("--target", server.baseUrl(), "--model", model, "--payload", "sentiment", "--pattern",
        "constant", "--rate", "100", "--duration", "200ms", "--threads", "1").result().phases().get(0);
  }
}
