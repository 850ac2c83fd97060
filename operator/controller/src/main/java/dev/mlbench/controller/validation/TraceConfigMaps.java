package dev.mlbench.controller.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mlbench.api.traces.InvocationTrace;
import dev.mlbench.api.v1alpha1.Limits;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ScenarioSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Checks the ConfigMaps that trace scenarios replay before anything is deployed, with the load generator's
 * format rules (one count of requests per minute a line, {@code #} comments and blank lines ignored, or the
 * Azure Functions 2019 CSV): a missing ConfigMap or key, or a trace the load generator would refuse, stops the
 * benchmark with one message instead of failing its load Jobs one by one later.
 */
public final class TraceConfigMaps {

  /** A trace replays at most a day, minute by minute. */
  public static final int MAX_MINUTES = 1440;
  /** Requests in one minute: the highest rate a scenario may ask for, for a minute. */
  public static final long MAX_COUNT = (long) Limits.MAX_RATE * 60;

  private final KubernetesClient client;

  public TraceConfigMaps(KubernetesClient client) {
    this.client = client;
  }

  /** The problems of every trace scenario's ConfigMap; empty when all can be replayed. */
  public List<String> check(MLBenchmark benchmark) {
    List<String> problems = new ArrayList<>();
    List<ScenarioSpec> scenarios = benchmark.getSpec().load.scenarios;
    for (int i = 0; i < scenarios.size(); i++) {
      ScenarioSpec scenario = scenarios.get(i);
      if (scenario.pattern != ScenarioSpec.Pattern.TRACE || scenario.configMapRef == null) {
        continue;
      }
      String path = "spec.load.scenarios[" + i + "].configMapRef";
      String name = scenario.configMapRef.name;
      String key = scenario.configMapRef.key;
      ConfigMap configMap = client.configMaps().inNamespace(benchmark.getMetadata().getNamespace()).withName(name).get();
      if (configMap == null) {
        problems.add(path + ": ConfigMap '" + name + "' does not exist in namespace "
            + benchmark.getMetadata().getNamespace());
        continue;
      }
      Map<String, String> data = configMap.getData();
      String trace = data == null ? null : data.get(key);
      if (trace == null) {
        problems.add(path + ": ConfigMap '" + name + "' has no key '" + key + "'");
        continue;
      }
      String problem = problem(trace, "in ConfigMap '" + name + "' key '" + key + "'");
      if (problem != null) {
        problems.add(path + ": " + problem);
      }
    }
    return problems;
  }

  /** What is wrong with a trace's text; null when the load generator can replay it. */
  static String problem(String trace, String source) {
    long[] counts;
    try {
      counts = InvocationTrace.parse(trace, source, null);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    if (counts.length > MAX_MINUTES) {
      return "trace " + source + " has more than " + MAX_MINUTES + " minutes of counts (a day at most)";
    }
    for (int minute = 0; minute < counts.length; minute++) {
      if (counts[minute] > MAX_COUNT) {
        return "trace " + source + " minute " + (minute + 1) + ": the count " + counts[minute] + " is more than "
            + MAX_COUNT + " requests in a minute";
      }
    }
    return null;
  }
}
