package dev.mlbench.analysis.cost;

import java.util.regex.Pattern;

/** Names of the catalogue entries, the same names {@code spec.cost.overrides} uses. */
public final class PriceKeys {

  public static final String FAAS_MILLION_REQUESTS = "faas.millionRequests";
  public static final String FAAS_BILLING_INCREMENT_MS = "faas.billingIncrementMs";
  public static final String FAAS_MINIMUM_BILLED_MS = "faas.minimumBilledMs";
  public static final String FAAS_MEMORY_INCREMENT_MB = "faas.memoryIncrementMb";
  public static final String FAAS_MIN_MEMORY_MB = "faas.minMemoryMb";
  public static final String FAAS_MAX_MEMORY_MB = "faas.maxMemoryMb";
  public static final String FAAS_BILLS_OBSERVED_MEMORY = "faas.billsObservedMemory";
  public static final String FAAS_INIT_BILLED = "faas.initBilled";
  public static final String FAAS_FREE_REQUESTS = "faas.freeTier.requests";
  public static final String FAAS_FREE_GB_SECONDS = "faas.freeTier.gbSeconds";
  public static final String FAAS_FREE_VCPU_SECONDS = "faas.freeTier.vcpuSeconds";
  public static final String STORAGE_MODEL_GB_MONTH = "storage.model.gbMonth";
  public static final String STORAGE_IMAGE_GB_MONTH = "storage.image.gbMonth";
  public static final String EGRESS_GB = "egress.gb";
  public static final String EGRESS_FREE_GB = "egress.freeTier.gb";

  /** Instance types are open-ended, so any {@code vm.<instanceType>.hour} is a valid key. */
  public static final Pattern VM_HOUR = Pattern.compile("^vm\\.([A-Za-z0-9][A-Za-z0-9._-]*)\\.hour$");

  private PriceKeys() {
  }

  public static String faasGbSecond(Architecture architecture) {
    return "faas." + architecture.keyInfix() + "gbSecond";
  }

  public static String faasVcpuSecond(Architecture architecture) {
    return "faas." + architecture.keyInfix() + "vcpuSecond";
  }

  public static String containerVcpuHour(Architecture architecture) {
    return "container." + architecture.keyInfix() + "vcpuHour";
  }

  public static String containerGbHour(Architecture architecture) {
    return "container." + architecture.keyInfix() + "gbHour";
  }

  public static String vmHour(String instanceType) {
    return "vm." + instanceType + ".hour";
  }

  public static String gatewayMillionRequests(Gateway gateway) {
    return "gateway." + gateway.keyName() + ".millionRequests";
  }
}
