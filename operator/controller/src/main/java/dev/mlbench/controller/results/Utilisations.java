package dev.mlbench.controller.results;

import dev.mlbench.api.results.ServerUsage;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.UtilisationStatus;
import dev.mlbench.controller.catalog.InstanceTypeCatalog;
import dev.mlbench.controller.run.Lane;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Utilisation of a target during a scenario, against what its pods request (requests equal limits for model
 * servers, so both percentages are given and agree).
 */
public final class Utilisations {

  public static final String METRICS_API = "metrics.k8s.io";
  public static final String MODEL_SERVER = "model-server";
  private static final double MIB = 1024 * 1024;

  private Utilisations() {
  }

  /** From the cluster's metrics API: the mean over samples of all the target's pods. */
  public static UtilisationStatus fromMetricsApi(Lane lane, UtilisationSampler.Averages averages) {
    return status(lane, METRICS_API, averages.samples(), averages.pods(), averages.cpuCores(), averages.memoryBytes());
  }

  /** From the model server's own metrics, read by the load pod: one server's figures. */
  public static UtilisationStatus fromModelServer(Lane lane, ServerUsage usage) {
    if (usage == null) {
      return null;
    }
    return status(lane, MODEL_SERVER, 2, 1, usage.cpuCores(), usage.memoryBytes());
  }

  private static UtilisationStatus status(Lane lane, String source, int samples, double pods, double cores,
      Double memoryBytes) {
    double cpuPerPod = amount(cpu(lane));
    double memoryPerPod = amount(memory(lane));
    UtilisationStatus status = new UtilisationStatus();
    status.source = source;
    status.samples = samples;
    status.cpuCores = round(cores);
    status.cpuPercentOfRequest = pods == 0 ? null : round(100 * cores / (pods * cpuPerPod));
    status.cpuPercentOfLimit = status.cpuPercentOfRequest;
    if (memoryBytes != null) {
      status.memoryMiB = round(memoryBytes / MIB);
      status.memoryPercentOfRequest = pods == 0 ? null : round(100 * memoryBytes / (pods * memoryPerPod));
      status.memoryPercentOfLimit = status.memoryPercentOfRequest;
    }
    return status;
  }

  /** The CPU each of the lane's pods requests, as rendered into its pod template. */
  static String cpu(Lane lane) {
    return lane.target() == TargetKind.VM ? vmType(lane).podCpu() : resources(lane.model()).cpu;
  }

  static String memory(Lane lane) {
    return lane.target() == TargetKind.VM ? vmType(lane).podMemory() : resources(lane.model()).memory;
  }

  private static dev.mlbench.api.v1alpha1.ResourcesSpec resources(ModelSpec model) {
    return model.resources;
  }

  private static dev.mlbench.controller.catalog.InstanceType vmType(Lane lane) {
    return InstanceTypeCatalog.defaultCatalog().find(lane.instanceType()).orElseThrow();
  }

  private static double amount(String quantity) {
    return Quantity.getAmountInBytes(new Quantity(quantity)).doubleValue();
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
