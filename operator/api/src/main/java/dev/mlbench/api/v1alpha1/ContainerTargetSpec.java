package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContainerTargetSpec {

  @Default("true")
  @JsonPropertyDescription("Deploy and measure the container target.")
  public boolean enabled = true;

  @Default("1")
  @Min(1)
  @Max(Limits.MAX_REPLICAS)
  @JsonPropertyDescription("Number of model server pods when autoscale is not set.")
  public int replicas = 1;

  @JsonPropertyDescription("When set, a HorizontalPodAutoscaler scales the Deployment on CPU utilisation and replicas is ignored.")
  public AutoscaleSpec autoscale;
}
