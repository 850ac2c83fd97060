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
 * Deployment rolled out and every Knative Service Ready with an address, for the generation it sees; rollouts can
 * be held or made to lag, so a test can see what the operator reports while they are in progress.
 */
public final class TestingKubelet implements AutoCloseable {

  private final KubernetesClient client;
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private volatile boolean knativeReady = true;
  private volatile java.util.function.Predicate<Deployment> crashing = d -> false;
  private volatile java.util.function.Predicate<HasMetadata> holding = d -> false;
  private volatile long lagMillis;
  private final java.util.concurrent.ScheduledExecutorService lagging = java.util.concurrent.Executors.newScheduledThreadPool(1);
  private final java.util.Map<String, java.util.Map<Long, Long>> rolledOut = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, java.util.NavigableMap<Long, Long>> generations = new java.util.concurrent.ConcurrentHashMap<>();

  private TestingKubelet(KubernetesClient client) {
    this.client = client;
  }

  public static TestingKubelet start(KubernetesClient client, boolean knative) {
    TestingKubelet kubelet = new TestingKubelet(client);
    kubelet.informers.add(client.apps().deployments().inAnyNamespace().inform(handler(d -> {
      kubelet.observe(d);
      kubelet.rollOut(d);
    })));
    if (knative) {
      kubelet.informers.add(client.resources(Service.class).inAnyNamespace().inform(handler(s -> {
        kubelet.observe(s);
        kubelet.markReady(s);
      })));
    }
    return kubelet;
  }

  /** Deployments whose model server crashes at start: their pods sit in CrashLoopBackOff, never ready. */
  public void crash(java.util.function.Predicate<Deployment> which) {
    this.crashing = which;
  }

  /**
   * Holds the rollouts of the children this matches: a held Deployment reports its generation observed but no
   * replica available, a held Knative Service Ready=Unknown, until {@link #release()}.
   */
  public void hold(java.util.function.Predicate<HasMetadata> which) {
    this.holding = which;
  }

  /** Ends every hold: held children finish their rollout now. */
  public void release() {
    this.holding = c -> false;
    for (SharedIndexInformer<?> informer : informers) {
      for (Object child : informer.getStore().list()) {
        if (child instanceof Deployment deployment) {
          rollOut(deployment);
        } else if (child instanceof Service service) {
          markReady(service);
        }
      }
    }
  }

  /** Every rollout first reports itself in progress and finishes only this much later. */
  public void lag(java.time.Duration lag) {
    this.lagMillis = lag.toMillis();
  }

  /**
   * Whether every child in the namespace (Deployments and Knative Services) had finished the rollout of the
   * generation it had at the moment the mock API numbered {@code resourceVersion}: the mock numbers every write
   * in one sequence, so this orders the children's rollouts against a benchmark's status writes.
   */
  public boolean everyChildRolledOutBefore(String namespace, long resourceVersion) {
    String prefix = "/" + namespace + "/";
    var children = generations.entrySet().stream().filter(e -> e.getKey().contains(prefix)).toList();
    return !children.isEmpty() && children.stream().allMatch(child -> {
      var atThatTime = child.getValue().floorEntry(resourceVersion);
      if (atThatTime == null) {
        // created later than that: not a child yet then
        return true;
      }
      Long finished = rolledOut.getOrDefault(child.getKey(), java.util.Map.of()).get(atThatTime.getValue());
      return finished != null && finished < resourceVersion;
    });
  }

  /** Every version of a child this kubelet saw: resourceVersion to generation. */
  private void observe(HasMetadata child) {
    generations.computeIfAbsent(key(child), k -> new java.util.concurrent.ConcurrentSkipListMap<>())
        .put(Long.parseLong(child.getMetadata().getResourceVersion()),
            Objects.requireNonNullElse(child.getMetadata().getGeneration(), 0L));
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
    var status = deployment.getStatus();
    if (status != null && Objects.equals(status.getObservedGeneration(), generation)
        && Objects.equals(status.getAvailableReplicas(), replicas)) {
      startPods(deployment, replicas);
      return;
    }
    boolean inProgress = status != null && Objects.equals(status.getObservedGeneration(), generation);
    if (holding.test(deployment) || lagMillis > 0) {
      if (!inProgress) {
        writeDeploymentStatus(deployment, generation, replicas, 0);
      }
      if (!holding.test(deployment)) {
        lagging.schedule(() -> finishRollout(deployment, generation, replicas), lagMillis,
            java.util.concurrent.TimeUnit.MILLISECONDS);
      }
      return;
    }
    finishRollout(deployment, generation, replicas);
  }

