package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "self.minReplicas <= self.maxReplicas", message = "container.autoscale.minReplicas must not exceed maxReplicas")
public class AutoscaleSpec {

  @Default("1")
  @Min(1)
  @Max(Limits.MAX_REPLICAS)
  @JsonPropertyDescription("Fewest pods the HorizontalPodAutoscaler keeps.")
  public int minReplicas = 1;

  @Default("5")
  @Min(1)
  @Max(Limits.MAX_REPLICAS)
  @JsonPropertyDescription("Most pods the HorizontalPodAutoscaler may create.")
  public int maxReplicas = 5;

  @Default("70")
  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Average CPU utilisation, as a percentage of the pods' CPU request, that the HorizontalPodAutoscaler aims for.")
  public int cpuPercent = 70;
}
