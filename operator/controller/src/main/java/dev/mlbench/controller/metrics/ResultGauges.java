package dev.mlbench.controller.metrics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

import dev.mlbench.api.v1alpha1.BreakEvenStatus;
import dev.mlbench.api.v1alpha1.LatencyStatus;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.ModelSummaryStatus;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The measured results as Prometheus gauges beside the Java Operator SDK's own metrics: latency quantiles,
 * throughput, errors, utilisation, cold starts, costs (30 days by component, 1-year TCO, per million requests) and the
 * serverless break-even rates, labelled by benchmark, namespace, model, target and scenario.
 * A benchmark's gauges follow its status: figures that leave it (a new run, a removed model) leave the registry.
 */
@Singleton
public class ResultGauges {

  static final String LATENCY = "mlbench_latency_milliseconds";
  static final String THROUGHPUT = "mlbench_throughput_requests_per_second";
  static final String REQUESTS = "mlbench_scenario_requests";
  static final String ERRORS = "mlbench_scenario_errors";
  static final String DROPPED = "mlbench_scenario_dropped_requests";
  static final String CPU = "mlbench_utilisation_cpu_percent_of_request";
  static final String MEMORY = "mlbench_utilisation_memory_percent_of_request";
  static final String COLD_START = "mlbench_cold_start_milliseconds";
  static final String COST = "mlbench_cost_dollars";
  static final String COST_PER_MILLION = "mlbench_cost_per_million_requests_dollars";
  static final String BREAK_EVEN = "mlbench_break_even_requests_per_day";

  /** Every metric this class exports: the names dashboards may use. */
  public static final List<String> METRICS = List.of(LATENCY, THROUGHPUT, REQUESTS, ERRORS, DROPPED, CPU, MEMORY, COLD_START, COST,
      COST_PER_MILLION, BREAK_EVEN);

  private record Key(String name, Tags tags) {
  }

  private final MeterRegistry registry;
  private final Map<Key, AtomicReference<Double>> values = new ConcurrentHashMap<>();
  private final Map<String, Set<Key>> byBenchmark = new ConcurrentHashMap<>();

