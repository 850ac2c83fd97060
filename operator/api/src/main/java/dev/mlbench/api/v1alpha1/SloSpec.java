package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "duration(self.latency) > duration('0s') && duration(self.latency) <= duration('1h')", message = "slo.latency must be more than 0s and at most 1h")
public class SloSpec {

  @Default("99")
  @Min(50)
  @Max(99.99)
  @JsonPropertyDescription("Latency percentile the objective applies to (e.g. 99 for p99).")
  public double percentile = 99;

  @Default("500ms")
  @Pattern(Limits.DURATION)
  @JsonPropertyDescription("Latency the percentile must stay under, as a duration (e.g. 500ms).")
  public String latency = "500ms";
}
