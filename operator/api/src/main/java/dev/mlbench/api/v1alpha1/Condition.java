package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A Kubernetes-style condition of a benchmark. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Condition {

  @JsonPropertyDescription("Kind of condition: SpecValid, KnativeAvailable, TargetsReady, LoadComplete, Analyzed or Ready.")
  public String type;

  @JsonPropertyDescription("True, False or Unknown.")
  public String status;

  @JsonPropertyDescription("Why the condition has its status, as a CamelCase word.")
  public String reason;

  @JsonPropertyDescription("What happened, in words a person can act on.")
  public String message;

  @JsonPropertyDescription("The benchmark's metadata.generation the condition was set for.")
  public Long observedGeneration;

  @JsonPropertyDescription("When the status last changed (RFC 3339).")
  public String lastTransitionTime;

  public Condition() {
  }

  public Condition(String type, String status, String reason, String message, Long observedGeneration,
      String lastTransitionTime) {
    this.type = type;
    this.status = status;
    this.reason = reason;
    this.message = message;
    this.observedGeneration = observedGeneration;
    this.lastTransitionTime = lastTransitionTime;
  }
}
