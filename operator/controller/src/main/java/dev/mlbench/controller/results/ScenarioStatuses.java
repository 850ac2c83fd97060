package dev.mlbench.controller.results;

import java.util.List;

import dev.mlbench.api.results.ErrorCounts;
import dev.mlbench.api.results.HistogramCodec;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.LoopKind;
import dev.mlbench.api.results.PhaseResult;
import dev.mlbench.api.v1alpha1.ErrorCountsStatus;
import dev.mlbench.api.v1alpha1.LevelStatus;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.controller.run.Lane;
import dev.mlbench.controller.run.StepState;

/** Turns a step's stored result into its status entry: totals over all its phases, and one entry per level. */
public final class ScenarioStatuses {

  private ScenarioStatuses() {
  }

  public static ScenarioStatus of(StepState state, Lane lane) {
    var step = state.step();
    String resultsConfigMap = lane.resultsConfigMap();
    ScenarioStatus status = new ScenarioStatus();
    status.name = step.scenario().name;
    status.pattern = step.scenario().pattern;
    status.loop = step.scenario().pattern.openLoop() ? "open-loop" : "closed-loop";
    status.state = state.phase().name();
    status.job = step.jobName();
    LoadResult result = state.result();
    if (result == null) {
      return status;
    }
    status.resultRef = resultsConfigMap + "/" + step.resultKey();
    if (result.failed()) {
      status.message = result.error();
      return status;
    }
    List<PhaseResult> phases = result.phases();
    status.requests = phases.stream().mapToLong(PhaseResult::sent).sum();
    status.succeeded = phases.stream().mapToLong(PhaseResult::succeeded).sum();
    status.dropped = phases.stream().mapToLong(PhaseResult::dropped).sum();
    status.errors = errors(phases.stream().map(PhaseResult::errors).reduce(ErrorCounts.NONE, ErrorCounts::plus));
    long millis = phases.stream().mapToLong(PhaseResult::measuredDurationMillis).sum();
    status.achievedRate = millis == 0 ? 0.0 : round(status.requests * 1000.0 / millis);
    status.throughput = millis == 0 ? 0.0 : round(status.succeeded * 1000.0 / millis);
    List<String> histograms = phases.stream().map(PhaseResult::histogram).filter(h -> h != null).toList();
    status.latency = histograms.isEmpty() ? null : LatencyStatuses.of(HistogramCodec.merge(histograms));
    status.utilisation = state.utilisation() != null ? state.utilisation()
        : Utilisations.fromModelServer(lane, result.serverUsage());
    if (phases.stream().anyMatch(p -> p.loop() == LoopKind.CLOSED_LOOP)) {
      status.levels = phases.stream().map(ScenarioStatuses::level).toList();
    }
    return status;
  }

  private static LevelStatus level(PhaseResult phase) {
    LevelStatus level = new LevelStatus();
    level.concurrency = phase.concurrency() == null ? 0 : phase.concurrency();
    level.requests = phase.sent();
    level.errors = phase.errors() == null ? 0 : phase.errors().total();
    level.throughput = round(phase.throughputPerSecond());
    level.latency = phase.histogram() == null ? null : LatencyStatuses.of(HistogramCodec.decode(phase.histogram()));
    return level;
  }

  private static ErrorCountsStatus errors(ErrorCounts counts) {
    ErrorCountsStatus errors = new ErrorCountsStatus();
    errors.timeout = counts.timeout();
    errors.connection = counts.connection();
    errors.http4xx = counts.http4xx();
    errors.http5xx = counts.http5xx();
    errors.httpOther = counts.httpOther();
    errors.malformed = counts.malformed();
    return errors;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
