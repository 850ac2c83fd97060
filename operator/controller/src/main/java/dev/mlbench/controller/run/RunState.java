package dev.mlbench.controller.run;

import java.util.List;
import java.util.Map;

/** The state of every step of the current run, for the status. */
public record RunState(String runId, List<Lane> lanes, Map<Step, StepState> steps) {

  public boolean complete() {
    return steps.values().stream().allMatch(s -> s.phase() == StepState.Phase.Succeeded || s.phase() == StepState.Phase.Failed);
  }

  /** Whether a load scenario (not a probe) is running, whose target's utilisation is being sampled. */
  public boolean measuringLoad() {
    return steps.values().stream().anyMatch(s -> s.phase() == StepState.Phase.Running && !s.step().coldStartProbe());
  }

  /** Whether any step, probe or scenario, has a Job running. */
  public boolean running() {
    return steps.values().stream().anyMatch(s -> s.phase() == StepState.Phase.Running);
  }

  public List<StepState> failed() {
    return steps.values().stream().filter(s -> s.phase() == StepState.Phase.Failed).toList();
  }
}
