package dev.mlbench.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.LoopKind;
import dev.mlbench.api.results.PhaseResult;

/**
 * The test naive load tools fail: a server that freezes for 1 s every 5 s. Arrivals are uniform in time,
 * so 1/5 of the requests arrive during a freeze, and one arriving s into it waits 1 s − s: its latency is
 * uniform on (0, 1 s]. Hence P(latency > x) = 0.2 · (1 − x / 1 s), and the 99th percentile solves
 * 0.2 · (1 − x) = 0.01: x = 0.95 s (the fast path adds well under a millisecond). An open-loop generator
 * measuring from the intended send time must report that; a closed-loop one only holds its few
 * connections through each freeze, so it reports a p99 of almost nothing and must say it is closed-loop.
 */
class StallingServerTest {

  private static final double STALLED_FRACTION = 1.0 / 5;
  private static final double EXPECTED_P99_MICROS = (1 - 0.01 / STALLED_FRACTION) * 1_000_000;

  @Test
  void openLoopP99ReflectsTheStallsAndClosedLoopIsLabelledAsSuch() {
    try (LoopbackOipServer server = LoopbackOipServer.freezing(5000, 1000)) {
      LoadResult open = LoadgenRun.of("--target", server.baseUrl(), "--model", "ok", "--payload", "sentiment",
          "--pattern", "constant", "--rate", "200", "--duration", "10s", "--connections", "64", "--max-lag", "5s",
          "--threads", "1").result();
      PhaseResult openPhase = open.phases().get(0);
      assertEquals(LoopKind.OPEN_LOOP, openPhase.loop());
      assertEquals(2000, openPhase.succeeded(), () -> "every request succeeds: " + openPhase);
      assertEquals(0, openPhase.dropped());
      long p99 = openPhase.latency().p99Micros();
      assertTrue(Math.abs(p99 - EXPECTED_P99_MICROS) <= 0.2 * EXPECTED_P99_MICROS,
          () -> "open-loop p99 " + p99 + " µs should be within 20 % of " + EXPECTED_P99_MICROS + " µs");

      LoadResult closed = LoadgenRun.of("--target", server.baseUrl(), "--model", "ok", "--payload", "sentiment",
          "--pattern", "concurrency", "--levels", "4", "--duration-per-level", "5s", "--threads", "1").result();
      PhaseResult closedPhase = closed.phases().get(0);
      assertEquals(LoopKind.CLOSED_LOOP, closedPhase.loop());
      assertEquals("concurrency-4", closedPhase.name());
      assertTrue(closedPhase.latency().p99Micros() < EXPECTED_P99_MICROS / 10,
          () -> "closed loop hides the freeze (coordinated omission): p99 " + closedPhase.latency().p99Micros() + " µs");
    }
  }
}
