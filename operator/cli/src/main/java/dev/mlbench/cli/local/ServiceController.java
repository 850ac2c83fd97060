package dev.mlbench.cli.local;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * kube-proxy for local mode: each Service gets a loopback port that spreads requests round-robin over the ready
 * pods its selector matches, and its cluster host names resolve to that port.
 */
final class ServiceController implements AutoCloseable {

  private final LocalCluster cluster;
  private final HttpForwarder forwarder = new HttpForwarder();
  private final Map<String, LocalHttpServer> proxies = new ConcurrentHashMap<>();
  private final SharedIndexInformer<Service> informer;

  ServiceController(LocalCluster cluster, String namespace) {
    this.cluster = cluster;
    this.informer = cluster.client.services().inNamespace(namespace).inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Service service) {
        expose(service);
      }

      @Override
      public void onUpdate(Service before, Service after) {
        if (!java.util.Objects.equals(before.getSpec(), after.getSpec())) {
          expose(after);
        }
      }

      @Override
      public void onDelete(Service service, boolean unknownFinalState) {
        if (isCoreService(service)) {
          cluster.directory.unregister(service.getMetadata().getNamespace(), service.getMetadata().getName());
          LocalHttpServer proxy = proxies.remove(key(service));
          if (proxy != null) {
            proxy.close();
          }
        }
      }
    });
  }

  /** The mock API lists Knative Services among core ones; those have a controller of their own. */
  private static boolean isCoreService(Service service) {
    return "v1".equals(service.getApiVersion());
  }

  private void expose(Service service) {
    if (!isCoreService(service)) {
      return;
    }
    String namespace = service.getMetadata().getNamespace();
    Map<String, String> selector = service.getSpec().getSelector();
    AtomicInteger next = new AtomicInteger();
    LocalHttpServer old = proxies.put(key(service), new LocalHttpServer("service-" + service.getMetadata().getName(),
        exchange -> route(exchange, namespace, selector, next)));
    if (old != null) {
      old.close();
    }
    cluster.directory.register(namespace, service.getMetadata().getName(), proxies.get(key(service)).port());
  }

  private void route(HttpExchange exchange, String namespace, Map<String, String> selector, AtomicInteger next)
      throws IOException {
    try (exchange) {
      List<ReadyEndpoints.Endpoint> ready = cluster.endpoints.select(namespace, selector);
      if (ready.isEmpty()) {
        // what a client sees from a Service without ready endpoints
        HttpForwarder.reply(exchange, 503, "no ready endpoints");
        return;
      }
      forwarder.forward(exchange, ready.get(Math.floorMod(next.getAndIncrement(), ready.size())).port());
    }
  }

  private static String key(Service service) {
    return service.getMetadata().getNamespace() + "/" + service.getMetadata().getName();
  }

  @Override
  public void close() {
    informer.close();
    proxies.values().forEach(LocalHttpServer::close);
    proxies.clear();
  }
}
