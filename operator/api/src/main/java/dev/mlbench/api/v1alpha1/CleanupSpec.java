package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;

public class CleanupSpec {

  @Default("true")
  @JsonPropertyDescription("Delete the model servers (Knative Services, Deployments, Services, autoscalers) once every result is stored.")
  public boolean deleteWorkloads = true;

  @Default("true")
  @JsonPropertyDescription("Delete finished load Jobs and their pods once their results are stored.")
  public boolean deleteJobs = true;
}
