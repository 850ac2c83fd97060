package dev.mlbench.analysis.cost;

import static dev.mlbench.analysis.cost.PriceKeys.EGRESS_FREE_GB;
import static dev.mlbench.analysis.cost.PriceKeys.EGRESS_GB;
import static dev.mlbench.analysis.cost.PriceKeys.FAAS_BILLING_INCREMENT_MS;
import static dev.mlbench.analysis.cost.PriceKeys.FAAS_BILLS_OBSERVED_MEMORY;
import static dev.mlbench.analysis.cost.PriceKeys.FAAS_FREE_GB_SECONDS;
import static dev.mlbench.analysis.cost.PriceKeys.FAAS_FREE_REQUESTS;
import static dev.mlbench.analysis.cost.PriceKeys.FAAS_FREE_VCPU_SECONDS;
import static dev.mlbench.analysis.cost.PriceKeys.FAAS_INIT_BILLED;
import static dev.mlbench.analysis.cost.PriceKeys.FAAS_MAX_MEMORY_MB;
import static dev.mlbench.analysis.cost.PriceKeys.FAAS_MEMORY_INCREMENT_MB;
import static dev.mlbench.analysis.cost.PriceKeys.FAAS_MILLION_REQUESTS;
import static dev.mlbench.analysis.cost.PriceKeys.FAAS_MINIMUM_BILLED_MS;
import static dev.mlbench.analysis.cost.PriceKeys.FAAS_MIN_MEMORY_MB;
import static dev.mlbench.analysis.cost.PriceKeys.STORAGE_IMAGE_GB_MONTH;
import static dev.mlbench.analysis.cost.PriceKeys.STORAGE_MODEL_GB_MONTH;

import dev.mlbench.api.v1alpha1.CostSpec;

/**
 * Prices a target's month of use by its cloud equivalent under the catalogue's billing rules: serverless as
 * FaaS, container as per-second vCPU and memory of each replica, VM as whole instance-hours.
 */
public final class CostModel {

  /** Rounding slack, so that 300 ms computed as 300.00000000000006 is not billed as 400 ms. */
  private static final double ROUNDING_SLACK = 1e-9;
  private static final double BYTES_PER_GB = 1e9;

  private final PriceCatalog catalog;
  private final boolean freeTier;

  /**
   * @param freeTier subtract the provider's monthly free tier (FaaS requests, GB-s, vCPU-s; free egress)
   */
  public CostModel(PriceCatalog catalog, boolean freeTier) {
    this.catalog = catalog;
    this.freeTier = freeTier;
  }

  public static CostModel forSpec(CostSpec cost) {
    return new CostModel(PriceCatalog.forSpec(cost), cost.freeTier);
  }

  public PriceCatalog catalog() {
    return catalog;
  }

  /** Duration the provider bills for a request or INIT phase of {@code millis}: rounded up, at least the minimum. */
  public double billedMillis(double millis) {
    double increment = catalog.value(FAAS_BILLING_INCREMENT_MS);
    double rounded = increment > 0 ? Math.ceil(millis / increment - ROUNDING_SLACK) * increment : millis;
    return Math.max(catalog.value(FAAS_MINIMUM_BILLED_MS), rounded);
  }

  /**
   * Memory the provider bills for the function: the configured size, or the used size where the provider
   * bills that, rounded up to the provider's step and raised to its minimum.
   *
   * @throws IllegalArgumentException when the function needs more than the provider's largest size
   */
  public double billedMemoryMib(FunctionProfile function) {
    boolean observed = catalog.flag(FAAS_BILLS_OBSERVED_MEMORY) && !Double.isNaN(function.observedMemoryMib());
    double memory = observed ? function.observedMemoryMib() : function.pod().memoryMib();
    double increment = catalog.value(FAAS_MEMORY_INCREMENT_MB);
    double rounded = increment > 0 ? Math.ceil(memory / increment - ROUNDING_SLACK) * increment : memory;
    double maximum = catalog.value(FAAS_MAX_MEMORY_MB);
    if (rounded > maximum) {
      throw new IllegalArgumentException(String.format("the function needs %.0f MB, more than the %.0f MB the %s FaaS offers (%s)",
          memory, maximum, catalog.provider().name().toLowerCase(), FAAS_MAX_MEMORY_MB));
    }
    return Math.max(catalog.value(FAAS_MIN_MEMORY_MB), rounded);
  }

