package dev.mlbench.api.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a load pod measured: a load scenario, or one request against a target scaled to zero. */
public enum ResultMode {
  @JsonProperty("load")
  LOAD,
  @JsonProperty("cold-start")
  COLD_START
}
