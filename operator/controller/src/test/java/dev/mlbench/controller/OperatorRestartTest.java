package dev.mlbench.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.controller.dependent.ChildObjects;
import dev.mlbench.controller.results.ResultsStore;
import dev.mlbench.controller.status.Conditions;
import dev.mlbench.controller.testing.OperatorHarness;
import dev.mlbench.controller.testing.TestingKubelet;
import dev.mlbench.controller.testing.TestingLoadJobs;
import dev.mlbench.controller.testing.TestingModelServer;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/**
 * The operator process dies mid-run and a new one takes over, with nothing but what the cluster holds: no Job
 * is created twice, no stored result is lost, and the run finishes.
 */
@QuarkusTest
@TestProfile(OperatorRestartTest.OwnOperator.class)
@WithKubernetesTestServer(crud = true, setup = dev.mlbench.controller.testing.RecordApiRequests.class)
class OperatorRestartTest {

  /** This test stops the application's operator, so it gets an application of its own. */
  public static class OwnOperator implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("mlbench.environment", "cluster");
    }
  }

  @Inject
  KubernetesClient client;
  @Inject
  Operator operator;
  @KubernetesTestServer
  KubernetesServer server;

  @Test
  void aNewOperatorTakesOverMidRunWithoutCreatingAJobTwiceOrLosingAResult() throws Exception {
    String namespace = "restart";
    OperatorHarness.start(operator, client, true);
    OperatorHarness.namespace(client, namespace);
    Operator successor = null;
    try (TestingKubelet kubelet = TestingKubelet.start(client, true);
        TestingModelServer model = TestingModelServer.start(2);
        TestingLoadJobs loadJobs = new TestingLoadJobs(client, server.getKubernetesMockServer(), namespace,
            url -> model.url())) {
      MLBenchmark benchmark = OperatorHarness.shortQuickstart(namespace);
      benchmark.getSpec().targets.serverless.enabled = false;
      benchmark.getSpec().targets.vm.enabled = false;
      client.resource(benchmark).create();
      await().atMost(Duration.ofMinutes(2)).until(() -> storedResults(namespace) >= 1);

      operator.stop();
      // while no operator runs, the next Job finishes: its result exists only in its pod's log
      await().atMost(Duration.ofMinutes(2)).until(() -> jobs(namespace).stream().anyMatch(OperatorRestartTest::complete));
      successor = OperatorHarness.newOperator(client);
      successor.start();

      await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(Conditions.isTrue(
          benchmark(namespace).getStatus().conditions, Conditions.LOAD_COMPLETE)).isTrue());
      MLBenchmark done = benchmark(namespace);
      // per model: one cold-start probe and two scenarios
      assertThat(loadJobs.creations()).hasSize(6).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
      assertThat(done.getStatus().targets).allSatisfy(t -> assertThat(t.scenarios)
          .allSatisfy(s -> assertThat(s.state).isEqualTo("Succeeded")));
      assertThat(done.getStatus().targets).allSatisfy(t -> assertThat(t.coldStart.state).isEqualTo("Succeeded"));
      assertThat(storedResults(namespace)).isEqualTo(6);
    } finally {
      if (successor != null) {
        successor.stop();
      }
    }
  }

  private static boolean complete(Job job) {
    return job.getStatus() != null && job.getStatus().getConditions().stream()
        .anyMatch(c -> "Complete".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private MLBenchmark benchmark(String namespace) {
    return client.resources(MLBenchmark.class).inNamespace(namespace).withName("quickstart").get();
  }

  private List<Job> jobs(String namespace) {
    return client.batch().v1().jobs().inNamespace(namespace).list().getItems();
  }

  private long storedResults(String namespace) {
    return client.configMaps().inNamespace(namespace).withLabel(ChildObjects.COMPONENT_LABEL, ResultsStore.RESULTS)
        .list().getItems().stream()
        .mapToLong(c -> c.getData() == null ? 0 : c.getData().size()).sum();
  }
}