  public TargetCost serverless(FunctionProfile function, ServerlessUsage usage, Footprint footprint) {
    Architecture architecture = function.pod().architecture();
    double billedSeconds = usage.busyInstanceSeconds() != null
        ? usage.busyInstanceSeconds()
        : usage.requests() * function.serviceTime().mean(this::billedMillis) / 1000;
    if (catalog.flag(FAAS_INIT_BILLED)) {
      billedSeconds += usage.coldStarts() * billedMillis(function.initMillis()) / 1000;
    }
    double gbSeconds = billedSeconds * billedMemoryMib(function) / 1024;
    double vcpuSeconds = billedSeconds * function.pod().vcpu();
    double requests = usage.requests();
    if (freeTier) {
      gbSeconds = Math.max(0, gbSeconds - catalog.value(FAAS_FREE_GB_SECONDS));
      vcpuSeconds = Math.max(0, vcpuSeconds - catalog.value(FAAS_FREE_VCPU_SECONDS));
      requests = Math.max(0, requests - catalog.value(FAAS_FREE_REQUESTS));
    }
    double compute = gbSeconds * catalog.value(PriceKeys.faasGbSecond(architecture))
        + vcpuSeconds * catalog.value(PriceKeys.faasVcpuSecond(architecture));
    double requestFees = requests / 1e6 * catalog.value(FAAS_MILLION_REQUESTS);
    return withFootprint(usage.requests(), compute, requestFees, footprint);
  }

  /** Price of one container replica running for an hour. */
  public double replicaHour(PodShape pod) {
    return pod.vcpu() * catalog.value(PriceKeys.containerVcpuHour(pod.architecture()))
        + pod.memoryGib() * catalog.value(PriceKeys.containerGbHour(pod.architecture()));
  }

  /** Container target: {@code replicaHours} of {@code pod}, billed per second. */
  public TargetCost container(PodShape pod, double replicaHours, double requests, Footprint footprint) {
    return withFootprint(requests, replicaHours * replicaHour(pod), 0, footprint);
  }

  public double instanceHour(String instanceType) {
    return catalog.value(PriceKeys.vmHour(instanceType));
  }

  /** VM target: {@code nodes} instances kept for {@code hours}, each billed in whole hours whether busy or idle. */
  public TargetCost vm(String instanceType, int nodes, double hours, double requests, Footprint footprint) {
    double instanceHours = nodes * Math.ceil(hours - ROUNDING_SLACK);
    return withFootprint(requests, instanceHours * instanceHour(instanceType), 0, footprint);
  }

  private TargetCost withFootprint(double requests, double compute, double requestFees, Footprint footprint) {
    double storage = gbMonths(footprint.modelGb(), STORAGE_MODEL_GB_MONTH) + gbMonths(footprint.imageGb(), STORAGE_IMAGE_GB_MONTH);
    double egressGb = requests * footprint.responseBytesPerRequest() / BYTES_PER_GB;
    if (freeTier) {
      egressGb = Math.max(0, egressGb - catalog.value(EGRESS_FREE_GB));
    }
    double transfer = egressGb > 0 ? egressGb * catalog.value(EGRESS_GB) : 0;
    double gateway = footprint.gateway() == Gateway.NONE ? 0
        : requests / 1e6 * catalog.value(PriceKeys.gatewayMillionRequests(footprint.gateway()));
    return new TargetCost(requests, new CostBreakdown(compute, requestFees, storage, transfer, gateway));
  }

  /** A component of zero size needs no price, so a custom catalogue lists only what its targets use. */
  private double gbMonths(double gb, String priceKey) {
    return gb > 0 ? gb * catalog.value(priceKey) : 0;
  }
}
