package dev.mlbench.controller.catalog;

/** A VM instance type: how many vCPUs and how much memory one node of the pool has. */
public record InstanceType(String name, String provider, int vcpu, double memoryGiB) {

  /** Share of a node a VM-target pod requests; the rest is left to the kubelet and system daemons. */
  static final double CPU_SHARE = 0.8;
  static final double MEMORY_SHARE = 0.75;

  public String podCpu() {
    return Math.round(vcpu * 1000 * CPU_SHARE) + "m";
  }

  public String podMemory() {
    return Math.round(memoryGiB * 1024 * MEMORY_SHARE) + "Mi";
  }
}
