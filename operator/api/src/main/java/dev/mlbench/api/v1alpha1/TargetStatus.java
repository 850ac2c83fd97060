package dev.mlbench.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TargetStatus {

  @JsonPropertyDescription("Name of the model.")
  public String model;

  @JsonPropertyDescription("Workload of the model.")
  public Workload workload;

  @JsonPropertyDescription("Deployment model: serverless, container or vm.")
  public TargetKind target;

  @JsonPropertyDescription("Name of the Knative Service or Deployment that serves the model on this target.")
  public String workloadName;

  @JsonPropertyDescription("Base URL of the model server's Open Inference Protocol v2 API on this target.")
  public String endpoint;

  @JsonPropertyDescription("Deploying, Ready, Unavailable, Failed, or Removed once the benchmark was analysed and its model servers deleted (spec.cleanup.deleteWorkloads).")
  public TargetState state;

  @JsonPropertyDescription("Why the target is in its state, when it is not Ready.")
  public String message;

  @JsonPropertyDescription("Pods ready to serve, out of desiredReplicas.")
  public Integer readyReplicas;

  @JsonPropertyDescription("Pods the target is meant to run (for serverless: the current scale).")
  public Integer desiredReplicas;

  @JsonPropertyDescription("Cold starts measured on this target.")
  public ColdStartStatus coldStart;

  @JsonPropertyDescription("One entry per load scenario, in the order they run.")
  public List<ScenarioStatus> scenarios;

  @JsonPropertyDescription("What the target costs as its cloud equivalent at the projected traffic.")
  public CostStatus cost;
}
