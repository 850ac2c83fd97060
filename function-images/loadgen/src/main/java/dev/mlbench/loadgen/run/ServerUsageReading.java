package dev.mlbench.loadgen.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.mlbench.api.results.ServerUsage;

/**
 * One reading of a model server's CPU time and memory from its Prometheus {@code /metrics}; two readings, before
 * and after a scenario, give the server's usage over it.
 *
 * @param cpuSeconds {@code process_cpu_time_ns_total} in seconds, or null when the server does not expose it
 * @param memoryBytes resident memory, or the JVM's used memory when that is all the server exposes; null if neither
 */
public record ServerUsageReading(long atMillis, Double cpuSeconds, Double memoryBytes, String memoryMetric) {

  static final String CPU_TIME = "process_cpu_time_ns_total";
  static final String RESIDENT_MEMORY = "process_resident_memory_bytes";
  static final String JVM_MEMORY = "jvm_memory_used_bytes";
  static final ServerUsageReading NONE = new ServerUsageReading(0, null, null, null);

  public static ServerUsageReading fetch(URI metrics, Duration timeout) {
    long at = System.currentTimeMillis();
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(metrics).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? parse(at, response.body()) : NONE;
    } catch (IOException e) {
      return NONE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return NONE;
    }
  }

  static ServerUsageReading parse(long atMillis, String exposition) {
    Double cpuNanos = null;
    Double resident = null;
    double jvm = 0;
    boolean anyJvm = false;
    for (String line : exposition.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.startsWith(CPU_TIME)) {
        cpuNanos = value(line, CPU_TIME);
      } else if (line.startsWith(RESIDENT_MEMORY)) {
        resident = value(line, RESIDENT_MEMORY);
      } else if (line.startsWith(JVM_MEMORY)) {
        Double area = value(line, JVM_MEMORY);
        if (area != null) {
          jvm += area;
          anyJvm = true;
        }
      }
    }
    Double cpuSeconds = cpuNanos == null ? null : cpuNanos / 1e9;
    if (resident != null) {
      return new ServerUsageReading(atMillis, cpuSeconds, resident, RESIDENT_MEMORY);
    }
    return new ServerUsageReading(atMillis, cpuSeconds, anyJvm ? jvm : null, anyJvm ? JVM_MEMORY : null);
  }

  /** The usage between this reading and a later one; null when the server did not tell its CPU time both times. */
  public ServerUsage until(ServerUsageReading later) {
    if (cpuSeconds == null || later.cpuSeconds == null || later.cpuSeconds < cpuSeconds) {
      return null;
    }
    return new ServerUsage(later.cpuSeconds - cpuSeconds, later.atMillis - atMillis, later.memoryBytes, later.memoryMetric);
  }

  private static Double value(String line, String metric) {
    String rest = line.substring(metric.length());
    if (rest.startsWith("{")) {
      int close = rest.indexOf('}');
      if (close < 0) {
        return null;
      }
      rest = rest.substring(close + 1);
    } else if (!rest.startsWith(" ")) {
      return null;
    }
    try {
      double value = Double.parseDouble(rest.strip().split("\\s+")[0]);
      return Double.isFinite(value) && value >= 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
