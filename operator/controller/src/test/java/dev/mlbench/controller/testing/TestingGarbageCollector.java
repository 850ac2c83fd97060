package dev.mlbench.controller.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Plays Kubernetes' garbage collector, which the mock API lacks, in one namespace: an object every one of whose
 * owners (by uid) is gone is deleted, in background, so deletions cascade from a benchmark to its Jobs and their
 * pods, its Deployments and their pods. What it never deletes is what the operator created without an owner.
 */
public final class TestingGarbageCollector implements AutoCloseable {

  private final KubernetesClient client;
  private final String namespace;
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor();

  public TestingGarbageCollector(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
    sweeper.scheduleWithFixedDelay(this::sweepQuietly, 200, 200, TimeUnit.MILLISECONDS);
  }

  /** Every object of the kinds the operator creates (and the pods they own) in the namespace. */
  public List<HasMetadata> objects() {
    List<HasMetadata> all = new ArrayList<>();
    all.addAll(client.apps().deployments().inNamespace(namespace).list().getItems());
    // the mock's core services list also returns Knative Services
    all.addAll(client.services().inNamespace(namespace).list().getItems().stream()
        .filter(s -> "v1".equals(s.getApiVersion())).toList());
    all.addAll(client.resources(io.fabric8.knative.serving.v1.Service.class).inNamespace(namespace).list().getItems());
    all.addAll(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).list().getItems());
    all.addAll(client.batch().v1().jobs().inNamespace(namespace).list().getItems());
    all.addAll(client.configMaps().inNamespace(namespace).list().getItems());
    all.addAll(client.pods().inNamespace(namespace).list().getItems());
    return all;
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (KubernetesClientException e) {
      // an object went while the sweep looked at it: the next sweep sees the rest
    }
  }

  private void sweep() {
    List<HasMetadata> objects = objects();
    Set<String> alive = new HashSet<>();
    objects.forEach(o -> alive.add(o.getMetadata().getUid()));
    client.resources(MLBenchmark.class).inNamespace(namespace).list().getItems()
        .forEach(b -> alive.add(b.getMetadata().getUid()));
    for (HasMetadata object : objects) {
      List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
      if (owners != null && !owners.isEmpty() && owners.stream().noneMatch(o -> alive.contains(o.getUid()))) {
        client.resource(object).delete();
      }
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
