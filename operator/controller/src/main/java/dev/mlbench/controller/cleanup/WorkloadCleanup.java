package dev.mlbench.controller.cleanup;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.controller.dependent.ChildObjects;
import dev.mlbench.controller.run.RunPlan;
import dev.mlbench.controller.status.MLBenchmarkStatusAggregator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * {@code spec.cleanup.deleteWorkloads}: once a generation is analysed its model servers (Knative Services,
 * Deployments, Services, autoscalers) are deleted, while the results, the report and the status stay. The reconciler
 * stops reconciling them for that generation; a new generation deploys them again.
 */
public final class WorkloadCleanup {

  private final KubernetesClient client;

  public WorkloadCleanup(KubernetesClient client) {
    this.client = client;
  }

  /** Whether the benchmark's current generation is analysed and asks for its model servers to go. */
  public static boolean due(MLBenchmark benchmark) {
    return benchmark.getSpec().cleanup.deleteWorkloads
        && MLBenchmarkStatusAggregator.analysed(benchmark.getStatus(), RunPlan.runId(benchmark));
  }

  /**
   * Deletes every model-server object the benchmark owns.
   *
   * @return how many objects were deleted
   */
  public int deleteModelServers(MLBenchmark benchmark) {
    String namespace = benchmark.getMetadata().getNamespace();
    Map<String, String> selector = Map.of(
        ChildObjects.MANAGED_BY_LABEL, ChildObjects.MANAGED_BY,
        ChildObjects.COMPONENT_LABEL, ChildObjects.MODEL_SERVER,
        ChildObjects.BENCHMARK_LABEL, benchmark.getMetadata().getName());
    int deleted = 0;
    deleted += delete(benchmark, client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace)
        .withLabels(selector).list().getItems());
    deleted += delete(benchmark, client.apps().deployments().inNamespace(namespace).withLabels(selector).list().getItems());
    // a core Service list may hold Knative Services too (same plural): only v1 ones are core
    deleted += delete(benchmark, client.services().inNamespace(namespace).withLabels(selector).list().getItems().stream()
        .filter(s -> "v1".equals(s.getApiVersion())).toList());
    deleted += delete(benchmark, knativeServices(namespace, selector));
    return deleted;
  }

  private List<? extends HasMetadata> knativeServices(String namespace, Map<String, String> selector) {
    try {
      return client.resources(io.fabric8.knative.serving.v1.Service.class).inNamespace(namespace).withLabels(selector)
          .list().getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        // Knative Serving is not installed: there is no serverless target to delete
        return List.of();
      }
      throw e;
    }
  }

  private int delete(MLBenchmark benchmark, List<? extends HasMetadata> objects) {
    int deleted = 0;
    for (HasMetadata object : objects) {
      boolean owned = object.getMetadata().getOwnerReferences() != null && object.getMetadata().getOwnerReferences().stream()
          .anyMatch(o -> Objects.equals(o.getUid(), benchmark.getMetadata().getUid()));
      if (owned && !client.resource(object).delete().isEmpty()) {
        deleted++;
      }
    }
    return deleted;
  }
}
