package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

public class PerTargetHours {

  @Required
  @Min(0)
  @Max(100000)
  @JsonPropertyDescription("Hours for the serverless target.")
  public double serverless;

  @Required
  @Min(0)
  @Max(100000)
  @JsonPropertyDescription("Hours for the container target.")
  public double container;

  @Required
  @Min(0)
  @Max(100000)
  @JsonPropertyDescription("Hours for the VM target.")
  public double vm;

  static PerTargetHours of(double serverless, double container, double vm) {
    PerTargetHours hours = new PerTargetHours();
    hours.serverless = serverless;
    hours.container = container;
    hours.vm = vm;
    return hours;
  }
}