  public ResultGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Sets every gauge of a benchmark from its status, and drops those its status no longer has. */
  public synchronized void record(MLBenchmark benchmark, MLBenchmarkStatus status) {
    String id = benchmark.getMetadata().getNamespace() + "/" + benchmark.getMetadata().getName();
    Map<Key, Double> current = new HashMap<>();
    Tags base = Tags.of("benchmark", benchmark.getMetadata().getName(), "namespace", benchmark.getMetadata().getNamespace());
    for (TargetStatus target : status.targets) {
      Tags targetTags = base.and("model", target.model, "target", target.target.value());
      if (target.coldStart != null && target.coldStart.p50 != null) {
        current.put(new Key(COLD_START, targetTags.and("quantile", "0.5")), target.coldStart.p50);
        current.put(new Key(COLD_START, targetTags.and("quantile", "1")), target.coldStart.max);
      }
      if (target.cost != null && target.cost.monthly != null) {
        var b = target.cost.breakdown;
        current.put(new Key(COST, targetTags.and("horizon", "30d", "component", "total")), target.cost.monthly);
        current.put(new Key(COST, targetTags.and("horizon", "30d", "component", "compute")), b.compute);
        current.put(new Key(COST, targetTags.and("horizon", "30d", "component", "requests")), b.requests);
        current.put(new Key(COST, targetTags.and("horizon", "30d", "component", "storage")), b.storage);
        current.put(new Key(COST, targetTags.and("horizon", "30d", "component", "transfer")), b.transfer);
        current.put(new Key(COST, targetTags.and("horizon", "30d", "component", "gateway")), b.gateway);
        if (target.cost.perMillionRequests != null) {
          current.put(new Key(COST_PER_MILLION, targetTags), target.cost.perMillionRequests);
        }
        if (target.cost.yearTco != null) {
          current.put(new Key(COST, targetTags.and("horizon", "1y-tco", "component", "total")), target.cost.yearTco);
        }
      }
      if (target.scenarios == null) {
        continue;
      }
      for (ScenarioStatus scenario : target.scenarios) {
        if (!"Succeeded".equals(scenario.state)) {
          continue;
        }
        Tags tags = targetTags.and("scenario", scenario.name, "loop", scenario.loop);
        latency(current, tags, scenario.latency);
        current.put(new Key(THROUGHPUT, tags), scenario.throughput);
        current.put(new Key(REQUESTS, tags), scenario.requests.doubleValue());
        current.put(new Key(DROPPED, tags), scenario.dropped.doubleValue());
        var e = scenario.errors;
        current.put(new Key(ERRORS, tags), (double) (e.timeout + e.connection + e.http4xx + e.http5xx + e.httpOther + e.malformed));
        if (scenario.utilisation != null) {
          Tags source = tags.and("source", scenario.utilisation.source);
          if (scenario.utilisation.cpuPercentOfRequest != null) {
            current.put(new Key(CPU, source), scenario.utilisation.cpuPercentOfRequest);
          }
          if (scenario.utilisation.memoryPercentOfRequest != null) {
            current.put(new Key(MEMORY, source), scenario.utilisation.memoryPercentOfRequest);
          }
        }
      }
    }
    if (status.summary != null && status.summary.models != null) {
      for (ModelSummaryStatus model : status.summary.models) {
        Tags modelTags = base.and("model", model.model);
        breakEven(current, modelTags.and("versus", TargetKind.CONTAINER.value()), model.breakEvenVsContainer);
        breakEven(current, modelTags.and("versus", TargetKind.VM.value()), model.breakEvenVsVm);
      }
    }
    Set<Key> previous = byBenchmark.getOrDefault(id, Set.of());
    for (Key gone : previous) {
      if (!current.containsKey(gone)) {
        registry.find(gone.name()).tags(gone.tags()).gauges().forEach(registry::remove);
        values.remove(gone);
      }
    }
    current.forEach((key, value) -> values.computeIfAbsent(key, k -> {
      AtomicReference<Double> holder = new AtomicReference<>(value);
      Gauge.builder(k.name(), holder, AtomicReference::get).tags(k.tags()).register(registry);
      return holder;
    }).set(value));
    byBenchmark.put(id, new HashSet<>(current.keySet()));
  }

  /** The serverless break-even rate against one other target: the median estimate and, when known, its band. */
  private static void breakEven(Map<Key, Double> current, Tags tags, BreakEvenStatus breakEven) {
    if (breakEven == null || breakEven.requestsPerDay == null) {
      return;
    }
    current.put(new Key(BREAK_EVEN, tags.and("estimate", "median")), breakEven.requestsPerDay);
    if (breakEven.low != null) {
      current.put(new Key(BREAK_EVEN, tags.and("estimate", "low")), breakEven.low);
    }
    if (breakEven.high != null) {
      current.put(new Key(BREAK_EVEN, tags.and("estimate", "high")), breakEven.high);
    }
  }

  /** Percentiles without enough samples are in the status as insufficient, not as numbers: they get no gauge. */
  private static void latency(Map<Key, Double> current, Tags tags, LatencyStatus latency) {
    if (latency == null) {
      return;
    }
    quantile(current, tags, "0.5", latency.p50);
    quantile(current, tags, "0.9", latency.p90);
    quantile(current, tags, "0.95", latency.p95);
    quantile(current, tags, "0.99", latency.p99);
    quantile(current, tags, "0.999", latency.p999);
    current.put(new Key(LATENCY, tags.and("quantile", "1")), latency.max);
    current.put(new Key(LATENCY, tags.and("quantile", "mean")), latency.mean);
  }

  private static void quantile(Map<Key, Double> current, Tags tags, String quantile, Double value) {
    if (value != null) {
      current.put(new Key(LATENCY, tags.and("quantile", quantile)), value);
    }
  }
}
