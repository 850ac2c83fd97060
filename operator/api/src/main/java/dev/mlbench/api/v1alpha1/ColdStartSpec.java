package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

public class ColdStartSpec {

  @Default("5")
  @Min(0)
  @Max(Limits.MAX_COLD_START_SAMPLES)
  @JsonPropertyDescription("Cold starts to measure per model and target; 0 skips the probes.")
  public int samples = 5;
}
