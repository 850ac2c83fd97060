package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What a target would cost as its cloud equivalent, at the traffic of spec.cost.traffic, in US dollars. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CostStatus {

  @JsonPropertyDescription("The cloud service the target is priced as, e.g. AWS Lambda, AWS Fargate, EC2 m5.large.")
  public String pricedAs;

  @JsonPropertyDescription("Cost of one million requests at the projected traffic.")
  public Double perMillionRequests;

  @JsonPropertyDescription("Projected cost of 30 days of the traffic.")
  public Double monthly;

  @JsonPropertyDescription("The 30-day cost by component.")
  public CostBreakdownStatus breakdown;

  @JsonPropertyDescription("One-year total cost of ownership: 12 months of cloud cost plus development and operations hours at the hourly rate.")
  public Double yearTco;

  @JsonPropertyDescription("Why the target could not be priced, when it could not.")
  public String message;
}
