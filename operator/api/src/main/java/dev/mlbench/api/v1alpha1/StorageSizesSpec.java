package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;

/** What a model stores, for the storage line of its bill. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StorageSizesSpec {

  @Pattern(Limits.QUANTITY)
  @JsonPropertyDescription("Size of the model artefacts kept in object storage, as a quantity (e.g. 420Mi). Defaults: the project's workloads use the measured sizes of their model files; custom uses 100M.")
  public String model;

  @Pattern(Limits.QUANTITY)
  @JsonPropertyDescription("Size of the container image kept in the registry (compressed), as a quantity (e.g. 2Gi). Defaults: the project's workloads use base image + runtime libraries + model; custom uses 500M.")
  public String image;
}
