package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A break-even request rate with its band from the service-time confidence interval. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BreakEvenStatus {

  @JsonPropertyDescription("Requests per day at the measured median service time.")
  public Double requestsPerDay;

  @JsonPropertyDescription("Requests per day at the upper end of the service time's 95 % confidence interval.")
  public Double low;

  @JsonPropertyDescription("Requests per day at the lower end of the service time's 95 % confidence interval.")
  public Double high;
}
