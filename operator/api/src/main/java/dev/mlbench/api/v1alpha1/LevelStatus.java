package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One level of a closed-loop concurrency sweep. */
public class LevelStatus {

  @JsonPropertyDescription("Concurrent requests held in flight.")
  public int concurrency;

  @JsonPropertyDescription("Requests sent at this level.")
  public long requests;

  @JsonPropertyDescription("Failed requests at this level.")
  public long errors;

  @JsonPropertyDescription("Successful responses per second at this level.")
  public double throughput;

  @JsonPropertyDescription("Latency at this level, ms.")
  public LatencyStatus latency;
}
