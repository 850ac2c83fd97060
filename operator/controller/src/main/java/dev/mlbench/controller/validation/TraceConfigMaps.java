package dev.mlbench.controller.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  private static final String AZURE_HEADER_START = "HashOwner,HashApp,HashFunction,Trigger,";
  private static final int AZURE_FIRST_COUNT_COLUMN = 4;

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
      String problem = problem(trace);
      if (problem != null) {
        problems.add(path + ": the trace in ConfigMap '" + name + "' key '" + key + "' " + problem);
      }
    }
    return problems;
  }

  /** What is wrong with a trace's text; null when the load generator can replay it. */
  static String problem(String trace) {
    String[] lines = trace.split("\r?\n", -1);
    if (lines.length > 0 && lines[0].startsWith(AZURE_HEADER_START)) {
      return azure(lines);
    }
    int minutes = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (++minutes > MAX_MINUTES) {
        return "has more than " + MAX_MINUTES + " minutes of counts (a day at most)";
      }
      String problem = count(line);
      if (problem != null) {
        return "line " + (i + 1) + ": " + problem;
      }
    }
    return minutes == 0 ? "holds no count (one number of requests per minute a line)" : null;
  }

  private static String azure(String[] lines) {
    String[] header = lines[0].split(",", -1);
    int minutes = header.length - AZURE_FIRST_COUNT_COLUMN;
    if (minutes > MAX_MINUTES) {
      return "has " + minutes + " minute columns, more than " + MAX_MINUTES;
    }
    for (int m = 0; m < minutes; m++) {
      if (!header[AZURE_FIRST_COUNT_COLUMN + m].strip().equals(Integer.toString(m + 1))) {
        return "header: minute column " + (m + 1) + " is '" + shown(header[AZURE_FIRST_COUNT_COLUMN + m])
            + "'; the Azure Functions format numbers its minutes 1, 2, 3, ... in order";
      }
    }
    int rows = 0;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] columns = lines[i].split(",", -1);
      if (columns.length != header.length) {
        return "line " + (i + 1) + ": has " + columns.length + " columns, the header " + header.length;
      }
      for (int c = AZURE_FIRST_COUNT_COLUMN; c < columns.length; c++) {
        String problem = count(columns[c].strip());
        if (problem != null) {
          return "line " + (i + 1) + ", minute " + (c - AZURE_FIRST_COUNT_COLUMN + 1) + ": " + problem;
        }
      }
      rows++;
    }
    return rows == 0 ? "has an Azure Functions header but no data row" : null;
  }

  private static String count(String text) {
    long count;
    try {
      count = Long.parseLong(text);
    } catch (NumberFormatException e) {
      return "'" + shown(text) + "' is not a whole number of requests";
    }
    if (count < 0) {
      return "the count " + count + " is negative";
    }
    if (count > MAX_COUNT) {
      return "the count " + count + " is more than " + MAX_COUNT + " requests in a minute";
    }
    return null;
  }

  /** Text from the ConfigMap as it may appear in a message: printable, and short. */
  private static String shown(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
  }
}
