package dev.mlbench.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.Phase;
import dev.mlbench.controller.dependent.ChildObjects;
import dev.mlbench.controller.results.ResultsStore;
import dev.mlbench.controller.run.LoadJobs;
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
 * The operator process dies at every phase of a run (before it saw the benchmark, while the targets roll out,
 * during a cold-start probe, during a scenario, after the last Job before the analysis) and a new one takes over,
 * with nothing but what the cluster holds: no Job is created twice, no result is lost, and the run succeeds.
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
  void aNewOperatorTakesOverAtEveryPhaseWithoutCreatingAJobTwiceOrLosingAResult() throws Exception {
    String namespace = "restart";
    OperatorHarness.start(operator, client, true);
    OperatorHarness.namespace(client, namespace);
    // from here on operators come and go, each with nothing but what the cluster holds
    operator.stop();
    Operator current = null;
    try (TestingKubelet kubelet = TestingKubelet.start(client, true);
        TestingModelServer model = TestingModelServer.start(2);
        TestingLoadJobs loadJobs = new TestingLoadJobs(client, server.getKubernetesMockServer(), namespace,
            url -> model.url())) {
      MLBenchmark benchmark = OperatorHarness.shortQuickstart(namespace);
      benchmark.getSpec().targets.serverless.enabled = false;
      benchmark.getSpec().targets.vm.enabled = false;
      kubelet.hold(child -> true);

      // Pending: created while no operator runs
      client.resource(benchmark).create();
      current = successor();
      await().ignoreExceptions().atMost(OperatorHarness.TIMEOUT).until(() -> phase(namespace) == Phase.Deploying);

      // Deploying: the rollouts finish while no operator runs
      current = stop(current);
      kubelet.release();
      await().ignoreExceptions().atMost(OperatorHarness.TIMEOUT).until(() -> client.apps().deployments().inNamespace(namespace).list()
          .getItems().stream().allMatch(d -> d.getStatus() != null && Integer.valueOf(1).equals(d.getStatus().getAvailableReplicas())));
      current = successor();

      // a cold-start probe's Job finishes while no operator runs
      String probe = awaitJob(namespace, j -> j.getMetadata().getName().contains("-cold-start-"));
      current = stop(current);
      await().ignoreExceptions().atMost(Duration.ofMinutes(1)).until(() -> complete(job(namespace, probe)));
      current = successor();

      // a new operator arrives while a scenario's load runs
      awaitJob(namespace, j -> "steady".equals(j.getMetadata().getLabels().get(LoadJobs.SCENARIO_LABEL)));
      await().ignoreExceptions().atMost(Duration.ofMinutes(1)).until(() -> loadJobs.running() > 0);
      current = stop(current);
      current = successor();

      // the last Job finishes while no operator runs: the next one reads its result and analyses the run
      String last = awaitJob(namespace, j -> j.getMetadata().getName().contains("-sentiment-")
          && "sweep".equals(j.getMetadata().getLabels().get(LoadJobs.SCENARIO_LABEL)));
      current = stop(current);
      await().ignoreExceptions().atMost(Duration.ofMinutes(1)).until(() -> complete(job(namespace, last)));
      assertThat(phase(namespace)).isEqualTo(Phase.Measuring);
      current = successor();

      await().ignoreExceptions().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(phase(namespace)).isEqualTo(Phase.Succeeded));
      MLBenchmark done = benchmark(namespace);
      // per model: one cold-start probe and two scenarios
      assertThat(loadJobs.creations()).hasSize(6).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
      assertThat(done.getStatus().targets).allSatisfy(t -> assertThat(t.scenarios)
          .allSatisfy(s -> assertThat(s.state).isEqualTo("Succeeded")));
      assertThat(done.getStatus().targets).allSatisfy(t -> assertThat(t.coldStart.state).isEqualTo("Succeeded"));
      assertThat(storedResults(namespace)).isEqualTo(6);
      assertThat(Conditions.isTrue(done.getStatus().conditions, Conditions.ANALYZED)).isTrue();
    } finally {
      if (current != null) {
        current.stop();
      }
    }
  }

  private Operator successor() {
    Operator successor = OperatorHarness.newOperator(client);
    successor.start();
    return successor;
  }

  private static Operator stop(Operator running) {
    running.stop();
    return null;
  }

  private String awaitJob(String namespace, java.util.function.Predicate<Job> which) {
    String[] name = new String[1];
    await().ignoreExceptions().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
      name[0] = jobs(namespace).stream().filter(which).map(j -> j.getMetadata().getName()).findFirst().orElse(null);
      return name[0] != null;
    });
    return name[0];
  }

  private Job job(String namespace, String name) {
    return client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
  }

  private Phase phase(String namespace) {
    MLBenchmark benchmark = benchmark(namespace);
    return benchmark == null || benchmark.getStatus() == null ? null : benchmark.getStatus().phase;
  }

  private static boolean complete(Job job) {
    return job != null && job.getStatus() != null && job.getStatus().getConditions().stream()
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
