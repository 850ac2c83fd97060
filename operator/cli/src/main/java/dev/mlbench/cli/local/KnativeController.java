package dev.mlbench.cli.local;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceStatusBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * Knative Serving for local mode: each Knative Service runs its latest revision behind a local activator and
 * autoscaler; its cluster-local host resolves to the activator, and its status says Ready once the revision was.
 */
final class KnativeController implements AutoCloseable {

  private final LocalCluster cluster;
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final SharedIndexInformer<Service> informer;

  private final class Route {
    final String namespace;
    final String name;
    KnativeRevision revision;
    String revisionName;
    long generation;
    int revisions;
    String published;

    Route(String namespace, String name) {
      this.namespace = namespace;
      this.name = name;
    }

    synchronized void apply(Service service) {
      generation = Objects.requireNonNullElse(service.getMetadata().getGeneration(), 1L);
      KnativeRevision old = revision;
      revisions++;
      revisionName = name + "-" + String.format("%05d", revisions);
      revision = new KnativeRevision(cluster, service, revisionName, this::publish);
      cluster.directory.register(namespace, name, revision.port());
      if (old != null) {
        cluster.threads.submit(old::close);
      }
      publish();
    }

    synchronized void publish() {
      if (revision == null) {
        return;
      }
      boolean ready = revision.everReady();
      String state = revisionName + "/" + ready + "/" + revision.failure();
      if (state.equals(published)) {
        return;
      }
      published = state;
      String host = name + "." + namespace + ".svc.cluster.local";
      var status = new ServiceStatusBuilder()
          .withObservedGeneration(generation)
          .withLatestCreatedRevisionName(revisionName)
          .addNewCondition().withType("Ready").withStatus(ready ? "True" : revision.failure() != null ? "False" : "Unknown")
          .withReason(ready ? null : revision.failure() != null ? "RevisionFailed" : "RevisionMissing")
          .withMessage(ready ? null : revision.failure() != null ? revision.failure()
              : "Configuration \"" + name + "\" is waiting for a Revision to become ready.")
          .withLastTransitionTime(LocalCluster.now())
          .endCondition();
      if (ready) {
        status.withLatestReadyRevisionName(revisionName).withUrl("http://" + host)
            .withNewAddress().withUrl("http://" + host).endAddress();
      }
      try {
        cluster.client.resources(Service.class).inNamespace(namespace).withName(name).editStatus(s -> {
          s.setStatus(status.build());
          return s;
        });
      } catch (RuntimeException e) {
        // deleted meanwhile
      }
    }

    synchronized void stop() {
      cluster.directory.unregister(namespace, name);
      if (revision != null) {
        revision.close();
        revision = null;
      }
    }
  }

  KnativeController(LocalCluster cluster, String namespace) {
    this.cluster = cluster;
    this.informer = cluster.client.resources(Service.class).inNamespace(namespace).inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Service service) {
        apply(service);
      }

      @Override
      public void onUpdate(Service before, Service after) {
        if (!Objects.equals(before.getSpec(), after.getSpec())) {
          apply(after);
        }
      }

      @Override
      public void onDelete(Service service, boolean unknownFinalState) {
        Route route = routes.remove(key(service));
        if (route != null) {
          cluster.threads.submit(route::stop);
        }
      }
    });
  }

  private void apply(Service service) {
    cluster.threads.submit(() -> routes.computeIfAbsent(key(service),
        k -> new Route(service.getMetadata().getNamespace(), service.getMetadata().getName())).apply(service));
  }

  private static String key(Service service) {
    return service.getMetadata().getNamespace() + "/" + service.getMetadata().getName();
  }

  @Override
  public void close() {
    informer.close();
    routes.values().parallelStream().forEach(Route::stop);
    routes.clear();
  }
}
