package dev.mlbench.controller.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.Condition;
import dev.mlbench.api.v1alpha1.Phase;

class ConditionsAndPhasesTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant T1 = Instant.parse("2026-01-01T00:05:00Z");

  @Test
  void lastTransitionTimeChangesOnlyWhenTheStatusDoes() {
    List<Condition> conditions = new ArrayList<>();
    Conditions.set(conditions, Conditions.TARGETS_READY, false, "TargetsDeploying", "waiting for a", 1, T0);
    Conditions.set(conditions, Conditions.TARGETS_READY, false, "TargetsDeploying", "waiting for b", 2, T1);
    assertThat(conditions).singleElement().satisfies(c -> {
      assertThat(c.lastTransitionTime).isEqualTo("2026-01-01T00:00:00Z");
      assertThat(c.message).isEqualTo("waiting for b");
      assertThat(c.observedGeneration).isEqualTo(2);
    });

    Conditions.set(conditions, Conditions.TARGETS_READY, true, "AllTargetsReady", "ready", 2, T1);
    assertThat(conditions.get(0).lastTransitionTime).isEqualTo("2026-01-01T00:05:00Z");
  }

  @Test
  void phaseFollowsTheConditionsInOrder() {
    List<Condition> conditions = new ArrayList<>();
    assertThat(Phases.derive(conditions)).isEqualTo(Phase.Pending);
    Conditions.set(conditions, Conditions.SPEC_VALID, true, "Valid", "", 1, T0);
    assertThat(Phases.derive(conditions)).isEqualTo(Phase.Deploying);
    Conditions.set(conditions, Conditions.TARGETS_READY, true, "AllTargetsReady", "", 1, T0);
    assertThat(Phases.derive(conditions)).isEqualTo(Phase.Measuring);
    Conditions.set(conditions, Conditions.LOAD_COMPLETE, true, "AllScenariosMeasured", "", 1, T0);
    assertThat(Phases.derive(conditions)).isEqualTo(Phase.Analyzing);
    Conditions.set(conditions, Conditions.ANALYZED, true, "Analyzed", "", 1, T0);
    assertThat(Phases.derive(conditions)).isEqualTo(Phase.Succeeded);
    Conditions.set(conditions, Conditions.SPEC_VALID, false, "InvalidSpec", "", 2, T0);
    assertThat(Phases.derive(conditions)).isEqualTo(Phase.Failed);
  }

  @Test
  void phaseNeverMovesBackWithinAGenerationButStartsOverWithANewOne() {
    assertThat(Phases.next(Phase.Measuring, true, Phase.Deploying)).isEqualTo(Phase.Measuring);
    assertThat(Phases.next(Phase.Measuring, false, Phase.Deploying)).isEqualTo(Phase.Deploying);
    assertThat(Phases.next(Phase.Measuring, true, Phase.Failed)).isEqualTo(Phase.Failed);
    assertThat(Phases.next(null, true, Phase.Pending)).isEqualTo(Phase.Pending);
    // a failure whose cause went away within the generation (a trace ConfigMap created late) is left
    assertThat(Phases.next(Phase.Failed, true, Phase.Deploying)).isEqualTo(Phase.Deploying);
  }

  @Test
  void aRunThatMeasuredNothingFails() {
    List<Condition> conditions = new ArrayList<>();
    Conditions.set(conditions, Conditions.SPEC_VALID, true, "Valid", "", 1, T0);
    Conditions.set(conditions, Conditions.TARGETS_READY, true, "AllTargetsReady", "", 1, T0);
    Conditions.set(conditions, Conditions.LOAD_COMPLETE, true, MLBenchmarkStatusAggregator.NOTHING_MEASURED, "", 1, T0);
    Conditions.set(conditions, Conditions.ANALYZED, true, "Analyzed", "", 1, T0);
    assertThat(Phases.derive(conditions)).isEqualTo(Phase.Failed);
  }
}
