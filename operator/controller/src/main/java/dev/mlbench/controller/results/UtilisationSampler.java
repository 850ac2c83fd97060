package dev.mlbench.controller.results;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.mlbench.controller.dependent.ChildObjects;
import dev.mlbench.controller.run.Lane;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Samples the CPU and memory of a target's pods from the cluster's metrics API (metrics.k8s.io) while a scenario
 * runs on it. Samples live in memory until the scenario's result is stored; an operator restart mid-scenario
 * loses them, and the status then falls back to the model servers' own figures.
 */
public final class UtilisationSampler {

  /** metrics-server refreshes every 15 s by default: sampling faster only repeats values. */
  public static final Duration INTERVAL = Duration.ofSeconds(15);
  static final Duration RECHECK_MISSING_API = Duration.ofMinutes(5);

  private final Clock clock;
  private final Map<String, Accumulator> running = new ConcurrentHashMap<>();
  private volatile Instant apiMissingSince;

  public UtilisationSampler(Clock clock) {
    this.clock = clock;
  }

  /** Whether the cluster served metrics.k8s.io the last time it was asked. */
  public boolean available() {
    return apiMissingSince == null || apiMissingSince.plus(RECHECK_MISSING_API).isBefore(clock.instant());
  }

  /** Takes one sample of the lane's pods for the step whose Job is {@code jobName}. */
  public void sample(KubernetesClient client, String namespace, Lane lane, String jobName) {
    if (!available()) {
      return;
    }
    Accumulator accumulator = running.computeIfAbsent(jobName, n -> new Accumulator());
    if (accumulator.last != null && accumulator.last.plus(INTERVAL.minusSeconds(1)).isAfter(clock.instant())) {
      return;
    }
    try {
      var metrics = client.top().pods().inNamespace(namespace)
          .withLabels(selector(lane))
          .metrics();
      if (metrics.getItems().isEmpty()) {
        // metrics-server has not scraped these pods yet (it lags their start by up to a minute)
        return;
      }
      double cores = 0;
      double bytes = 0;
      for (PodMetrics pod : metrics.getItems()) {
        for (var container : pod.getContainers()) {
          cores += amount(container.getUsage().get("cpu"));
          bytes += amount(container.getUsage().get("memory"));
        }
      }
      accumulator.add(metrics.getItems().size(), cores, bytes, clock.instant());
      apiMissingSince = null;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404 || e.getCode() == 503) {
        apiMissingSince = clock.instant();
        running.clear();
      } else {
        throw e;
      }
    }
  }

  /** The labels of the lane's model server pods, in a stable order (they end up in the request's query). */
  public static Map<String, String> selector(Lane lane) {
    return new TreeMap<>(Map.of(ChildObjects.MODEL_LABEL, lane.model().name, ChildObjects.TARGET_LABEL,
        lane.target().value()));
  }

  /** The averages over the samples of a finished step, which are then forgotten. */
  public Optional<Averages> take(String jobName) {
    Accumulator accumulator = running.remove(jobName);
    if (accumulator == null || accumulator.samples == 0) {
      return Optional.empty();
    }
    return Optional.of(new Averages(accumulator.samples, accumulator.pods / accumulator.samples,
        accumulator.cores / accumulator.samples, accumulator.bytes / accumulator.samples));
  }

  /** Mean pods, CPU cores and memory bytes of a target over a scenario. */
  public record Averages(int samples, double pods, double cpuCores, double memoryBytes) {
  }

  private static double amount(Quantity quantity) {
    return quantity == null ? 0 : Quantity.getAmountInBytes(quantity).doubleValue();
  }

  private static final class Accumulator {
    int samples;
    double pods;
    double cores;
    double bytes;
    Instant last;

    synchronized void add(int podCount, double cpuCores, double memoryBytes, Instant at) {
      samples++;
      pods += podCount;
      cores += cpuCores;
      bytes += memoryBytes;
      last = at;
    }
  }
}
