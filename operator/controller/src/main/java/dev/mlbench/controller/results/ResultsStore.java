package dev.mlbench.controller.results;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.ResultLine;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.UtilisationStatus;
import dev.mlbench.controller.dependent.ChildObjects;
import dev.mlbench.controller.run.Lane;
import dev.mlbench.controller.run.LoadJobs;
import dev.mlbench.controller.run.Step;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The raw results of a run: one ConfigMap per model x target, owned by the benchmark, one key per scenario
 * holding the merged result line. Results are written here before the status mentions them, so an operator
 * restart or a deleted pod never loses a measurement.
 */
public final class ResultsStore {

  public static final String RESULTS = "results";
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final KubernetesClient client;

  public ResultsStore(KubernetesClient client) {
    this.client = client;
  }

  /** Stores a step's result, and the utilisation sampled during it when there is one, in one write. */
  public void put(MLBenchmark benchmark, Lane lane, Step step, LoadResult result, UtilisationStatus utilisation) {
    String namespace = benchmark.getMetadata().getNamespace();
    Map<String, String> values = new LinkedHashMap<>();
    values.put(step.resultKey(), ResultLine.format(result));
    if (utilisation != null) {
      values.put(utilisationKey(step), JSON.asJson(utilisation));
    }
    var resource = client.configMaps().inNamespace(namespace).withName(lane.resultsConfigMap());
    if (resource.get() == null) {
      try {
        client.configMaps().inNamespace(namespace).resource(newConfigMap(benchmark, lane, step, values)).create();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
    resource.edit(existing -> {
      Map<String, String> data = new LinkedHashMap<>(existing.getData() == null ? Map.of() : existing.getData());
      data.putAll(values);
      existing.setData(data);
      return existing;
    });
  }

  /** The utilisation stored with a step's result, if the metrics API was sampled during it. */
  public static Optional<UtilisationStatus> findUtilisation(Map<String, ConfigMap> configMaps, Lane lane, Step step) {
    ConfigMap configMap = configMaps.get(lane.resultsConfigMap());
    if (configMap == null || configMap.getData() == null || !configMap.getData().containsKey(utilisationKey(step))) {
      return Optional.empty();
    }
    return Optional.of(JSON.unmarshal(configMap.getData().get(utilisationKey(step)), UtilisationStatus.class));
  }

  static String utilisationKey(Step step) {
    return step.name() + ".utilisation.json";
  }

  /** The stored result of a step, read from a ConfigMap of the informer cache. */
  public static Optional<LoadResult> find(Map<String, ConfigMap> configMaps, Lane lane, Step step) {
    ConfigMap configMap = configMaps.get(lane.resultsConfigMap());
    if (configMap == null || configMap.getData() == null || !configMap.getData().containsKey(step.resultKey())) {
      return Optional.empty();
    }
    return Optional.of(ResultLine.parse(configMap.getData().get(step.resultKey())));
  }

  private static ConfigMap newConfigMap(MLBenchmark benchmark, Lane lane, Step step, Map<String, String> values) {
    Map<String, String> labels = new HashMap<>(ChildObjects.labels(benchmark, lane.model(), lane.target()));
    labels.put(ChildObjects.COMPONENT_LABEL, RESULTS);
    labels.put(LoadJobs.RUN_LABEL, step.runId());
    ConfigMap configMap = new ConfigMapBuilder()
        .withNewMetadata()
        .withName(lane.resultsConfigMap())
        .withNamespace(benchmark.getMetadata().getNamespace())
        .withLabels(labels)
        .endMetadata()
        .withData(values)
        .build();
    configMap.addOwnerReference(benchmark);
    return configMap;
  }
}
