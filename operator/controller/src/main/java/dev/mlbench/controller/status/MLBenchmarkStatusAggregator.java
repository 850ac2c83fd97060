package dev.mlbench.controller.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.mlbench.api.Durations;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.Phase;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetState;
import dev.mlbench.api.v1alpha1.TargetStatus;
import dev.mlbench.api.v1alpha1.TargetsSpec;
import dev.mlbench.controller.analysis.BenchmarkAnalysis;
import dev.mlbench.controller.dependent.ChildObjects;
import dev.mlbench.controller.dependent.ModelServices;
import dev.mlbench.controller.results.ColdStartSummary;
import dev.mlbench.controller.results.ScenarioStatuses;
import dev.mlbench.controller.run.ModelServerPods;
import dev.mlbench.controller.run.Step;
import dev.mlbench.controller.run.StepState;
import dev.mlbench.controller.run.RunState;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Builds a benchmark's status from what the cluster reports: one entry per model x target, the conditions, and
 * the phase derived from them. It starts from the previous status so nothing recorded earlier is lost.
 */
public final class MLBenchmarkStatusAggregator {

  /** TargetsReady's reason when no target is ready nor can become so: the benchmark has failed. */
  public static final String NO_TARGET_READY = "NoTargetReady";

  /** LoadComplete's reason when the run ended without one scenario measured anywhere: the benchmark has failed. */
  public static final String NOTHING_MEASURED = "NothingMeasured";

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final Clock clock;
  private final String environment;

  public MLBenchmarkStatusAggregator(Clock clock, String environment) {
    this.clock = clock;
    this.environment = environment;
  }

  /** Status of a spec that failed validation: SpecValid=False with every problem, phase Failed. */
  public MLBenchmarkStatus invalid(MLBenchmark benchmark, List<String> problems) {
    MLBenchmarkStatus status = start(benchmark);
    long generation = generation(benchmark);
    Conditions.set(status.conditions, Conditions.SPEC_VALID, false, "InvalidSpec",
        "The spec is invalid and will not be run until it is changed: " + String.join("; ", problems),
        generation, clock.instant());
    Conditions.set(status.conditions, Conditions.READY, false, "InvalidSpec", "Fix the spec: see SpecValid",
        generation, clock.instant());
    return finish(benchmark, status);
  }

  /** Status of a valid spec whose children were reconciled. */
  public MLBenchmarkStatus aggregate(MLBenchmark benchmark, boolean knativeInstalled,
      Map<String, Deployment> deployments, Map<String, Service> knativeServices, List<Pod> modelServerPods) {
    MLBenchmarkStatus status = start(benchmark);
    long generation = generation(benchmark);
    var now = clock.instant();
    Conditions.set(status.conditions, Conditions.SPEC_VALID, true, "Valid", "The spec is valid", generation, now);
    // the model servers are being reconciled, so they are (again) deployed
    Conditions.remove(status.conditions, Conditions.WORKLOADS_REMOVED);

    TargetsSpec targets = benchmark.getSpec().targets;
    status.targets = new ArrayList<>();
    for (ModelSpec model : benchmark.getSpec().models) {
      if (targets.serverless.enabled) {
        status.targets.add(serverless(benchmark, model, knativeInstalled, knativeServices));
      }
      if (targets.container.enabled) {
        status.targets.add(deployed(benchmark, model, TargetKind.CONTAINER, deployments));
      }
      if (targets.vm.enabled) {
        status.targets.add(deployed(benchmark, model, TargetKind.VM, deployments));
      }
    }

    if (targets.serverless.enabled) {
      if (knativeInstalled) {
        Conditions.set(status.conditions, Conditions.KNATIVE_AVAILABLE, true, "KnativeInstalled",
            "Knative Serving is installed", generation, now);
      } else {
        Conditions.set(status.conditions, Conditions.KNATIVE_AVAILABLE, false, "KnativeNotInstalled",
            "Knative Serving is not installed in this cluster (no CustomResourceDefinition services.serving.knative.dev):"
                + " the serverless target is unavailable; the other targets go on",
            generation, now);
      }
    } else {
      Conditions.remove(status.conditions, Conditions.KNATIVE_AVAILABLE);
    }
    failOverdueTargets(benchmark, status, modelServerPods);
    targetsReady(status, generation);
    ready(status, generation);
    return finish(benchmark, status);
  }

