package dev.mlbench.loadgen.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The model server's own startup timestamps from its Prometheus {@code /metrics}: gauges
 * {@code mlbench_process_start_time_seconds} and {@code mlbench_model_ready_time_seconds} in epoch seconds.
 */
public record ServerStartupMetrics(Long processStartEpochMillis, Long modelReadyEpochMillis) {

  public static final String PROCESS_START = "mlbench_process_start_time_seconds";
  public static final String MODEL_READY = "mlbench_model_ready_time_seconds";

  static final ServerStartupMetrics UNKNOWN = new ServerStartupMetrics(null, null);

  /** Fetches and parses the server's metrics; a server without them (or without the gauges) gives nulls. */
  static ServerStartupMetrics fetch(URI metrics, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(metrics).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? parse(response.body()) : UNKNOWN;
    } catch (IOException e) {
      return UNKNOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return UNKNOWN;
    }
  }

  /** Parses Prometheus text exposition; samples may carry labels, the first sample of a gauge wins. */
  public static ServerStartupMetrics parse(String exposition) {
    OptionalLong processStart = OptionalLong.empty();
    OptionalLong modelReady = OptionalLong.empty();
    for (String line : exposition.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      if (processStart.isEmpty()) {
        processStart = sampleMillis(line, PROCESS_START);
      }
      if (modelReady.isEmpty()) {
        modelReady = sampleMillis(line, MODEL_READY);
      }
    }
    return new ServerStartupMetrics(
        processStart.isPresent() ? processStart.getAsLong() : null,
        modelReady.isPresent() ? modelReady.getAsLong() : null);
  }

  private static OptionalLong sampleMillis(String line, String metric) {
    if (!line.startsWith(metric)) {
      return OptionalLong.empty();
    }
    String rest = line.substring(metric.length());
    if (rest.startsWith("{")) {
      int close = rest.indexOf('}');
      if (close < 0) {
        return OptionalLong.empty();
      }
      rest = rest.substring(close + 1);
    } else if (!rest.startsWith(" ") && !rest.startsWith("\t")) {
      return OptionalLong.empty();
    }
    String[] fields = rest.strip().split("\\s+");
    try {
      double seconds = Double.parseDouble(fields[0]);
      return Double.isFinite(seconds) && seconds > 0 ? OptionalLong.of(Math.round(seconds * 1000)) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
