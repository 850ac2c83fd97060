package dev.mlbench.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetState;
import dev.mlbench.controller.status.Conditions;
import dev.mlbench.controller.testing.OperatorHarness;
import dev.mlbench.controller.testing.TestingKubelet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/** On a cluster without Knative the operator says so, and the container and VM targets go on. */
@QuarkusTest
@TestProfile(WithoutKnativeTest.FreshCluster.class)
@WithKubernetesTestServer(crud = true, setup = dev.mlbench.controller.testing.RecordApiRequests.class)
class WithoutKnativeTest {

  /** A profile of its own gives this test its own operator and its own, Knative-free, mock API. */
  public static class FreshCluster implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("mlbench.environment", "cluster");
    }
  }

  @Inject
  KubernetesClient client;
  @Inject
  Operator operator;

  @Test
  void serverlessIsReportedUnavailableWhileContainerAndVmBecomeReady() {
    OperatorHarness.start(operator, client, false);
    OperatorHarness.namespace(client, "no-knative");
    try (TestingKubelet kubelet = TestingKubelet.start(client, false)) {
      client.resource(OperatorHarness.example("quickstart.yaml", "no-knative")).create();

      await().atMost(OperatorHarness.TIMEOUT).untilAsserted(() -> {
        MLBenchmark current = client.resources(MLBenchmark.class).inNamespace("no-knative").withName("quickstart").get();
        assertThat(current.getStatus()).isNotNull();
        assertThat(Conditions.isTrue(current.getStatus().conditions, Conditions.TARGETS_READY)).isTrue();
      });

      MLBenchmark benchmark = client.resources(MLBenchmark.class).inNamespace("no-knative").withName("quickstart").get();
      var knative = Conditions.find(benchmark.getStatus().conditions, Conditions.KNATIVE_AVAILABLE).orElseThrow();
      assertThat(knative.status).isEqualTo("False");
      assertThat(knative.reason).isEqualTo("KnativeNotInstalled");
      assertThat(knative.message).contains("services.serving.knative.dev").contains("the other targets go on");
      assertThat(benchmark.getStatus().targets).hasSize(6);
      assertThat(benchmark.getStatus().targets).filteredOn(t -> t.target == TargetKind.SERVERLESS)
          .hasSize(2).allSatisfy(t -> assertThat(t.state).isEqualTo(TargetState.Unavailable));
      assertThat(benchmark.getStatus().targets).filteredOn(t -> t.target != TargetKind.SERVERLESS)
          .hasSize(4).allSatisfy(t -> assertThat(t.state).isEqualTo(TargetState.Ready));
      assertThat(client.apps().deployments().inNamespace("no-knative").list().getItems()).hasSize(4);
    }
  }
}
