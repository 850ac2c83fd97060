package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The three ways mlbench deploys a model. */
public enum TargetKind {
  @JsonProperty("serverless")
  SERVERLESS("serverless"),
  @JsonProperty("container")
  CONTAINER("container"),
  @JsonProperty("vm")
  VM("vm");

  private final String value;

  TargetKind(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }
}
