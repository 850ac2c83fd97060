package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The answer for one model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelSummaryStatus {

  @JsonPropertyDescription("Name of the model.")
  public String model;

  @JsonPropertyDescription("Target with the lowest median latency in the first open-loop scenario.")
  public String fastest;

  @JsonPropertyDescription("Mann-Whitney U p-value of the fastest target against the runner-up (same scenario).")
  public Double fastestPValue;

  @JsonPropertyDescription("Whether the fastest target is faster than the runner-up at the 5 % level.")
  public Boolean fastestSignificant;

  @JsonPropertyDescription("Target with the lowest projected 30-day cost.")
  public String cheapest;

  @JsonPropertyDescription("Requests per day above which serverless costs more than the container target; absent when it never does up to the limit.")
  public BreakEvenStatus breakEvenVsContainer;

  @JsonPropertyDescription("Requests per day above which serverless costs more than the VM target; absent when it never does up to the limit.")
  public BreakEvenStatus breakEvenVsVm;
}
