package dev.mlbench.controller.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.results.ErrorCounts;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.LoopKind;
import dev.mlbench.api.results.PhaseResult;
import dev.mlbench.api.results.ResultMode;

/** More than half the requests failing fails the scenario, with the rate and the counts; half or fewer does not. */
class ErrorRateRuleTest {

  @Test
  void moreThanHalfTheRequestsFailingFailsTheScenarioWithTheRateAndCounts() {
    LoadResult judged = ErrorRateRule.apply(result(100, new ErrorCounts(1, 0, 0, 50, 0, 0)));
    assertThat(judged.failed()).isTrue();
    assertThat(judged.error()).isEqualTo("ErrorRate: 51.0 % of 100 requests failed, more than the 50 % allowed"
        + " (5xx 50, 4xx 0, other status 0, timeout 1, connection 0, malformed 0); its latencies are not reported");
    assertThat(judged.phases()).as("the raw counts are kept").hasSize(1);
  }

  @Test
  void halfOrFewerFailingLeavesTheResultAsItWas() {
    LoadResult half = result(100, new ErrorCounts(0, 0, 0, 50, 0, 0));
    assertThat(ErrorRateRule.apply(half)).isSameAs(half);
    LoadResult none = result(0, ErrorCounts.NONE);
    assertThat(ErrorRateRule.apply(none)).isSameAs(none);
  }

  private static LoadResult result(long sent, ErrorCounts errors) {
    PhaseResult phase = new PhaseResult("steady", LoopKind.OPEN_LOOP, null, 10.0, 10_000, sent, sent,
        sent - errors.total(), 0, errors, sent / 10.0, (sent - errors.total()) / 10.0, 0, null, null);
    return new LoadResult(1, ResultMode.LOAD, "steady", "constant", "http://x", "m", 1L, 0, 1, 0, 10_000,
        List.of(phase), null, null, null);
  }
}
