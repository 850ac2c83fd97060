package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

public class TcoSpec {

  @Default("100")
  @Min(0)
  @Max(100000)
  @JsonPropertyDescription("Engineering cost per hour, in US dollars.")
  public double hourlyRate = 100;

  @Default("{\"serverless\": 80, \"container\": 100, \"vm\": 120}")
  @JsonPropertyDescription("One-off engineering hours to build each deployment model (defaults follow the seed paper's 1-year TCO table at $100/h).")
  public PerTargetHours development = PerTargetHours.of(80, 100, 120);

  @Default("{\"serverless\": 2.5, \"container\": 4.2, \"vm\": 6.7}")
  @JsonPropertyDescription("Engineering hours per month to operate each deployment model.")
  public PerTargetHours operations = PerTargetHours.of(2.5, 4.2, 6.7);
}
