package dev.mlbench.api.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How load was offered. Open-loop latencies are measured from the intended send time and are free of
 * coordinated omission; closed-loop latencies are measured from the actual send time and are not.
 */
public enum LoopKind {
  @JsonProperty("open-loop")
  OPEN_LOOP,
  @JsonProperty("closed-loop")
  CLOSED_LOOP
}