  /**
   * Targets still not ready once {@code targets.readyTimeout} has passed are failed, with their pods' reason, so
   * the others go on and the benchmark never waits forever.
   */
  private void failOverdueTargets(MLBenchmark benchmark, MLBenchmarkStatus status, List<Pod> pods) {
    MLBenchmarkStatus previous = benchmark.getStatus();
    boolean sameGeneration = previous != null && Objects.equals(previous.observedGeneration, generation(benchmark));
    Instant now = clock.instant();
    Instant since = ReadinessDeadline.waitingSince(previous == null ? List.of() : previous.conditions, now);
    Duration remaining = ReadinessDeadline.remaining(since, Durations.parse(benchmark.getSpec().targets.readyTimeout), now);
    boolean overdue = remaining.isNegative() || remaining.isZero();
    for (TargetStatus target : status.targets) {
      if (target.state != TargetState.Deploying) {
        continue;
      }
      // a target failed in this generation stays failed: which targets a run measures must not change under it
      Optional<TargetStatus> failedBefore = !sameGeneration ? Optional.empty() : previous.targets.stream()
          .filter(t -> t.model.equals(target.model) && t.target == target.target && t.state == TargetState.Failed)
          .findFirst();
      if (failedBefore.isPresent()) {
        target.state = TargetState.Failed;
        target.message = failedBefore.get().message;
      } else if (overdue) {
        target.state = TargetState.Failed;
        target.message = "not ready after " + benchmark.getSpec().targets.readyTimeout + ": "
            + ReadinessDeadline.podReason(target, pods).orElse(target.message);
      }
    }
  }

