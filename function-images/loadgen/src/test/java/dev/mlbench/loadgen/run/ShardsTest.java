package dev.mlbench.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import dev.mlbench.api.results.HistogramCodec;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.PhaseResult;
import dev.mlbench.loadgen.LoadgenRun;
import dev.mlbench.loadgen.LoopbackOipServer;

class ShardsTest {

  @Test
  void podsOfAScenarioTogetherSendItsScheduleOnceAndTheirHistogramsMerge() {
    try (LoopbackOipServer server = LoopbackOipServer.start()) {
      PhaseResult first = shard(server, "0/3");
      PhaseResult second = shard(server, "1/3");
      PhaseResult third = shard(server, "2/3");

      // 300 requests/s for 1 s dealt out in turn: 100 each
      assertEquals(List.of(100L, 100L, 100L), List.of(first.sent(), second.sent(), third.sent()));
      assertEquals(300, server.inferences());
      Histogram merged = HistogramCodec.merge(List.of(first.histogram(), second.histogram(), third.histogram()));
      assertEquals(first.succeeded() + second.succeeded() + third.succeeded(), merged.getTotalCount());
    }
  }

  @Test
  void podsOfASweepHoldSharesThatAddUpToEachLevel() {
    try (LoopbackOipServer server = LoopbackOipServer.start()) {
      List<Integer> first = concurrencies(server, "0/2");
      List<Integer> second = concurrencies(server, "1/2");
      assertEquals(List.of(1, 2), first);
      assertEquals(List.of(0, 1), second);
    }
  }

  @Test
  void waitsForTheSharedStartTime() {
    try (LoopbackOipServer server = LoopbackOipServer.start()) {
      Instant startAt = Instant.now().plusMillis(1500);
      LoadResult result = LoadgenRun.of("--target", server.baseUrl(), "--model", "ok", "--payload", "sentiment",
          "--pattern", "constant", "--rate", "50", "--duration", "200ms", "--start-at", startAt.toString(),
          "--threads", "1").result();
      assertEquals(10, result.phases().get(0).succeeded());
      assertTrue(result.finishedAtEpochMillis() >= startAt.toEpochMilli() + 180, "nothing is sent before the start time");
    }
  }

  private static List<Integer> concurrencies(LoopbackOipServer server, String shard) {
    return LoadgenRun.of("--target", server.baseUrl(), "--model", "ok", "--payload", "sentiment", "--pattern",
        "concurrency", "--levels", "1,3", "--duration-per-level", "200ms", "--shard", shard, "--threads", "1")
        .result().phases().stream().map(PhaseResult::concurrency).toList();
  }

  private static PhaseResult shard(LoopbackOipServer server, String shard) {
    LoadResult result = LoadgenRun.of("--target", server.baseUrl(), "--model", "ok", "--payload", "sentiment",
        "--pattern", "constant", "--rate", "300", "--duration", "1s",
        "--shard", shard, "--threads", "2").result();
    assertEquals(3, result.shardCount());
    return result.phases().get(0);
  }
}
