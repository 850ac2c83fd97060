package dev.mlbench.cli.local;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The Endpoints controller of local mode: which local pods are ready, with their labels and ports. */
final class ReadyEndpoints {

  record Endpoint(String namespace, String pod, Map<String, String> labels, int port) {
  }

  private final Map<String, Endpoint> ready = new ConcurrentHashMap<>();

  void ready(Endpoint endpoint) {
    ready.put(endpoint.namespace() + "/" + endpoint.pod(), endpoint);
  }

  void gone(String namespace, String pod) {
    ready.remove(namespace + "/" + pod);
  }

  /** Ready pods in the namespace whose labels carry every selector entry, in a stable order. */
  List<Endpoint> select(String namespace, Map<String, String> selector) {
    return ready.values().stream()
        .filter(e -> e.namespace().equals(namespace))
        .filter(e -> selector != null && !selector.isEmpty() && e.labels().entrySet().containsAll(selector.entrySet()))
        .sorted(java.util.Comparator.comparing(Endpoint::pod))
        .toList();
  }
}
