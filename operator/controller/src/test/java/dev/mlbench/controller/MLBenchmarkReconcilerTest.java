package dev.mlbench.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.AutoscaleSpec;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.Phase;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetState;
import dev.mlbench.controller.dependent.ChildObjects;
import dev.mlbench.controller.status.Conditions;
import dev.mlbench.controller.testing.OperatorHarness;
import dev.mlbench.controller.testing.TestingKubelet;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = dev.mlbench.controller.testing.RecordApiRequests.class)
class MLBenchmarkReconcilerTest {

  @Inject
  KubernetesClient client;
  @Inject
  Operator operator;

  TestingKubelet kubelet;
  String namespace;

  @BeforeEach
  void startOperator(org.junit.jupiter.api.TestInfo test) {
    OperatorHarness.start(operator, client, true);
    kubelet = TestingKubelet.start(client, true);
    namespace = "t-" + test.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "").substring(0, 20);
    OperatorHarness.namespace(client, namespace);
  }

  @AfterEach
  void stopKubelet() {
    kubelet.close();
  }

  @Test
  void quickstartDeploysEveryModelToEveryTargetAndReportsThemReady() {
    MLBenchmark benchmark = client.resource(OperatorHarness.example("quickstart.yaml", namespace)).create();

    MLBenchmark ready = awaitCondition("quickstart", Conditions.TARGETS_READY, "True");

    assertThat(knativeServices()).hasSize(2);
    assertThat(deployments()).hasSize(4);
    assertThat(services()).hasSize(4);
    assertThat(ready.getStatus().targets).hasSize(6)
        .allSatisfy(t -> {
          assertThat(t.state).isEqualTo(TargetState.Ready);
          assertThat(t.endpoint).startsWith("http://quickstart-" + t.model + "-" + t.target.value() + "." + namespace);
        });
    assertThat(ready.getStatus().phase).isEqualTo(Phase.Measuring);
    assertThat(ready.getStatus().modelCount).isEqualTo(2);
    assertThat(ready.getStatus().observedGeneration).isEqualTo(ready.getMetadata().getGeneration());
    assertThat(Conditions.isTrue(ready.getStatus().conditions, Conditions.KNATIVE_AVAILABLE)).isTrue();

    Service knative = client.resources(Service.class).inNamespace(namespace).withName("quickstart-orientation-serverless").get();
    Map<String, String> annotations = knative.getSpec().getTemplate().getMetadata().getAnnotations();
    assertThat(annotations).containsEntry("autoscaling.knative.dev/min-scale", "0")
        .containsEntry("autoscaling.knative.dev/max-scale", "3")
        .containsEntry("autoscaling.knative.dev/target", "10")
        .containsEntry("autoscaling.knative.dev/window", "6s");
    assertThat(knative.getSpec().getTemplate().getSpec().getContainerConcurrency()).isZero();
    assertThat(knative.getMetadata().getLabels()).containsEntry("networking.knative.dev/visibility", "cluster-local");

    Deployment vm = client.apps().deployments().inNamespace(namespace).withName("quickstart-sentiment-vm").get();
    var pod = vm.getSpec().getTemplate().getSpec();
    assertThat(pod.getNodeSelector()).containsEntry("mlbench.dev/pool", "vm");
    assertThat(pod.getTolerations()).anySatisfy(t -> assertThat(t.getKey()).isEqualTo("mlbench.dev/pool"));
    assertThat(pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()).hasSize(1);
    assertThat(pod.getContainers().get(0).getResources().getRequests().get("cpu").toString()).isEqualTo("1600m");
    assertThat(pod.getContainers().get(0).getReadinessProbe().getHttpGet().getPath()).isEqualTo("/v2/health/ready");

    for (HasMetadata child : children()) {
      assertThat(child.getMetadata().getLabels())
          .containsEntry(ChildObjects.MANAGED_BY_LABEL, ChildObjects.MANAGED_BY)
          .containsEntry(ChildObjects.BENCHMARK_LABEL, "quickstart")
          .containsKeys(ChildObjects.MODEL_LABEL, ChildObjects.TARGET_LABEL);
      assertThat(child.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(owner -> ownedBy(owner, benchmark));
    }
  }

  @Test
  void specChangeUpdatesTheChildrenAndObservedGenerationFollows() {
    client.resource(OperatorHarness.example("quickstart.yaml", namespace)).create();
    MLBenchmark first = awaitCondition("quickstart", Conditions.TARGETS_READY, "True");

    OperatorHarness.edit(client, namespace, "quickstart", b -> {
      b.getSpec().targets.serverless.maxScale = 7;
      b.getSpec().targets.container.replicas = 2;
    });

    await().atMost(OperatorHarness.TIMEOUT).untilAsserted(() -> {
      Service knative = client.resources(Service.class).inNamespace(namespace).withName("quickstart-orientation-serverless").get();
      assertThat(knative.getSpec().getTemplate().getMetadata().getAnnotations())
          .containsEntry("autoscaling.knative.dev/max-scale", "7");
      assertThat(client.apps().deployments().inNamespace(namespace).withName("quickstart-orientation-container").get()
          .getSpec().getReplicas()).isEqualTo(2);
      MLBenchmark current = benchmark("quickstart");
      assertThat(current.getMetadata().getGeneration()).isGreaterThan(first.getMetadata().getGeneration());
      assertThat(current.getStatus().observedGeneration).isEqualTo(current.getMetadata().getGeneration());
      assertThat(Conditions.find(current.getStatus().conditions, Conditions.TARGETS_READY).orElseThrow()
          .observedGeneration).isEqualTo(current.getMetadata().getGeneration());
    });
  }

  @Test
  void autoscalerFollowsTheSpecAndRemovedModelsLoseTheirChildren() {
    MLBenchmark benchmark = OperatorHarness.example("quickstart.yaml", namespace);
    benchmark.getSpec().targets.container.autoscale = new AutoscaleSpec();
    client.resource(benchmark).create();
    awaitCondition("quickstart", Conditions.TARGETS_READY, "True");
    assertThat(client.resources(HorizontalPodAutoscaler.class).inNamespace(namespace).list().getItems()).hasSize(2)
        .allSatisfy(hpa -> assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(5));
    assertThat(client.apps().deployments().inNamespace(namespace).withName("quickstart-sentiment-container").get()
        .getSpec().getReplicas()).as("the HPA owns the replica count").isNull();

    OperatorHarness.edit(client, namespace, "quickstart", b -> {
      b.getSpec().targets.container.autoscale = null;
      b.getSpec().models.remove(1);
    });

    await().atMost(OperatorHarness.TIMEOUT).untilAsserted(() -> {
      assertThat(client.resources(HorizontalPodAutoscaler.class).inNamespace(namespace).list().getItems()).isEmpty();
      assertThat(children()).extracting(c -> c.getMetadata().getLabels().get(ChildObjects.MODEL_LABEL))
          .containsOnly("orientation");
      assertThat(benchmark("quickstart").getStatus().targets).hasSize(3);
    });
  }

  @Test
  void deletedBenchmarkIsNotRecreatedAndOwnsEveryChild() {
    MLBenchmark benchmark = client.resource(OperatorHarness.example("quickstart.yaml", namespace)).create();
    awaitCondition("quickstart", Conditions.TARGETS_READY, "True");
    List<HasMetadata> children = children();
    assertThat(children).hasSize(10).allSatisfy(c -> assertThat(c.getMetadata().getOwnerReferences())
        .singleElement().satisfies(owner -> ownedBy(owner, benchmark)));
    assertThat(benchmark("quickstart").getMetadata().getFinalizers()).as("owner references need no finalizer").isEmpty();

    client.resource(benchmark).delete();
    // the mock API has no garbage collector: do its job, by owner reference
    await().atMost(OperatorHarness.TIMEOUT).until(() -> benchmark("quickstart") == null);
    children.forEach(child -> client.resource(child).delete());

    await().pollDelay(Duration.ofSeconds(3)).atMost(OperatorHarness.TIMEOUT).untilAsserted(() -> assertThat(children()).isEmpty());
  }

  @Test
  void invalidSpecIsReportedAndDeploysNothing() {
    MLBenchmark benchmark = OperatorHarness.example("quickstart.yaml", namespace);
    benchmark.getSpec().targets.serverless.minScale = 5;
    benchmark.getSpec().targets.serverless.maxScale = 2;
    client.resource(benchmark).create();

    MLBenchmark failed = awaitCondition("quickstart", Conditions.SPEC_VALID, "False");

    assertThat(failed.getStatus().phase).isEqualTo(Phase.Failed);
    assertThat(Conditions.find(failed.getStatus().conditions, Conditions.SPEC_VALID).orElseThrow().message)
        .contains("spec.targets.serverless: minScale (5) must not exceed maxScale (2)");
    assertThat(children()).isEmpty();
    assertThat(failed.getSpec().targets.serverless.minScale).as("the operator never writes the spec").isEqualTo(5);
  }

  @Test
  void aModelThatNeverBecomesReadyFailsWithItsPodsReasonWhileTheOthersGoOn() {
    MLBenchmark benchmark = OperatorHarness.example("quickstart.yaml", namespace);
    benchmark.getSpec().targets.readyTimeout = "10s";
    kubelet.crash(d -> d.getMetadata().getName().equals("quickstart-sentiment-vm"));
    client.resource(benchmark).create();

    MLBenchmark going = awaitCondition("quickstart", Conditions.TARGETS_READY, "True");

    assertThat(going.getStatus().targets).filteredOn(t -> t.state == TargetState.Failed).singleElement()
        .satisfies(t -> {
          assertThat(t.model + "/" + t.target.value()).isEqualTo("sentiment/vm");
          assertThat(t.message).contains("not ready after 10s").contains("CrashLoopBackOff").contains("4 restarts");
        });
    assertThat(going.getStatus().targets).filteredOn(t -> t.state == TargetState.Ready).hasSize(5);
    assertThat(Conditions.find(going.getStatus().conditions, Conditions.TARGETS_READY).orElseThrow().message)
        .contains("1 failed");
    assertThat(going.getStatus().runId).as("the run goes on without the failed target").isNotNull();
  }

  @Test
  void aBenchmarkWhoseEveryTargetFailsEndsFailedInsteadOfWaitingForever() {
    MLBenchmark benchmark = OperatorHarness.example("quickstart.yaml", namespace);
    benchmark.getSpec().targets.readyTimeout = "10s";
    benchmark.getSpec().targets.serverless.enabled = false;
    kubelet.crash(d -> true);
    client.resource(benchmark).create();

    await().atMost(OperatorHarness.TIMEOUT).untilAsserted(() -> {
      assertThat(benchmark("quickstart").getStatus()).isNotNull();
      assertThat(benchmark("quickstart").getStatus().phase).isEqualTo(Phase.Failed);
    });
    MLBenchmark failed = benchmark("quickstart");
    assertThat(Conditions.find(failed.getStatus().conditions, Conditions.TARGETS_READY).orElseThrow())
        .satisfies(c -> {
          assertThat(c.reason).isEqualTo("NoTargetReady");
          assertThat(c.message).contains("No target became ready").contains("CrashLoopBackOff");
        });
    assertThat(failed.getStatus().runId).as("no load runs against nothing").isNull();
  }

  private MLBenchmark awaitCondition(String name, String type, String status) {
    await().atMost(OperatorHarness.TIMEOUT).untilAsserted(() -> {
      MLBenchmark current = benchmark(name);
      assertThat(current.getStatus()).as("status of %s", name).isNotNull();
      assertThat(Conditions.find(current.getStatus().conditions, type))
          .as("%s in %s", type, client.getKubernetesSerialization().asYaml(current.getStatus()))
          .hasValueSatisfying(c -> assertThat(c.status).isEqualTo(status));
    });
    return benchmark(name);
  }

  private MLBenchmark benchmark(String name) {
    return client.resources(MLBenchmark.class).inNamespace(namespace).withName(name).get();
  }

  private List<Service> knativeServices() {
    return client.resources(Service.class).inNamespace(namespace).list().getItems();
  }

  private List<Deployment> deployments() {
    return client.apps().deployments().inNamespace(namespace).list().getItems();
  }

  /** Core Services only: the CRUD mock also answers this list with objects of other groups' "services". */
  private List<io.fabric8.kubernetes.api.model.Service> services() {
    return client.services().inNamespace(namespace).list().getItems().stream()
        .filter(s -> "v1".equals(s.getApiVersion()))
        .toList();
  }

  private List<HasMetadata> children() {
    List<HasMetadata> all = new java.util.ArrayList<>();
    all.addAll(knativeServices());
    all.addAll(deployments());
    all.addAll(services());
    all.addAll(client.resources(HorizontalPodAutoscaler.class).inNamespace(namespace).list().getItems());
    return all;
  }

  private static void ownedBy(OwnerReference owner, MLBenchmark benchmark) {
    assertThat(owner.getKind()).isEqualTo("MLBenchmark");
    assertThat(owner.getName()).isEqualTo(benchmark.getMetadata().getName());
    assertThat(owner.getUid()).isEqualTo(benchmark.getMetadata().getUid());
  }
}
