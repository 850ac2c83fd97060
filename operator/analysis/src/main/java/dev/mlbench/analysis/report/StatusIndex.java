package dev.mlbench.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mlbench.api.v1alpha1.MLBenchmarkSpec;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.ModelSummaryStatus;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetStatus;
import dev.mlbench.api.v1alpha1.Workload;

/** Null-tolerant lookups into a benchmark's spec and status. */
final class StatusIndex {

  static final String OPEN_LOOP = "open-loop";
  static final String CLOSED_LOOP = "closed-loop";

  private final MLBenchmarkSpec spec;
  private final MLBenchmarkStatus status;

  StatusIndex(MLBenchmarkSpec spec, MLBenchmarkStatus status) {
    this.spec = spec;
    this.status = status;
  }

  /** Models in the order of the spec, then any that only the status knows. */
  List<String> models() {
    Set<String> models = new LinkedHashSet<>();
    if (spec.models != null) {
      spec.models.stream().filter(m -> m != null && m.name != null).forEach(m -> models.add(m.name));
    }
    targets().stream().filter(t -> t.model != null).forEach(t -> models.add(t.model));
    return new ArrayList<>(models);
  }

  Optional<Workload> workload(String model) {
    if (spec.models != null) {
      for (ModelSpec m : spec.models) {
        if (m != null && model.equals(m.name) && m.workload != null) {
          return Optional.of(m.workload);
        }
      }
    }
    return targets().stream().filter(t -> model.equals(t.model) && t.workload != null).map(t -> t.workload).findFirst();
  }

  List<TargetStatus> targets() {
    return status.targets == null ? List.of() : status.targets.stream().filter(t -> t != null).toList();
  }

  /** The model's targets in the order serverless, container, VM. */
  List<TargetStatus> targets(String model) {
    List<TargetStatus> ofModel = new ArrayList<>();
    for (TargetKind kind : TargetKind.values()) {
      target(model, kind).ifPresent(ofModel::add);
    }
    return ofModel;
  }

  Optional<TargetStatus> target(String model, TargetKind kind) {
    return targets().stream().filter(t -> model.equals(t.model) && t.target == kind).findFirst();
  }

  Optional<ModelSummaryStatus> summary(String model) {
    if (status.summary == null || status.summary.models == null) {
      return Optional.empty();
    }
    return status.summary.models.stream().filter(m -> m != null && model.equals(m.model)).findFirst();
  }

  static List<ScenarioStatus> scenarios(TargetStatus target) {
    return target.scenarios == null ? List.of() : target.scenarios.stream().filter(s -> s != null).toList();
  }

  static boolean isOpenLoop(ScenarioStatus scenario) {
    if (scenario.loop != null) {
      return OPEN_LOOP.equals(scenario.loop);
    }
    return scenario.pattern != null && scenario.pattern.openLoop();
  }

  static Optional<ScenarioStatus> firstOpenLoop(TargetStatus target) {
    return scenarios(target).stream().filter(StatusIndex::isOpenLoop).findFirst();
  }

  /** The first closed-loop scenario that measured any concurrency level. */
  static Optional<ScenarioStatus> sweep(TargetStatus target) {
    return scenarios(target).stream()
        .filter(s -> !isOpenLoop(s) && s.levels != null && s.levels.stream().anyMatch(l -> l != null && l.latency != null))
        .findFirst();
  }

  /** The name of the first open-loop scenario the model ran on any target. */
  Optional<String> firstOpenLoopName(String model) {
    return targets(model).stream().map(StatusIndex::firstOpenLoop).flatMap(Optional::stream).map(s -> s.name)
        .filter(n -> n != null).findFirst();
  }

  static String label(TargetKind target) {
    return switch (target) {
      case SERVERLESS -> "Serverless";
      case CONTAINER -> "Container";
      case VM -> "VM";
    };
  }
}
