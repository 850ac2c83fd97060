package dev.mlbench.controller.status;

import java.util.Objects;

import dev.mlbench.api.v1alpha1.TargetState;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Readiness of a target read from its child's own status, never assumed from its spec. */
public record TargetReadiness(TargetState state, String message, Integer readyReplicas, Integer desiredReplicas,
    String url) {

  public static TargetReadiness missing(String kind) {
    return new TargetReadiness(TargetState.Deploying, kind + " not created yet", null, null, null);
  }

  /** A Deployment is ready when its controller saw the current generation and every replica is updated and available. */
  public static TargetReadiness of(Deployment deployment) {
    int desired = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    var status = deployment.getStatus();
    if (status == null) {
      return new TargetReadiness(TargetState.Deploying, "rollout not started", 0, desired, null);
    }
    int ready = Objects.requireNonNullElse(status.getReadyReplicas(), 0);
    int available = Objects.requireNonNullElse(status.getAvailableReplicas(), 0);
    int updated = Objects.requireNonNullElse(status.getUpdatedReplicas(), 0);
    long generation = Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 0L);
    long observed = Objects.requireNonNullElse(status.getObservedGeneration(), 0L);
    if (observed < generation) {
      return new TargetReadiness(TargetState.Deploying, "rollout of generation " + generation + " not observed yet",
          ready, desired, null);
    }
    if (updated < desired || available < desired) {
      return new TargetReadiness(TargetState.Deploying, available + " of " + desired + " replicas available",
          ready, desired, null);
    }
    return new TargetReadiness(TargetState.Ready, null, ready, desired, null);
  }

  /** A Knative Service is ready when its Ready condition is True for the current generation and it has an address. */
  public static TargetReadiness of(Service service) {
    var status = service.getStatus();
    if (status == null) {
      return new TargetReadiness(TargetState.Deploying, "Knative has not reported on the service yet", null, null, null);
    }
    long generation = Objects.requireNonNullElse(service.getMetadata().getGeneration(), 0L);
    long observed = Objects.requireNonNullElse(status.getObservedGeneration(), 0L);
    String url = status.getAddress() != null && status.getAddress().getUrl() != null
        ? status.getAddress().getUrl()
        : status.getUrl();
    var ready = status.getConditions() == null ? null
        : status.getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst().orElse(null);
    if (observed < generation) {
      return new TargetReadiness(TargetState.Deploying, "revision of generation " + generation + " not observed yet",
          null, null, url);
    }
    if (ready == null || !"True".equals(ready.getStatus()) || url == null) {
      String why = ready == null ? "no Ready condition yet"
          : (ready.getReason() != null ? ready.getReason() : "not ready")
              + (ready.getMessage() != null ? ": " + ready.getMessage() : "");
      return new TargetReadiness(TargetState.Deploying, why, null, null, url);
    }
    return new TargetReadiness(TargetState.Ready, null, null, null, url);
  }
}
