package dev.mlbench.controller.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.ConfigMapKeyRef;
import dev.mlbench.controller.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/** A trace traffic shape reads its ConfigMap from the benchmark's namespace, and says plainly what is missing or wrong. */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = dev.mlbench.controller.testing.RecordApiRequests.class)
class TrafficTracesTest {

  @Inject
  KubernetesClient client;

  @Test
  void readsTheCountsOfTheReferencedKeyAndNamesWhatIsMissingOrMalformed() {
    OperatorHarness.namespace(client, "traces");
    client.resource(new ConfigMapBuilder().withNewMetadata().withName("azure-trace").withNamespace("traces").endMetadata()
        .withData(Map.of("trace.csv", "# per minute\n30\n45\n0\n", "bad.csv", "30\n45 rps\n")).build()).create();
    TrafficTraces traces = TrafficTraces.fromConfigMaps(client, "traces");

    assertThat(traces.perMinute(ref("azure-trace", "trace.csv"))).containsExactly(30, 45, 0);
    assertThatThrownBy(() -> traces.perMinute(ref("azure-trace", "bad.csv"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trace ConfigMap traces/azure-trace key bad.csv line 2: '45 rps' is not a whole number of requests per minute");
    assertThatThrownBy(() -> traces.perMinute(ref("azure-trace", "other.csv")))
        .hasMessage("cost.traffic.configMapRef: ConfigMap traces/azure-trace key other.csv does not exist");
    assertThatThrownBy(() -> traces.perMinute(ref("no-such-trace", "trace.csv")))
        .hasMessage("cost.traffic.configMapRef: ConfigMap traces/no-such-trace does not exist");
  }

  private static ConfigMapKeyRef ref(String name, String key) {
    ConfigMapKeyRef ref = new ConfigMapKeyRef();
    ref.name = name;
    ref.key = key;
    return ref;
  }
}
