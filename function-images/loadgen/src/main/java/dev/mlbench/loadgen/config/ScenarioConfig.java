package dev.mlbench.loadgen.config;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.mlbench.loadgen.schedule.ArrivalSpacing;
import dev.mlbench.loadgen.schedule.TraceCounts;

/**
 * One validated scenario of an MLBenchmark spec, as the load pod runs it. Fields a pattern does not use
 * are null. A run lasts {@code duration} (open loop) or {@code durationPerLevel} per level (closed loop),
 * of which the leading {@code warmup} is left out of the results, and stops early at {@link #maxRequests()}.
 */
public record ScenarioConfig(
    Mode mode,
    String scenario,
    URI target,
    String model,
    Pattern pattern,
    Double rate,
    Double baseRate,
    Duration period,
    Double from,
    Double to,
    Duration duration,
    List<Integer> levels,
    Duration durationPerLevel,
    TraceCounts trace,
    ArrivalSpacing arrivals,
    long seed,
    Shard shard,
    Instant startAt,
    Duration warmup,
    long maxRequests,
    Duration timeout,
    int connections,
    Duration maxLag,
    int threads,
    byte[] payload,
    boolean checkOipResponse) {

  public String inferPath() {
    String base = target.getRawPath() == null ? "" : target.getRawPath().replaceAll("/+$", "");
    return base + "/v2/models/" + model + "/infer";
  }

  public String metricsPath() {
    String base = target.getRawPath() == null ? "" : target.getRawPath().replaceAll("/+$", "");
    return base + "/metrics";
  }
}
