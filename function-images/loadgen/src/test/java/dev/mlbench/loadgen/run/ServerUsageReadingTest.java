package dev.mlbench.loadgen.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.results.ServerUsage;

class ServerUsageReadingTest {

  static final String JVM_ONLY = """
      # TYPE jvm_memory_used_bytes gauge
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 8388608.0
      jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 1048576.0
      process_cpu_time_ns_total 9.0E8
      process_cpu_usage 0.03
      """;

  @Test
  void cpuBetweenTwoReadingsIsTheDifferenceOfTheServersCpuTime() {
    ServerUsageReading before = ServerUsageReading.parse(1_000, JVM_ONLY);
    ServerUsageReading after = ServerUsageReading.parse(11_000, JVM_ONLY.replace("9.0E8", "6.9E9")
        + "process_resident_memory_bytes 2.5E8\n");

    ServerUsage usage = before.until(after);

    assertEquals(6.0, usage.cpuSeconds(), 1e-9);
    assertEquals(10_000, usage.wallMillis());
    assertEquals(0.6, usage.cpuCores(), 1e-9);
    assertEquals(2.5e8, usage.memoryBytes());
    assertEquals("process_resident_memory_bytes", usage.memoryMetric());
  }

  @Test
  void withoutResidentMemoryTheJvmsAreasAreSummed() {
    ServerUsageReading reading = ServerUsageReading.parse(0, JVM_ONLY);
    assertEquals(9_437_184.0, reading.memoryBytes());
    assertEquals("jvm_memory_used_bytes", reading.memoryMetric());
  }

  @Test
  void aServerWithoutCpuTimeOrARestartedOneGivesNoUsage() {
    ServerUsageReading none = ServerUsageReading.parse(0, "# nothing here\n");
    assertNull(none.until(ServerUsageReading.parse(1, JVM_ONLY)));
    ServerUsageReading restarted = ServerUsageReading.parse(1, JVM_ONLY.replace("9.0E8", "1.0E8"));
    assertNull(ServerUsageReading.parse(0, JVM_ONLY).until(restarted));
  }
}