  /** How long until the waiting targets run out of time; empty when nothing waits. */
  public Optional<Duration> untilReadyTimeout(MLBenchmark benchmark, MLBenchmarkStatus status) {
    if (status.targets.stream().noneMatch(t -> t.state == TargetState.Deploying)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant since = ReadinessDeadline.waitingSince(status.conditions, now);
    Duration remaining = ReadinessDeadline.remaining(since, Durations.parse(benchmark.getSpec().targets.readyTimeout), now);
    return Optional.of(remaining.isNegative() ? Duration.ofSeconds(1) : remaining.plusSeconds(1));
  }

  /** A new run: its id goes into the status before any of its Jobs exists (intent first). */
  public void startRun(MLBenchmarkStatus status, String runId, long generation) {
    status.runId = runId;
    status.runGeneration = generation;
    status.startedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    status.completedAt = null;
    Conditions.remove(status.conditions, Conditions.LOAD_COMPLETE);
    Conditions.remove(status.conditions, Conditions.ANALYZED);
  }

  /** The scenarios of every model x target and the LoadComplete condition, from the run's state. */
  public MLBenchmarkStatus applyRun(MLBenchmark benchmark, MLBenchmarkStatus status, RunState run,
      List<Pod> modelServerPods) {
    long generation = generation(benchmark);
    for (TargetStatus target : status.targets) {
      run.lanes().stream()
          .filter(l -> l.model().name.equals(target.model) && l.target() == target.target)
          .findFirst()
          .ifPresent(lane -> {
            target.scenarios = lane.steps().stream().filter(step -> !step.coldStartProbe())
                .map(step -> ScenarioStatuses.of(run.steps().get(step), lane))
                .toList();
            target.coldStart = ColdStartSummary.of(lane.target(), lane.steps().stream()
                .filter(Step::coldStartProbe).map(run.steps()::get).toList(),
                ModelServerPods.firstReady(modelServerPods, lane));
            failIfNothingMeasured(target);
          });
    }
    var now = clock.instant();
    if (run.complete()) {
      List<String> failed = run.failed().stream()
          .map(f -> f.step().model().name + "/" + f.step().target().value() + "/" + f.step().name() + ": "
              + f.result().error())
          .toList();
      boolean anyMeasured = status.targets.stream().anyMatch(t -> t.scenarios != null
          && t.scenarios.stream().anyMatch(s -> StepState.Phase.Succeeded.name().equals(s.state)));
      Conditions.set(status.conditions, Conditions.LOAD_COMPLETE, true,
          !anyMeasured ? NOTHING_MEASURED : failed.isEmpty() ? "AllScenariosMeasured" : "SomeScenariosFailed",
          !anyMeasured ? "No scenario could be measured on any target: " + String.join("; ", failed)
              : failed.isEmpty() ? "Every scenario was measured on every available target"
              : "Measured, except: " + String.join("; ", failed),
          generation, now);
    } else {
      long done = run.steps().values().stream().filter(s -> s.result() != null).count();
      Conditions.set(status.conditions, Conditions.LOAD_COMPLETE, false, "Measuring",
          done + " of " + run.steps().size() + " probes and scenario runs measured", generation, now);
    }
    ready(status, generation);
    return finish(benchmark, status);
  }

  /** A target none of whose scenarios could be measured has failed, with the first scenario's reason. */
  private static void failIfNothingMeasured(TargetStatus target) {
    if (target.scenarios.isEmpty()
        || !target.scenarios.stream().allMatch(s -> StepState.Phase.Failed.name().equals(s.state))) {
      return;
    }
    target.state = TargetState.Failed;
    target.message = "every scenario failed; the first: " + target.scenarios.get(0).message;
  }

  /** Whether this run's analysis is already in the status (it is costly, and deterministic: done once). */
  public static boolean analysed(MLBenchmarkStatus previous, String runId) {
    return previous != null && runId.equals(previous.runId) && Conditions.isTrue(previous.conditions, Conditions.ANALYZED);
  }

  /** The costs and the summary of the run: the benchmark is done. */
  public MLBenchmarkStatus applyAnalysis(MLBenchmark benchmark, MLBenchmarkStatus status, BenchmarkAnalysis.Outcome outcome) {
    long generation = generation(benchmark);
    for (TargetStatus target : status.targets) {
      target.cost = outcome.costs().get(BenchmarkAnalysis.key(target.model, target.target));
    }
    status.summary = outcome.summary();
    var now = clock.instant();
    Conditions.set(status.conditions, Conditions.ANALYZED, true, "Analyzed",
        "Costs, the 1-year TCO, break-even rates and the fastest and cheapest targets are in the status", generation, now);
    status.completedAt = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    ready(status, generation);
    return finish(benchmark, status);
  }

  /**
   * The status of an analysed benchmark whose model servers were deleted (spec.cleanup.deleteWorkloads): as it
   * was, with its measured targets marked Removed.
   */
  public MLBenchmarkStatus workloadsRemoved(MLBenchmark benchmark) {
    MLBenchmarkStatus status = start(benchmark);
    for (TargetStatus target : status.targets) {
      if (target.state == TargetState.Ready || target.state == TargetState.Deploying) {
        target.state = TargetState.Removed;
        target.message = "deleted after the analysis (spec.cleanup.deleteWorkloads); edit the spec to deploy and measure again";
        target.readyReplicas = null;
        target.desiredReplicas = null;
      }
    }
    Conditions.set(status.conditions, Conditions.WORKLOADS_REMOVED, true, "DeletedAfterAnalysis",
        "spec.cleanup.deleteWorkloads: the model servers were deleted once the run was analysed; the results, the report"
            + " and this status stay. A new generation of the spec deploys them again",
        generation(benchmark), clock.instant());
    return finish(benchmark, status);
  }

  /** Keeps the costs of an analysed run, since the targets list is rebuilt on every reconciliation. */
  public MLBenchmarkStatus keepAnalysis(MLBenchmark benchmark, MLBenchmarkStatus status) {
    List<TargetStatus> before = benchmark.getStatus().targets;
    for (TargetStatus target : status.targets) {
      before.stream().filter(t -> t.model.equals(target.model) && t.target == target.target).findFirst()
          .ifPresent(t -> target.cost = t.cost);
    }
    return status;
  }

  /** Whether the new status differs from the one stored, so an unchanged status is never written. */
  public static boolean changed(MLBenchmarkStatus previous, MLBenchmarkStatus next) {
    return previous == null || !JSON.asJson(previous).equals(JSON.asJson(next));
  }

  private TargetStatus serverless(MLBenchmark benchmark, ModelSpec model, boolean knativeInstalled,
      Map<String, Service> services) {
    String name = ChildObjects.workloadName(benchmark, model.name, TargetKind.SERVERLESS);
    TargetStatus target = entry(model, TargetKind.SERVERLESS, name);
    if (!knativeInstalled) {
      target.state = TargetState.Unavailable;
      target.message = "Knative Serving is not installed in this cluster";
      return target;
    }
    Service service = services.get(name);
    TargetReadiness readiness = service == null ? TargetReadiness.missing("Knative Service") : TargetReadiness.of(service);
    apply(target, readiness);
    target.endpoint = readiness.url();
    return target;
  }

  private TargetStatus deployed(MLBenchmark benchmark, ModelSpec model, TargetKind kind,
      Map<String, Deployment> deployments) {
    String name = ChildObjects.workloadName(benchmark, model.name, kind);
    TargetStatus target = entry(model, kind, name);
    Deployment deployment = deployments.get(name);
    apply(target, deployment == null ? TargetReadiness.missing("Deployment") : TargetReadiness.of(deployment));
    target.endpoint = ModelServices.endpoint(benchmark, model.name, kind);
    return target;
  }

  private static TargetStatus entry(ModelSpec model, TargetKind kind, String name) {
    TargetStatus target = new TargetStatus();
    target.model = model.name;
    target.workload = model.workload;
    target.target = kind;
    target.workloadName = name;
    return target;
  }

  private static void apply(TargetStatus target, TargetReadiness readiness) {
    target.state = readiness.state();
    target.message = readiness.message();
    target.readyReplicas = readiness.readyReplicas();
    target.desiredReplicas = readiness.desiredReplicas();
  }

  private void targetsReady(MLBenchmarkStatus status, long generation) {
    List<String> waiting = status.targets.stream()
        .filter(t -> t.state == TargetState.Deploying)
        .map(t -> t.model + "/" + t.target.value() + ": " + t.message)
        .toList();
    List<String> failed = status.targets.stream()
        .filter(t -> t.state == TargetState.Failed)
        .map(t -> t.model + "/" + t.target.value() + ": " + t.message)
        .toList();
    boolean anyReady = status.targets.stream().anyMatch(t -> t.state == TargetState.Ready);
    var now = clock.instant();
    if (!waiting.isEmpty()) {
      Conditions.set(status.conditions, Conditions.TARGETS_READY, false, "TargetsDeploying",
          "Waiting for " + String.join("; ", waiting), generation, now);
    } else if (!anyReady) {
      Conditions.set(status.conditions, Conditions.TARGETS_READY, false, NO_TARGET_READY,
          failed.isEmpty() ? "No enabled target can run in this cluster"
              : "No target became ready: " + String.join("; ", failed),
          generation, now);
    } else {
      long unavailable = status.targets.stream().filter(t -> t.state == TargetState.Unavailable).count();
      String left = (unavailable > 0 ? unavailable + " unavailable" : "")
          + (unavailable > 0 && !failed.isEmpty() ? ", " : "")
          + (failed.isEmpty() ? "" : failed.size() + " failed: " + String.join("; ", failed));
      Conditions.set(status.conditions, Conditions.TARGETS_READY, true, "AllTargetsReady",
          left.isEmpty() ? "Every model is ready on every target"
              : "Every target that can run is ready; " + left,
          generation, now);
    }
  }

  private void ready(MLBenchmarkStatus status, long generation) {
    var now = clock.instant();
    Phase phase = Phases.derive(status.conditions);
    if (phase == Phase.Succeeded) {
      Conditions.set(status.conditions, Conditions.READY, true, "Succeeded", "The benchmark finished", generation, now);
    } else {
      Conditions.set(status.conditions, Conditions.READY, false, phase.name(), "The benchmark is " + phase.name().toLowerCase(),
          generation, now);
    }
  }

  private MLBenchmarkStatus start(MLBenchmark benchmark) {
    MLBenchmarkStatus previous = benchmark.getStatus();
    MLBenchmarkStatus status = previous == null ? new MLBenchmarkStatus()
        : JSON.unmarshal(JSON.asJson(previous), MLBenchmarkStatus.class);
    if (status.conditions == null) {
      status.conditions = new ArrayList<>();
    }
    return status;
  }

  private MLBenchmarkStatus finish(MLBenchmark benchmark, MLBenchmarkStatus status) {
    MLBenchmarkStatus previous = benchmark.getStatus();
    long generation = generation(benchmark);
    boolean sameGeneration = previous != null && Objects.equals(previous.observedGeneration, generation);
    status.phase = Phases.next(previous == null ? null : previous.phase, sameGeneration, Phases.derive(status.conditions));
    status.observedGeneration = generation;
    status.environment = environment;
    status.modelCount = benchmark.getSpec() == null || benchmark.getSpec().models == null ? 0
        : benchmark.getSpec().models.size();
    return status;
  }

  private static long generation(MLBenchmark benchmark) {
    return Objects.requireNonNullElse(benchmark.getMetadata().getGeneration(), 0L);
  }
}
