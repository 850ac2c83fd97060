package dev.mlbench.controller.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.HdrHistogram.Histogram;

import dev.mlbench.api.results.ErrorCounts;
import dev.mlbench.api.results.HistogramCodec;
import dev.mlbench.api.results.LatencySummary;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.PhaseResult;
import dev.mlbench.api.results.ServerUsage;

/**
 * Merges the results of the load pods (shards) of one scenario into one whole result: counts and rates add up (the pods ran
 * side by side), histograms are added exactly, and the percentiles are read from the merged histogram.
 */
public final class ResultMerger {

  private ResultMerger() {
  }

  public static LoadResult merge(List<LoadResult> pods) {
    if (pods.isEmpty()) {
      throw new IllegalArgumentException("no result to merge");
    }
    if (pods.size() == 1) {
      return pods.get(0);
    }
    LoadResult first = pods.get(0);
    Map<String, List<PhaseResult>> byPhase = new LinkedHashMap<>();
    for (LoadResult pod : pods) {
      pod.phases().forEach(phase -> byPhase.computeIfAbsent(phase.name(), n -> new ArrayList<>()).add(phase));
    }
    List<PhaseResult> phases = byPhase.values().stream().map(ResultMerger::mergePhase).toList();
    long started = pods.stream().mapToLong(LoadResult::startedAtEpochMillis).min().orElseThrow();
    long finished = pods.stream().mapToLong(LoadResult::finishedAtEpochMillis).max().orElseThrow();
    String error = pods.stream().map(LoadResult::error).filter(Objects::nonNull).findFirst().orElse(null);
    return new LoadResult(first.schemaVersion(), first.mode(), first.scenario(), first.pattern(), first.target(),
        first.model(), first.seed(), 0, 1, started, finished, phases, first.coldStart(), error, serverUsage(pods));
  }

  /** Every pod of a scenario reads the same server over the same time: their readings are averaged, memory is the largest. */
  static ServerUsage serverUsage(List<LoadResult> pods) {
    List<ServerUsage> usages = pods.stream().map(LoadResult::serverUsage).filter(Objects::nonNull).toList();
    if (usages.isEmpty()) {
      return null;
    }
    double cpu = usages.stream().mapToDouble(ServerUsage::cpuSeconds).average().orElse(0);
    long wall = (long) usages.stream().mapToLong(ServerUsage::wallMillis).average().orElse(0);
    Double memory = usages.stream().map(ServerUsage::memoryBytes).filter(Objects::nonNull)
        .max(Double::compare).orElse(null);
    return new ServerUsage(cpu, wall, memory, usages.get(0).memoryMetric());
  }

  static PhaseResult mergePhase(List<PhaseResult> parts) {
    PhaseResult first = parts.get(0);
    List<String> encoded = parts.stream().map(PhaseResult::histogram).filter(Objects::nonNull).toList();
    Histogram merged = encoded.isEmpty() ? new Histogram(3) : HistogramCodec.merge(encoded);
    ErrorCounts errors = parts.stream().map(PhaseResult::errors).filter(Objects::nonNull)
        .reduce(ErrorCounts.NONE, ErrorCounts::plus);
    return new PhaseResult(
        first.name(),
        first.loop(),
        first.concurrency() == null ? null : parts.stream().mapToInt(p -> Objects.requireNonNullElse(p.concurrency(), 0)).sum(),
        first.targetRatePerSecond() == null ? null
            : parts.stream().mapToDouble(p -> Objects.requireNonNullElse(p.targetRatePerSecond(), 0.0)).sum(),
        parts.stream().mapToLong(PhaseResult::measuredDurationMillis).max().orElse(0),
        parts.stream().mapToLong(PhaseResult::scheduled).sum(),
        parts.stream().mapToLong(PhaseResult::sent).sum(),
        parts.stream().mapToLong(PhaseResult::succeeded).sum(),
        parts.stream().mapToLong(PhaseResult::dropped).sum(),
        errors,
        parts.stream().mapToDouble(PhaseResult::achievedRatePerSecond).sum(),
        parts.stream().mapToDouble(PhaseResult::throughputPerSecond).sum(),
        parts.stream().mapToLong(PhaseResult::responseBytes).sum(),
        LatencySummary.of(merged),
        HistogramCodec.encode(merged));
  }
}
