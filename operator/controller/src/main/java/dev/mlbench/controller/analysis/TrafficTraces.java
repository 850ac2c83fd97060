package dev.mlbench.controller.analysis;

import dev.mlbench.api.traces.InvocationTrace;
import dev.mlbench.api.v1alpha1.ConfigMapKeyRef;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Where the per-minute counts of a {@code trace} traffic shape come from. */
@FunctionalInterface
public interface TrafficTraces {

  /**
   * The per-minute counts the reference points at.
   *
   * @throws IllegalArgumentException saying what is missing or which line is not a count
   */
  long[] perMinute(ConfigMapKeyRef ref);

  /** The ConfigMaps of one namespace, parsed by the rules the load pattern {@code trace} uses. */
  static TrafficTraces fromConfigMaps(KubernetesClient client, String namespace) {
    return ref -> {
      ConfigMap configMap = client.configMaps().inNamespace(namespace).withName(ref.name).get();
      String source = "ConfigMap " + namespace + "/" + ref.name + " key " + ref.key;
      if (configMap == null) {
        throw new IllegalArgumentException("cost.traffic.configMapRef: ConfigMap " + namespace + "/" + ref.name + " does not exist");
      }
      String text = configMap.getData() == null ? null : configMap.getData().get(ref.key);
      if (text == null) {
        throw new IllegalArgumentException("cost.traffic.configMapRef: " + source + " does not exist");
      }
      return InvocationTrace.parse(text, source, null);
    };
  }

}
