package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** CPU and memory used by a target's pods during a scenario, against their requests and limits. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UtilisationStatus {

  @JsonPropertyDescription("Where the figures come from: metrics.k8s.io (the cluster's metrics API) or model-server (the servers' own Prometheus metrics).")
  public String source;

  @JsonPropertyDescription("Samples the figures are averaged over.")
  public Integer samples;

  @JsonPropertyDescription("Mean CPU used, in cores, summed over the target's pods.")
  public Double cpuCores;

  @JsonPropertyDescription("Mean memory used, in MiB, summed over the target's pods.")
  public Double memoryMiB;

  @JsonPropertyDescription("Mean CPU used as a percentage of the pods' CPU requests.")
  public Double cpuPercentOfRequest;

  @JsonPropertyDescription("Mean memory used as a percentage of the pods' memory requests.")
  public Double memoryPercentOfRequest;

  @JsonPropertyDescription("Mean CPU used as a percentage of the pods' CPU limits.")
  public Double cpuPercentOfLimit;

  @JsonPropertyDescription("Mean memory used as a percentage of the pods' memory limits.")
  public Double memoryPercentOfLimit;
}
