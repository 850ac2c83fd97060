package dev.mlbench.controller.results;

import java.util.Locale;
import java.util.Optional;

import dev.mlbench.api.results.ErrorCounts;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.PhaseResult;

/**
 * A scenario whose requests mostly failed measured the model's errors, not its latency: when more than
 * {@link #MAX_ERROR_RATE} of the requests sent got no valid inference back (5xx, 4xx, timeouts, refused
 * connections, malformed answers), the scenario is failed with reason {@link #REASON}, its counts in the message.
 */
public final class ErrorRateRule {

  public static final String REASON = "ErrorRate";
  public static final double MAX_ERROR_RATE = 0.5;

  private ErrorRateRule() {
  }

  /** The merged result failed with the error rate and counts when it breaks the rule; otherwise as it was. */
  public static LoadResult apply(LoadResult merged) {
    return violation(merged).map(why -> new LoadResult(merged.schemaVersion(), merged.mode(), merged.scenario(),
        merged.pattern(), merged.target(), merged.model(), merged.seed(), merged.shardIndex(), merged.shardCount(),
        merged.startedAtEpochMillis(), merged.finishedAtEpochMillis(), merged.phases(), merged.coldStart(), why,
        merged.serverUsage())).orElse(merged);
  }

  static Optional<String> violation(LoadResult result) {
    if (result.failed() || result.phases().isEmpty()) {
      return Optional.empty();
    }
    long sent = result.phases().stream().mapToLong(PhaseResult::sent).sum();
    ErrorCounts errors = result.phases().stream().map(PhaseResult::errors)
        .reduce(ErrorCounts.NONE, (a, b) -> b == null ? a : a.plus(b));
    if (sent == 0 || errors.total() <= MAX_ERROR_RATE * sent) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "%s: %.1f %% of %d requests failed, more than the %.0f %% allowed (5xx %d, 4xx %d, other status %d, timeout %d,"
            + " connection %d, malformed %d); its latencies are not reported",
        REASON, 100.0 * errors.total() / sent, sent, 100 * MAX_ERROR_RATE, errors.http5xx(), errors.http4xx(),
        errors.httpOther(), errors.timeout(), errors.connection(), errors.malformed()));
  }
}
