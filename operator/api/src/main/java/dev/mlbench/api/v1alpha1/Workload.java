package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The reference workloads of mlbench, each served by a project image; {@code custom} brings any OIP v2 server. */
public enum Workload {
  @JsonProperty("image-classification")
  IMAGE_CLASSIFICATION("image-classification"),
  @JsonProperty("sentiment")
  SENTIMENT("sentiment"),
  @JsonProperty("timeseries")
  TIMESERIES("timeseries"),
  @JsonProperty("recommendation")
  RECOMMENDATION("recommendation"),
  @JsonProperty("custom")
  CUSTOM("custom");

  private final String value;

  Workload(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }
}
