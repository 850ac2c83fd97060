package dev.mlbench.controller.run;

import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.v1alpha1.UtilisationStatus;

/**
 * Where one step of a run stands; a finished step has its stored result and, when the cluster's metrics API was
 * sampled during it, its utilisation.
 */
public record StepState(Step step, Phase phase, LoadResult result, UtilisationStatus utilisation) {

  public enum Phase {
    Pending,
    Running,
    Succeeded,
    Failed
  }

  public StepState(Step step, Phase phase, LoadResult result) {
    this(step, phase, result, null);
  }

  static StepState finished(Step step, LoadResult result, UtilisationStatus utilisation) {
    return new StepState(step, result.failed() ? Phase.Failed : Phase.Succeeded, result, utilisation);
  }
}
