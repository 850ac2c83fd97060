package dev.mlbench.controller.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.mlbench.api.results.ColdStartResult;
import dev.mlbench.api.v1alpha1.ColdStartStatus;
import dev.mlbench.api.v1alpha1.StageStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.controller.run.StepState;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/**
 * Cold starts of one model x target, as totals and stages. Serverless: each probe found the service scaled to
 * zero, so its response time is the cold start, split by the server's own start and model-ready timestamps.
 * Container and VM: the pod's own history (created, scheduled, initialised, ready; Kubernetes keeps these to
 * the second) plus the server's timestamps, plus the first inference the probe timed.
 */
public final class ColdStartSummary {

  /** How far apart the clocks of a load pod, a model server and the API server may be. */
  static final long CLOCK_SKEW_MILLIS = 1000;

  private ColdStartSummary() {
  }

  public static ColdStartStatus of(TargetKind target, List<StepState> probes, Optional<Pod> pod) {
    if (probes.isEmpty()) {
      return null;
    }
    ColdStartStatus status = new ColdStartStatus();
    List<StepState> measured = probes.stream()
        .filter(p -> p.result() != null && !p.result().failed() && p.result().coldStart() != null
            && p.result().coldStart().failure() == null && p.result().coldStart().timeToFullResponseMillis() != null)
        .toList();
    List<StepState> failed = probes.stream().filter(p -> p.result() != null && !measured.contains(p)).toList();
    boolean finished = probes.stream().allMatch(p -> p.result() != null);
    status.state = !finished ? (probes.stream().anyMatch(p -> p.phase() == StepState.Phase.Running) ? "Running" : "Pending")
        : measured.isEmpty() ? "Failed" : "Succeeded";
    if (!failed.isEmpty()) {
      ColdStartResult firstFailure = failed.get(0).result().coldStart();
      status.message = failed.size() + " of " + probes.size() + " probes failed: " + (failed.get(0).result().failed()
          ? failed.get(0).result().error()
          : "request ended with " + (firstFailure == null ? "no result" : firstFailure.failure()));
    }
    if (measured.isEmpty()) {
      return status;
    }
    List<Sample> samples = new ArrayList<>();
    for (StepState probe : measured) {
      samples.add(target == TargetKind.SERVERLESS ? serverless(probe.result().coldStart()) : deployed(probe.result().coldStart(), pod));
    }
    samples.sort(Comparator.comparingDouble(Sample::total));
    Sample median = samples.get((samples.size() - 1) / 2);
    status.samples = samples.size();
    status.p50 = round(median.total());
    status.max = round(samples.get(samples.size() - 1).total());
    status.stages = median.stages();
    return status;
  }

  private record Sample(double total, List<StageStatus> stages) {
  }

  static Sample serverless(ColdStartResult probe) {
    double total = probe.timeToFullResponseMillis();
    List<StageStatus> stages = new ArrayList<>();
    if (probe.serverProcessStartEpochMillis() != null && probe.serverModelReadyEpochMillis() != null
        && probe.serverProcessStartEpochMillis() >= probe.requestStartEpochMillis() - CLOCK_SKEW_MILLIS) {
      // clocks may differ by up to the skew: a server start just "before" the request still counts as its cold start
      double start = Math.max(0, probe.serverProcessStartEpochMillis() - probe.requestStartEpochMillis());
      double load = probe.serverModelReadyEpochMillis()
          - Math.max(probe.serverProcessStartEpochMillis(), probe.requestStartEpochMillis());
      double firstInference = total - start - load;
      // a model that was ready before the request, or stages longer than the response, describe another start
      if (load >= 0 && firstInference >= 0) {
        stages.add(stage("scale-from-zero", start));
        stages.add(stage("model-load", load));
        stages.add(stage("first-inference", firstInference));
        return new Sample(total, stages);
      }
    }
    double connect = probe.connectMillis() == null ? 0 : probe.connectMillis();
    double firstByte = probe.timeToFirstByteMillis() == null ? total : probe.timeToFirstByteMillis();
    stages.add(stage("connect", connect));
    stages.add(stage("time-to-first-byte", firstByte - connect));
    stages.add(stage("response", total - firstByte));
    return new Sample(total, stages);
  }

  static Sample deployed(ColdStartResult probe, Optional<Pod> pod) {
    double inference = probe.timeToFullResponseMillis();
    if (pod.isEmpty()) {
      return new Sample(inference, List.of(stage("first-inference", inference)));
    }
    Pod p = pod.get();
    Optional<Instant> created = instant(p.getMetadata().getCreationTimestamp());
    Optional<Instant> scheduled = condition(p, "PodScheduled");
    Optional<Instant> initialised = condition(p, "Initialized");
    Optional<Instant> containersReady = condition(p, "ContainersReady");
    Optional<Instant> ready = condition(p, "Ready");
    if (created.isEmpty() || scheduled.isEmpty() || initialised.isEmpty() || ready.isEmpty()) {
      return new Sample(inference, List.of(stage("first-inference", inference)));
    }
    List<StageStatus> stages = new ArrayList<>();
    stages.add(stage("scheduling", between(created.get(), scheduled.get())));
    stages.add(stage("initialisation", between(scheduled.get(), initialised.get())));
    Instant processStart = probe.serverProcessStartEpochMillis() == null ? null
        : Instant.ofEpochMilli(probe.serverProcessStartEpochMillis());
    Instant modelReady = probe.serverModelReadyEpochMillis() == null ? null
        : Instant.ofEpochMilli(probe.serverModelReadyEpochMillis());
    if (within(processStart, initialised.get(), ready.get()) && within(modelReady, initialised.get(), ready.get())) {
      stages.add(stage("container-start", between(initialised.get(), processStart)));
      stages.add(stage("model-load", between(processStart, modelReady)));
      stages.add(stage("readiness", between(modelReady, ready.get())));
    } else {
      Instant started = containersReady.orElse(ready.get());
      stages.add(stage("container-start-and-model-load", between(initialised.get(), started)));
      stages.add(stage("readiness", between(started, ready.get())));
    }
    stages.add(stage("first-inference", inference));
    double total = stages.stream().mapToDouble(s -> s.ms).sum();
    return new Sample(total, stages);
  }

  /**
   * Whether a server timestamp belongs to this pod's start. Pod conditions are kept to the second, so a
   * timestamp may be up to a second outside them; one further away came from another replica or an earlier
   * start, and the stages fall back to what the pod alone tells.
   */
  private static boolean within(Instant timestamp, Instant from, Instant to) {
    return timestamp != null && !timestamp.isBefore(from.minusMillis(CLOCK_SKEW_MILLIS))
        && !timestamp.isAfter(to.plusMillis(CLOCK_SKEW_MILLIS));
  }

  private static Optional<Instant> condition(Pod pod, String type) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
        .map(PodCondition::getLastTransitionTime)
        .findFirst()
        .flatMap(ColdStartSummary::instant);
  }

  private static Optional<Instant> instant(String timestamp) {
    return timestamp == null ? Optional.empty() : Optional.of(Instant.parse(timestamp));
  }

  /** Clocks of nodes and pods differ a little; a stage never lasts less than nothing. */
  private static double between(Instant from, Instant to) {
    return Math.max(0, to.toEpochMilli() - from.toEpochMilli());
  }

  private static StageStatus stage(String name, double ms) {
    return new StageStatus(name, round(Math.max(0, ms)));
  }

  private static double round(double ms) {
    return Math.round(ms * 10) / 10.0;
  }
}
