package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

public class ResourcesSpec {

  @Default("1")
  @Pattern(Limits.QUANTITY)
  @JsonPropertyDescription("CPU request and limit of a model server pod, as a Kubernetes quantity (e.g. 500m, 1, 2).")
  public String cpu = "1";

  @Default("1Gi")
  @Pattern(Limits.QUANTITY)
  @JsonPropertyDescription("Memory request and limit of a model server pod, as a Kubernetes quantity (e.g. 512Mi, 1Gi).")
  public String memory = "1Gi";
}
