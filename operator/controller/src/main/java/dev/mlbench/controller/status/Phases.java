package dev.mlbench.controller.status;

import java.util.List;

import dev.mlbench.api.v1alpha1.Condition;
import dev.mlbench.api.v1alpha1.Phase;

/**
 * The one place where a benchmark's phase is derived from its conditions. A benchmark fails when its spec is
 * invalid, when no target is ready nor can become so (none available, or every one past its readyTimeout), or
 * when the run ended with no scenario measured on any target (every one failed, e.g. by its error rate); with at
 * least one scenario measured it goes on, and failed targets and scenarios are reported in the status.
 */
public final class Phases {

  private Phases() {
  }

  /** The phase the conditions describe. */
  public static Phase derive(List<Condition> conditions) {
    if (Conditions.isFalse(conditions, Conditions.SPEC_VALID)) {
      return Phase.Failed;
    }
    if (!Conditions.isTrue(conditions, Conditions.SPEC_VALID)) {
      return Phase.Pending;
    }
    if (!Conditions.isTrue(conditions, Conditions.TARGETS_READY)) {
      boolean nothingCanRun = Conditions.find(conditions, Conditions.TARGETS_READY)
          .map(c -> MLBenchmarkStatusAggregator.NO_TARGET_READY.equals(c.reason)).orElse(false);
      return nothingCanRun ? Phase.Failed : Phase.Deploying;
    }
    if (!Conditions.isTrue(conditions, Conditions.LOAD_COMPLETE)) {
      return Phase.Measuring;
    }
    if (Conditions.find(conditions, Conditions.LOAD_COMPLETE)
        .map(c -> MLBenchmarkStatusAggregator.NOTHING_MEASURED.equals(c.reason)).orElse(false)) {
      return Phase.Failed;
    }
    if (!Conditions.isTrue(conditions, Conditions.ANALYZED)) {
      return Phase.Analyzing;
    }
    return Phase.Succeeded;
  }

  /**
   * The phase to show: within one generation it never moves back (a pod restart during the measurement does
   * not make the benchmark "Deploying" again); a new generation starts over.
   */
  public static Phase next(Phase previous, boolean sameGeneration, Phase derived) {
    // Failed is left only when its cause went away within the generation (a trace ConfigMap created late)
    if (previous == null || !sameGeneration || derived == Phase.Failed || previous == Phase.Failed) {
      return derived;
    }
    return derived.ordinal() < previous.ordinal() ? previous : derived;
  }
}
