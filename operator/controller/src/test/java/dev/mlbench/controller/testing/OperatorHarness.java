package dev.mlbench.controller.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.dependent.workflow.CRDPresentActivationCondition;

/** Starts the real operator against the mock API once the CRDs it needs are there. */
public final class OperatorHarness {

  public static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static Operator started;

  private OperatorHarness() {
  }

  public static synchronized void start(Operator operator, KubernetesClient client, boolean knative) {
    if (started == operator) {
      return;
    }
    CRDPresentActivationCondition.clearState();
    client.apiextensions().v1().customResourceDefinitions().resource(crd(REPO.resolve("crds/mlbenchmarks.mlbench.dev-v1.yml")))
        .create();
    if (knative) {
      // the same stand-in for Knative Serving's CRD that local mode installs
      client.apiextensions().v1().customResourceDefinitions()
          .resource(crd(REPO.resolve("operator/cli/src/main/resources/local/knative-services-crd.yaml"))).create();
    }
    operator.start();
    started = operator;
  }

  /**
   * A second operator process, as after a crash: plain JOSDK, the same reconciler and the same create/update mode
   * as the application's (no server-side apply), and nothing but the cluster to start from.
   */
  public static Operator newOperator(KubernetesClient client) {
    Operator successor = new Operator(o -> o.withKubernetesClient(client)
        .withCloseClientOnStop(false)
        .withSSABasedCreateUpdateMatchForDependentResources(false)
        .withUseSSAToPatchPrimaryResource(false));
    successor.register(new dev.mlbench.controller.MLBenchmarkReconciler("cluster",
        new dev.mlbench.controller.metrics.ResultGauges(new io.micrometer.core.instrument.simple.SimpleMeterRegistry())));
    return successor;
  }

  /** Edits a benchmark as a user would: on a conflict with the operator's status write, read again and retry. */
  public static void edit(KubernetesClient client, String namespace, String name,
      java.util.function.Consumer<MLBenchmark> change) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .ignoreException(io.fabric8.kubernetes.client.KubernetesClientException.class)
        .until(() -> {
          client.resources(MLBenchmark.class).inNamespace(namespace).withName(name).edit(b -> {
            change.accept(b);
            return b;
          });
          return true;
        });
  }

  public static void namespace(KubernetesClient client, String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .createOr(existing -> existing.update());
  }

  /** The MLBenchmark documents of an example file (other documents, such as ConfigMaps, are skipped). */
  public static MLBenchmark example(String file, String namespace) {
    try {
      String text = Files.readString(REPO.resolve("examples").resolve(file));
      MLBenchmark benchmark = java.util.Arrays.stream(text.split("(?m)^---\\s*$"))
          .filter(doc -> doc.contains("kind: MLBenchmark"))
          .map(doc -> SERIALIZATION.unmarshal(doc, MLBenchmark.class))
          .findFirst().orElseThrow(() -> new IllegalArgumentException(file + " holds no MLBenchmark"));
      benchmark.getMetadata().setNamespace(namespace);
      return benchmark;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The quickstart with its scenarios shortened, so that a dozen real load runs fit in a test. */
  public static MLBenchmark shortQuickstart(String namespace) {
    MLBenchmark benchmark = example("quickstart.yaml", namespace);
    var load = benchmark.getSpec().load;
    load.warmup = "500ms";
    load.scenarios.get(0).duration = "2s";
    load.scenarios.get(1).levels = java.util.List.of(1, 4);
    load.scenarios.get(1).durationPerLevel = "1s";
    return benchmark;
  }

  private static CustomResourceDefinition crd(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return SERIALIZATION.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
