package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The 95 % confidence interval of each latency percentile that has enough samples, in milliseconds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LatencyIntervals {

  @JsonPropertyDescription("Interval of the median.")
  public Interval p50;

  @JsonPropertyDescription("Interval of the 90th percentile.")
  public Interval p90;

  @JsonPropertyDescription("Interval of the 95th percentile.")
  public Interval p95;

  @JsonPropertyDescription("Interval of the 99th percentile.")
  public Interval p99;

  @JsonPropertyDescription("Interval of the 99.9th percentile.")
  public Interval p999;
}
