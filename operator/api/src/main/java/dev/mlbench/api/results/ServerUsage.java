package dev.mlbench.api.results;

/**
 * The model server's own account of its CPU and memory over a scenario, read by the load pod from the server's
 * Prometheus {@code /metrics} just before and just after the scenario. Through a Service with several
 * replicas each read reaches one of them, so the figures are exact for one replica and a sample otherwise.
 *
 * @param cpuSeconds CPU time the server process used between the two reads ({@code process_cpu_time_ns_total})
 * @param wallMillis time between the two reads
 * @param memoryBytes memory in use at the second read: {@code process_resident_memory_bytes} when the server
 *     exposes it, otherwise the JVM's {@code jvm_memory_used_bytes} summed over its areas
 * @param memoryMetric which of the two {@code memoryBytes} is
 */
public record ServerUsage(double cpuSeconds, long wallMillis, Double memoryBytes, String memoryMetric) {

  public double cpuCores() {
    return wallMillis <= 0 ? 0 : cpuSeconds * 1000 / wallMillis;
  }
}
