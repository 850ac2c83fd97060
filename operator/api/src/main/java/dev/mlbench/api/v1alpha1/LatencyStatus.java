package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Latency percentiles in milliseconds. */
public class LatencyStatus {

  @JsonPropertyDescription("Mean latency, ms.")
  public double mean;

  @JsonPropertyDescription("Median latency, ms.")
  public double p50;

  @JsonPropertyDescription("90th percentile, ms.")
  public double p90;

  @JsonPropertyDescription("95th percentile, ms.")
  public double p95;

  @JsonPropertyDescription("99th percentile, ms.")
  public double p99;

  @JsonPropertyDescription("99.9th percentile, ms.")
  public double p999;

  @JsonPropertyDescription("Largest latency, ms.")
  public double max;
}
