package dev.mlbench.api.results;

import java.util.List;

/**
 * What one load pod measured, printed by it as its last stdout line through {@link ResultLine} and read
 * by the operator from the pod log.
 *
 * @param schemaVersion {@link ResultLine#SCHEMA_VERSION} of the writer
 * @param mode load scenario or cold-start probe
 * @param scenario scenario name from the MLBenchmark spec
 * @param pattern arrival pattern (constant, poisson, burst, ramp, trace, concurrency); null for cold start
 * @param target base URL of the OIP v2 server
 * @param model model name in {@code /v2/models/{model}/infer}
 * @param seed seed of the arrival schedule
 * @param shardIndex which of the scenario's load pods wrote this (0-based)
 * @param shardCount how many load pods share the scenario; their phases add up (histograms merge exactly)
 * @param startedAtEpochMillis when the run started (warm-up included)
 * @param finishedAtEpochMillis when the last response arrived or the run failed
 * @param phases one entry for an open-loop scenario, one per level for a concurrency sweep; empty for a
 *     cold start or a failed run
 * @param coldStart the cold-start measurement (cold-start mode only)
 * @param error why the run failed (bad configuration, unreachable target); null when it ran
 * @param serverUsage the model server's CPU and memory over the scenario, when its metrics tell (load mode only)
 */
public record LoadResult(
    int schemaVersion,
    ResultMode mode,
    String scenario,
    String pattern,
    String target,
    String model,
    Long seed,
    int shardIndex,
    int shardCount,
    long startedAtEpochMillis,
    long finishedAtEpochMillis,
    List<PhaseResult> phases,
    ColdStartResult coldStart,
    String error,
    ServerUsage serverUsage) {

  public LoadResult {
    phases = phases == null ? List.of() : List.copyOf(phases);
  }

  public boolean failed() {
    return error != null;
  }
}
