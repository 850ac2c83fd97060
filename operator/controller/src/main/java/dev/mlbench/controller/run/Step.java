package dev.mlbench.controller.run;

import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.ScenarioSpec;
import dev.mlbench.api.v1alpha1.TargetKind;

/**
 * One load Job of a run on one model x target: a cold-start probe or a load scenario.
 *
 * @param name the scenario's name, or {@code cold-start-<n>} for the n-th probe
 * @param scenario the load scenario; null for a cold-start probe
 * @param jobName deterministic, so a restarted operator finds the Job it already created
 * @param resultKey key of the step's result in its lane's results ConfigMap
 */
public record Step(ModelSpec model, TargetKind target, String name, ScenarioSpec scenario, String runId,
    String jobName, String resultKey) {

  public boolean coldStartProbe() {
    return scenario == null;
  }

  public String pattern() {
    return coldStartProbe() ? "cold-start" : scenario.pattern.name().toLowerCase();
  }
}
