package dev.mlbench.api.v1alpha1;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Cold starts measured on one model x target. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ColdStartStatus {

  @JsonPropertyDescription("Cold starts measured.")
  public Integer samples;

  @JsonPropertyDescription("Pending, Running, Succeeded or Failed.")
  public String state;

  @JsonPropertyDescription("Why the probes failed, or what they wait for.")
  public String message;

  @JsonPropertyDescription("Median time from the first request (serverless) or pod creation (container, vm) to the first successful inference, ms.")
  public Double p50;

  @JsonPropertyDescription("Longest cold start, ms.")
  public Double max;

  @JsonPropertyDescription("The median cold start split into stages, in the order they happen.")
  public List<StageStatus> stages;
}
