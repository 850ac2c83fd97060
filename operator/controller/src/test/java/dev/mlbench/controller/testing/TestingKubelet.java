package dev.mlbench.controller.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * Plays the kubelet, the Deployment controller and Knative where the mock API runs nothing: it marks every
 * Deployment rolled out and every Knative Service Ready with an address, for the generation it sees.
 */
public final class TestingKubelet implements AutoCloseable {

  private final KubernetesClient client;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private volatile boolean knativeReady = true;
  private volatile java.util.function.Predicate<Deployment> crashing = d -> false;

  private TestingKubelet(KubernetesClient client) {
    this.client = client;
  }

  public static TestingKubelet start(KubernetesClient client, boolean knative) {
    TestingKubelet kubelet = new TestingKubelet(client);
    kubelet.informers.add(client.apps().deployments().inAnyNamespace().inform(handler(kubelet::rollOut)));
    if (knative) {
      kubelet.informers.add(client.resources(Service.class).inAnyNamespace().inform(handler(kubelet::markReady)));
    }
    return kubelet;
  }

  /** Deployments whose model server crashes at start: their pods sit in CrashLoopBackOff, never ready. */
  public void crash(java.util.function.Predicate<Deployment> which) {
    this.crashing = which;
  }

  /** Whether Knative Services become Ready; false plays a revision that never gets ready. */
  public void knativeReady(boolean ready) {
    this.knativeReady = ready;
  }

  private void rollOut(Deployment deployment) {
    long generation = Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 0L);
    int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    if (crashing.test(deployment)) {
      startCrashingPod(deployment);
      return;
    }
    startPods(deployment, replicas);
    var status = deployment.getStatus();
    if (status != null && Objects.equals(status.getObservedGeneration(), generation)
        && Objects.equals(status.getAvailableReplicas(), replicas)) {
      return;
    }
    client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
        .withName(deployment.getMetadata().getName())
        .editStatus(d -> {
          d.setStatus(new DeploymentStatusBuilder()
              .withObservedGeneration(generation)
              .withReplicas(replicas)
              .withUpdatedReplicas(replicas)
              .withReadyReplicas(replicas)
              .withAvailableReplicas(replicas)
              .build());
          return d;
        });
  }

  /** The Deployment's pods, each going through scheduling, initialisation and readiness now. */
  private void startPods(Deployment deployment, int replicas) {
    String namespace = deployment.getMetadata().getNamespace();
    for (int i = 0; i < replicas; i++) {
      String name = deployment.getMetadata().getName() + "-" + i;
      if (client.pods().inNamespace(namespace).withName(name).get() != null) {
        continue;
      }
      String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      List<PodCondition> conditions = new ArrayList<>();
      for (String type : List.of("PodScheduled", "Initialized", "ContainersReady", "Ready")) {
        conditions.add(new PodConditionBuilder().withType(type).withStatus("True").withLastTransitionTime(now).build());
      }
      client.pods().inNamespace(namespace).resource(new PodBuilder()
          .withNewMetadata()
          .withName(name)
          .withNamespace(namespace)
          .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels())
          .withCreationTimestamp(now)
          .endMetadata()
          .withSpec(deployment.getSpec().getTemplate().getSpec())
          .withNewStatus().withPhase("Running").withPodIP("127.0.0.1").withConditions(conditions).endStatus()
          .build()).create();
    }
  }

  private void startCrashingPod(Deployment deployment) {
    String namespace = deployment.getMetadata().getNamespace();
    String name = deployment.getMetadata().getName() + "-0";
    if (client.pods().inNamespace(namespace).withName(name).get() != null) {
      return;
    }
    client.pods().inNamespace(namespace).resource(new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace)
        .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
        .withSpec(deployment.getSpec().getTemplate().getSpec())
        .withNewStatus().withPhase("Running")
        .addNewContainerStatus().withName("model-server").withRestartCount(4).withReady(false)
        .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
        .withMessage("back-off 40s restarting failed container").endWaiting().endState()
        .endContainerStatus()
        .endStatus()
        .build()).create();
  }

  private void markReady(Service service) {
    if (!knativeReady) {
      return;
    }
    long generation = Objects.requireNonNullElse(service.getMetadata().getGeneration(), 0L);
    var status = service.getStatus();
    if (status != null && Objects.equals(status.getObservedGeneration(), generation) && status.getUrl() != null) {
      return;
    }
    String host = service.getMetadata().getName() + "." + service.getMetadata().getNamespace() + ".svc.cluster.local";
    client.resources(Service.class).inNamespace(service.getMetadata().getNamespace())
        .withName(service.getMetadata().getName())
        .editStatus(s -> {
          s.setStatus(new io.fabric8.knative.serving.v1.ServiceStatusBuilder()
              .withObservedGeneration(generation)
              .withUrl("http://" + host)
              .withNewAddress().withUrl("http://" + host).endAddress()
              .addNewCondition().withType("Ready").withStatus("True").endCondition()
              .withLatestReadyRevisionName(s.getMetadata().getName() + "-00001")
              .build());
          return s;
        });
  }

  private static <T extends HasMetadata> ResourceEventHandler<T> handler(java.util.function.Consumer<T> onChange) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T resource) {
        onChange.accept(resource);
      }

      @Override
      public void onUpdate(T oldResource, T newResource) {
        onChange.accept(newResource);
      }

      @Override
      public void onDelete(T resource, boolean deletedFinalStateUnknown) {
      }
    };
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
