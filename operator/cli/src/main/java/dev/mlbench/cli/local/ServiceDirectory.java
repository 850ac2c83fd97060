package dev.mlbench.cli.local;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Cluster DNS for local mode: a Service's in-cluster host names, resolved to the loopback port serving it. */
final class ServiceDirectory {

  private final Map<String, Integer> ports = new ConcurrentHashMap<>();

  /** Registers {@code name.namespace.svc.cluster.local} and its shorter forms. */
  void register(String namespace, String name, int port) {
    for (String host : hosts(namespace, name)) {
      ports.put(host, port);
    }
  }

  void unregister(String namespace, String name) {
    for (String host : hosts(namespace, name)) {
      ports.remove(host);
    }
  }

  /** The URL rewritten to the local port that serves its host, or empty when no Service has that name. */
  Optional<String> resolve(String url) {
    URI uri = URI.create(url);
    Integer port = uri.getHost() == null ? null : ports.get(uri.getHost());
    if (port == null) {
      return Optional.empty();
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return Optional.of("http://127.0.0.1:" + port + path + query);
  }

  private static String[] hosts(String namespace, String name) {
    return new String[] {name + "." + namespace + ".svc.cluster.local", name + "." + namespace + ".svc",
        name + "." + namespace};
  }
}
