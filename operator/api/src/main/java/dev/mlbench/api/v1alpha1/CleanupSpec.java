package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;

public class CleanupSpec {

  @Default("true")
  @JsonPropertyDescription("Delete the model servers (Knative Services, Deployments, Services, autoscalers) once the run is analysed; the results, the report and the status stay, and a new generation of the spec deploys them again.")
  public boolean deleteWorkloads = true;

  @Default("true")
  @JsonPropertyDescription("Delete finished load Jobs and their pods once their results are stored.")
  public boolean deleteJobs = true;
}
