package dev.mlbench.cli.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * The Deployment controller and kubelet of local mode: each replica of a Deployment is a model server process;
 * a changed pod template replaces them all; the status reports what is really ready.
 */
final class DeploymentController implements AutoCloseable {

  private final LocalCluster cluster;
  private final Map<String, Rollout> rollouts = new ConcurrentHashMap<>();
  private final SharedIndexInformer<Deployment> informer;

  private final class Rollout {
    final String namespace;
    final String name;
    String template;
    long generation;
    final List<ModelServerPod> pods = new ArrayList<>();

    Rollout(String namespace, String name) {
      this.namespace = namespace;
      this.name = name;
    }

    synchronized void apply(Deployment deployment) {
      String desiredTemplate = cluster.client.getKubernetesSerialization().asJson(deployment.getSpec().getTemplate());
      int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
      generation = Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 1L);
      if (!desiredTemplate.equals(template)) {
        pods.forEach(p -> cluster.threads.submit(p::stop));
        pods.clear();
        template = desiredTemplate;
      }
      while (pods.size() > replicas) {
        ModelServerPod surplus = pods.remove(pods.size() - 1);
        cluster.threads.submit(surplus::stop);
      }
      String hash = Integer.toHexString(desiredTemplate.hashCode() & 0xfffff);
      while (pods.size() < replicas) {
        ModelServerPod pod = new ModelServerPod(cluster, namespace, name + "-" + hash + "-" + LocalCluster.suffix(),
            deployment.getSpec().getTemplate().getMetadata().getLabels(), deployment.getSpec().getTemplate().getSpec(),
            this::publish);
        pods.add(pod);
        pod.start();
      }
      publish();
    }

    synchronized void publish() {
      int ready = (int) pods.stream().filter(ModelServerPod::ready).count();
      var status = new DeploymentStatusBuilder()
          .withObservedGeneration(generation)
          .withReplicas(pods.size())
          .withUpdatedReplicas(pods.size())
          .withReadyReplicas(ready)
          .withAvailableReplicas(ready)
          .withUnavailableReplicas(pods.size() - ready)
          .build();
      try {
        cluster.client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
          d.setStatus(status);
          return d;
        });
      } catch (RuntimeException e) {
        // deleted meanwhile
      }
    }

    synchronized void stop() {
      pods.forEach(ModelServerPod::stop);
      pods.clear();
    }
  }

  DeploymentController(LocalCluster cluster, String namespace) {
    this.cluster = cluster;
    this.informer = cluster.client.apps().deployments().inNamespace(namespace).inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Deployment deployment) {
        apply(deployment);
      }

      @Override
      public void onUpdate(Deployment before, Deployment after) {
        if (!Objects.equals(before.getSpec(), after.getSpec())) {
          apply(after);
        }
      }

      @Override
      public void onDelete(Deployment deployment, boolean unknownFinalState) {
        Rollout rollout = rollouts.remove(key(deployment));
        if (rollout != null) {
          cluster.threads.submit(rollout::stop);
        }
      }
    });
  }

  private void apply(Deployment deployment) {
    cluster.threads.submit(() -> rollouts.computeIfAbsent(key(deployment),
        k -> new Rollout(deployment.getMetadata().getNamespace(), deployment.getMetadata().getName())).apply(deployment));
  }

  private static String key(Deployment deployment) {
    return deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
  }

  @Override
  public void close() {
    informer.close();
    rollouts.values().parallelStream().forEach(Rollout::stop);
    rollouts.clear();
  }
}
