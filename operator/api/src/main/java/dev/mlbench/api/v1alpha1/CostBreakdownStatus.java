package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A 30-day cost split by what is billed. */
public class CostBreakdownStatus {

  @JsonPropertyDescription("Compute: function duration, replica-hours or instance-hours.")
  public double compute;

  @JsonPropertyDescription("Per-request fees.")
  public double requests;

  @JsonPropertyDescription("Model and image storage.")
  public double storage;

  @JsonPropertyDescription("Data transfer out (measured response bytes).")
  public double transfer;

  @JsonPropertyDescription("API gateway fees.")
  public double gateway;
}
