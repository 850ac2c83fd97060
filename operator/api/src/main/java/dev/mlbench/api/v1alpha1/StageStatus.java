package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One stage of a cold start. */
public class StageStatus {

  @JsonPropertyDescription("Stage, e.g. scheduling, container-start, model-load, first-inference.")
  public String name;

  @JsonPropertyDescription("Duration of the stage, ms.")
  public double ms;

  public StageStatus() {
  }

  public StageStatus(String name, double ms) {
    this.name = name;
    this.ms = ms;
  }
}
