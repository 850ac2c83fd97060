package dev.mlbench.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

class EmbeddedApiServerTest {

  private static final Path CRD = Path.of("../../crds/mlbenchmarks.mlbench.dev-v1.yml").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void servesObjectsAndPodLogsToAClientFromItsKubeconfig() throws Exception {
    try (EmbeddedApiServer api = new EmbeddedApiServer().start(CRD)) {
      api.createNamespace("bench");
      Path kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"), "bench");
      Path log = dir.resolve("pod.log");
      Files.writeString(log, "one\ntwo\nthree\n");
      api.client().pods().inNamespace("bench").resource(new PodBuilder().withNewMetadata().withName("p")
          .endMetadata().build()).create();
      api.podLogs().register("bench", "p", log);

      try (KubernetesClient client = new KubernetesClientBuilder()
          .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
        assertThat(client.getNamespace()).isEqualTo("bench");
        assertThat(client.pods().withName("p").tailingLines(2).getLog()).isEqualTo("two\nthree\n");
        assertThat(client.pods().withName("p").getLog()).isEqualTo("one\ntwo\nthree\n");
        assertThatThrownBy(() -> client.pods().withName("nobody").getLog())
            .isInstanceOf(KubernetesClientException.class);
        assertThat(client.resources(MLBenchmark.class).list().getItems()).isEmpty();
        assertThat(client.apiextensions().v1().customResourceDefinitions().withName("services.serving.knative.dev")
            .get()).isNotNull();
      }
    }
  }

  @Test
  void resolvesClusterHostNamesToLocalPorts() {
    ServiceDirectory directory = new ServiceDirectory();
    directory.register("bench", "model-container", 40123);

    assertThat(directory.resolve("http://model-container.bench.svc.cluster.local/v2/models/m/infer?x=1"))
        .contains("http://127.0.0.1:40123/v2/models/m/infer?x=1");
    assertThat(directory.resolve("http://model-container.bench")).contains("http://127.0.0.1:40123");
    assertThat(directory.resolve("http://elsewhere.bench.svc.cluster.local")).isEmpty();
    directory.unregister("bench", "model-container");
    assertThat(directory.resolve("http://model-container.bench.svc.cluster.local")).isEmpty();
  }
}
