package dev.mlbench.controller.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.mlbench.api.v1alpha1.Condition;
import dev.mlbench.api.v1alpha1.TargetStatus;
import dev.mlbench.controller.dependent.ChildObjects;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;

/**
 * How long targets may take to become ready ({@code spec.targets.readyTimeout}), counted from when the
 * benchmark started waiting for them, and why a target that ran out of time is not ready, in the words of its
 * pods (CrashLoopBackOff, ImagePullBackOff, Unschedulable, ...).
 */
public final class ReadinessDeadline {

  private ReadinessDeadline() {
  }

  /** When the benchmark started waiting: the moment TargetsReady last turned False, or now. */
  public static Instant waitingSince(List<Condition> previous, Instant now) {
    return Conditions.find(previous, Conditions.TARGETS_READY)
        .filter(c -> "False".equals(c.status) && c.lastTransitionTime != null)
        .map(c -> Instant.parse(c.lastTransitionTime))
        .orElse(now);
  }

  /** What the target's pods say about why it is not ready; empty when they say nothing useful. */
  public static Optional<String> podReason(TargetStatus target, List<Pod> pods) {
    for (Pod pod : pods) {
      Map<String, String> labels = pod.getMetadata().getLabels();
      if (labels == null || !target.model.equals(labels.get(ChildObjects.MODEL_LABEL))
          || !target.target.value().equals(labels.get(ChildObjects.TARGET_LABEL)) || pod.getStatus() == null) {
        continue;
      }
      for (ContainerStatus container : Objects.requireNonNullElse(pod.getStatus().getContainerStatuses(),
          List.<ContainerStatus>of())) {
        var state = container.getState();
        if (state != null && state.getWaiting() != null && state.getWaiting().getReason() != null) {
          return Optional.of("pod " + pod.getMetadata().getName() + ": " + state.getWaiting().getReason()
              + message(state.getWaiting().getMessage()) + restarts(container));
        }
        if (state != null && state.getTerminated() != null) {
          return Optional.of("pod " + pod.getMetadata().getName() + ": " + state.getTerminated().getReason()
              + " (exit code " + state.getTerminated().getExitCode() + ")" + restarts(container));
        }
      }
      var unschedulable = Objects.requireNonNullElse(pod.getStatus().getConditions(), List.<io.fabric8.kubernetes.api.model.PodCondition>of())
          .stream().filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())).findFirst();
      if (unschedulable.isPresent()) {
        return Optional.of("pod " + pod.getMetadata().getName() + ": " + unschedulable.get().getReason()
            + message(unschedulable.get().getMessage()));
      }
    }
    return Optional.empty();
  }

  public static Duration remaining(Instant since, Duration timeout, Instant now) {
    return Duration.between(now, since.plus(timeout));
  }

  private static String message(String message) {
    return message == null || message.isBlank() ? "" : " (" + message + ")";
  }

  private static String restarts(ContainerStatus container) {
    Integer restarts = container.getRestartCount();
    return restarts == null || restarts == 0 ? "" : ", " + restarts + " restarts";
  }
}