  private void finishRollout(Deployment deployment, long generation, int replicas) {
    Deployment current = client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
        .withName(deployment.getMetadata().getName()).get();
    if (current == null || !Objects.equals(current.getMetadata().getGeneration(), generation)) {
      return;
    }
    startPods(current, replicas);
    Deployment written = writeDeploymentStatus(current, generation, replicas, replicas);
    rolledOut.computeIfAbsent(key(written), k -> new java.util.concurrent.ConcurrentHashMap<>())
        .putIfAbsent(generation, Long.parseLong(written.getMetadata().getResourceVersion()));
  }

  private Deployment writeDeploymentStatus(Deployment deployment, long generation, int replicas, int available) {
    return client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
        .withName(deployment.getMetadata().getName())
        .editStatus(d -> {
          d.setStatus(new DeploymentStatusBuilder()
              .withObservedGeneration(generation)
              .withReplicas(replicas)
              .withUpdatedReplicas(replicas)
              .withReadyReplicas(available)
              .withAvailableReplicas(available)
              .build());
          return d;
        });
  }

  private static String key(HasMetadata child) {
    return child.getKind() + "/" + child.getMetadata().getNamespace() + "/" + child.getMetadata().getName();
  }

  /** The Deployment's pods, each going through scheduling, initialisation and readiness now. */
  private synchronized void startPods(Deployment deployment, int replicas) {
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
          .withOwnerReferences(ownedBy(deployment))
          .endMetadata()
          .withSpec(deployment.getSpec().getTemplate().getSpec())
          .withNewStatus().withPhase("Running").withPodIP("127.0.0.1").withConditions(conditions).endStatus()
          .build()).create();
    }
  }

  private synchronized void startCrashingPod(Deployment deployment) {
    String namespace = deployment.getMetadata().getNamespace();
    String name = deployment.getMetadata().getName() + "-0";
    if (client.pods().inNamespace(namespace).withName(name).get() != null) {
      return;
    }
    client.pods().inNamespace(namespace).resource(new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace)
        .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .withOwnerReferences(ownedBy(deployment)).endMetadata()
        .withSpec(deployment.getSpec().getTemplate().getSpec())
        .withNewStatus().withPhase("Running")
        .addNewContainerStatus().withName("model-server").withRestartCount(4).withReady(false)
        .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
        .withMessage("back-off 40s restarting failed container").endWaiting().endState()
        .endContainerStatus()
        .endStatus()
        .build()).create();
  }

  /** The Deployment owns its pods here (in a cluster, through a ReplicaSet), so deleting it removes them. */
  private static io.fabric8.kubernetes.api.model.OwnerReference ownedBy(Deployment deployment) {
    return new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
        .withName(deployment.getMetadata().getName()).withUid(deployment.getMetadata().getUid()).build();
  }

  private void markReady(Service service) {
    if (!knativeReady) {
      return;
    }
    long generation = Objects.requireNonNullElse(service.getMetadata().getGeneration(), 0L);
    var status = service.getStatus();
    if (status != null && Objects.equals(status.getObservedGeneration(), generation) && status.getUrl() != null
        && status.getConditions() != null && status.getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))) {
      return;
    }
    if (holding.test(service) || lagMillis > 0) {
      boolean inProgress = status != null && Objects.equals(status.getObservedGeneration(), generation);
      if (!inProgress) {
        client.resources(Service.class).inNamespace(service.getMetadata().getNamespace())
            .withName(service.getMetadata().getName())
            .editStatus(s -> {
              s.setStatus(new io.fabric8.knative.serving.v1.ServiceStatusBuilder()
                  .withObservedGeneration(generation)
                  .addNewCondition().withType("Ready").withStatus("Unknown").withReason("RevisionMissing")
                  .withMessage("Configuration is waiting for a Revision to become ready").endCondition()
                  .build());
              return s;
            });
      }
      if (!holding.test(service)) {
        lagging.schedule(() -> finishKnative(service, generation), lagMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
      }
      return;
    }
    finishKnative(service, generation);
  }

  private void finishKnative(Service service, long generation) {
    Service current = client.resources(Service.class).inNamespace(service.getMetadata().getNamespace())
        .withName(service.getMetadata().getName()).get();
    if (current == null || !Objects.equals(current.getMetadata().getGeneration(), generation)) {
      return;
    }
    String host = service.getMetadata().getName() + "." + service.getMetadata().getNamespace() + ".svc.cluster.local";
    Service written = client.resources(Service.class).inNamespace(service.getMetadata().getNamespace())
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
    rolledOut.computeIfAbsent(key(written), k -> new java.util.concurrent.ConcurrentHashMap<>())
        .putIfAbsent(generation, Long.parseLong(written.getMetadata().getResourceVersion()));
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
    lagging.shutdownNow();
    informers.forEach(SharedIndexInformer::close);
  }
}
