package dev.mlbench.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import dev.mlbench.api.v1alpha1.Condition;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.Phase;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetState;
import dev.mlbench.api.v1alpha1.TargetStatus;
import dev.mlbench.controller.results.ErrorRateRule;
import dev.mlbench.controller.run.LoadJobs;
import dev.mlbench.controller.status.Conditions;
import dev.mlbench.controller.status.MLBenchmarkStatusAggregator;
import dev.mlbench.controller.testing.OperatorHarness;
import dev.mlbench.controller.testing.TestingGarbageCollector;
import dev.mlbench.controller.testing.TestingKubelet;
import dev.mlbench.controller.testing.TestingLoadJobs;
import dev.mlbench.controller.testing.TestingModelServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/**
 * What the operator does when things go wrong around it: a benchmark deleted at any phase, a model that answers
 * only errors, children that take their time to roll out.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = dev.mlbench.controller.testing.RecordApiRequests.class)
class ReliabilityTest {

  static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

  @Inject
  KubernetesClient client;
  @Inject
  Operator operator;
  @KubernetesTestServer
  KubernetesServer server;

  TestingKubelet kubelet;
  TestingModelServer model;
  TestingModelServer failingModel;
  TestingLoadJobs loadJobs;
  TestingGarbageCollector garbageCollector;
  String namespace;

  @BeforeEach
  void start(TestInfo test) throws Exception {
    OperatorHarness.start(operator, client, true);
    kubelet = TestingKubelet.start(client, true);
    model = TestingModelServer.start(2);
    failingModel = TestingModelServer.start(2);
    failingModel.answerWith(500);
    String method = test.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "");
    namespace = "rel-" + method.substring(0, Math.min(16, method.length()));
    OperatorHarness.namespace(client, namespace);
    // the sentiment model answers only errors; the other one works
    loadJobs = new TestingLoadJobs(client, server.getKubernetesMockServer(), namespace,
        url -> url.contains("-sentiment-") ? failingModel.url() : model.url());
    garbageCollector = new TestingGarbageCollector(client, namespace);
  }

  @AfterEach
  void stop() {
    garbageCollector.close();
    loadJobs.close();
    model.close();
    failingModel.close();
    kubelet.close();
  }

  /** One model on the container target: a cold-start probe, then a scenario long enough to be caught running. */
  MLBenchmark oneLane() {
    MLBenchmark benchmark = OperatorHarness.shortQuickstart(namespace);
    benchmark.getSpec().models.remove(1);
    benchmark.getSpec().targets.serverless.enabled = false;
    benchmark.getSpec().targets.vm.enabled = false;
    benchmark.getSpec().load.coldStart.samples = 1;
    benchmark.getSpec().load.scenarios.remove(1);
    benchmark.getSpec().load.scenarios.get(0).duration = "6s";
    return benchmark;
  }

  @Test
  void deletingTheBenchmarkAtAnyPhaseLeavesNoLoadNorChildAndARecreatedOneStartsClean() {
    Set<String> runIds = new HashSet<>();
    kubelet.hold(child -> true);
    // while its model servers roll out
    deleteAndCheck(() -> phase(Phase.Deploying) && !garbageCollector.objects().isEmpty(), runIds);
    kubelet.release();
    // during its cold-start probe
    deleteAndCheck(() -> job(j -> j.getMetadata().getName().contains("-cold-start-")), runIds);
    // while a scenario's load runs
    deleteAndCheck(() -> job(j -> "steady".equals(j.getMetadata().getLabels().get(LoadJobs.SCENARIO_LABEL)))
        && loadJobs.running() > 0, runIds);
    // once it has finished, with its results stored
    deleteAndCheck(() -> phase(Phase.Succeeded), runIds);
    assertThat(runIds).as("every benchmark of the same name ran under its own id").hasSize(3);
  }

  private void deleteAndCheck(java.util.concurrent.Callable<Boolean> reached, Set<String> runIds) {
    MLBenchmark created = client.resource(oneLane()).create();
    await().ignoreExceptions().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(reached);
    MLBenchmark before = benchmark();
    if (before.getStatus().runId != null) {
      assertThat(runIds.add(before.getStatus().runId)).as("a new run id for a new benchmark").isTrue();
      assertThat(before.getStatus().targets).allSatisfy(t -> assertThat(java.util.Objects.requireNonNullElse(t.scenarios,
          List.<dev.mlbench.api.v1alpha1.ScenarioStatus>of())).allSatisfy(s -> assertThat(s.job)
          .as("results of this run only").endsWith(before.getStatus().runId)));
      assertThat(client.configMaps().inNamespace(namespace).list().getItems()).allSatisfy(c -> assertThat(c.getMetadata()
          .getOwnerReferences()).singleElement().satisfies(o -> assertThat(o.getUid()).isEqualTo(created.getMetadata().getUid())));
    }
    client.resource(created).delete();

    await().ignoreExceptions().atMost(OperatorHarness.TIMEOUT).untilAsserted(() -> {
      assertThat(benchmark()).isNull();
      assertThat(loadJobs.running()).as("load processes still running").isZero();
      assertThat(garbageCollector.objects()).as("objects left behind").extracting(ReliabilityTest::describe).isEmpty();
    });
    // nothing comes back once the operator has had time to react to the deletion
    await().ignoreExceptions().pollDelay(Duration.ofSeconds(1)).atMost(OperatorHarness.TIMEOUT).untilAsserted(() ->
        assertThat(garbageCollector.objects()).extracting(ReliabilityTest::describe).isEmpty());
  }

  @Test
  void aModelAnsweringOnlyErrorsFailsItsScenariosAndTargetWhileTheOtherModelFinishes() {
    MLBenchmark benchmark = OperatorHarness.shortQuickstart(namespace);
    benchmark.getSpec().targets.serverless.enabled = false;
    benchmark.getSpec().targets.vm.enabled = false;
    benchmark.getSpec().load.coldStart.samples = 0;
    // keep the model servers after the analysis, so that the targets' own states stay visible
    benchmark.getSpec().cleanup.deleteWorkloads = false;
    client.resource(benchmark).create();

    MLBenchmark done = awaitFinal();

    assertThat(done.getStatus().phase).as("one model measured: partial results").isEqualTo(Phase.Succeeded);
    TargetStatus failing = target(done, "sentiment", TargetKind.CONTAINER);
    assertThat(failing.state).isEqualTo(TargetState.Failed);
    assertThat(failing.message).startsWith("every scenario failed").contains(ErrorRateRule.REASON);
    assertThat(failing.scenarios).hasSize(2).allSatisfy(s -> {
      assertThat(s.state).isEqualTo("Failed");
      assertThat(s.message).startsWith("ErrorRate: 100.0 % of ").contains("requests failed").contains("5xx ")
          .doesNotContain("5xx 0,");
      assertThat(s.latency).as("no latency from error responses").isNull();
      assertThat(s.throughput).isNull();
    });
    TargetStatus working = target(done, "orientation", TargetKind.CONTAINER);
    assertThat(working.state).isEqualTo(TargetState.Ready);
    assertThat(working.scenarios).allSatisfy(s -> {
      assertThat(s.state).isEqualTo("Succeeded");
      assertThat(s.latency.p50).isPositive();
    });
    assertThat(Conditions.find(done.getStatus().conditions, Conditions.LOAD_COMPLETE).orElseThrow())
        .satisfies(c -> assertThat(c.reason).isEqualTo("SomeScenariosFailed"));
    assertThat(Conditions.isTrue(done.getStatus().conditions, Conditions.ANALYZED)).isTrue();
    assertThat(working.cost.monthly).isPositive();
    assertThat(done.getStatus().summary.models).filteredOn(m -> "orientation".equals(m.model))
        .singleElement().satisfies(m -> assertThat(m.fastest).isEqualTo("container"));
  }

  @Test
  void aBenchmarkWhoseOnlyModelAnswersErrorsFailsRatherThanReportingNothing() {
    MLBenchmark benchmark = OperatorHarness.shortQuickstart(namespace);
    benchmark.getSpec().models.remove(0);
    benchmark.getSpec().targets.serverless.enabled = false;
    benchmark.getSpec().targets.vm.enabled = false;
    benchmark.getSpec().load.coldStart.samples = 0;
    benchmark.getSpec().load.scenarios.remove(1);
    client.resource(benchmark).create();

    MLBenchmark done = awaitFinal();

    assertThat(done.getStatus().phase).isEqualTo(Phase.Failed);
    assertThat(Conditions.find(done.getStatus().conditions, Conditions.LOAD_COMPLETE).orElseThrow()).satisfies(c -> {
      assertThat(c.reason).isEqualTo(MLBenchmarkStatusAggregator.NOTHING_MEASURED);
      assertThat(c.message).contains("sentiment/container/steady: ErrorRate");
    });
    assertThat(Conditions.isTrue(done.getStatus().conditions, Conditions.READY)).isFalse();
    assertThat(done.getStatus().targets).singleElement().satisfies(t -> assertThat(t.state).isEqualTo(TargetState.Failed));
  }

  @Test
  void targetsReadyNeverTurnsTrueBeforeEveryChildRolledOutAndObservedGenerationIsTheBenchmarksOwn() throws Exception {
    List<MLBenchmark> history = new CopyOnWriteArrayList<>();
    var recorder = client.resources(MLBenchmark.class).inNamespace(namespace).inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(MLBenchmark b) {
        history.add(b);
      }

      @Override
      public void onUpdate(MLBenchmark before, MLBenchmark after) {
        history.add(after);
      }

      @Override
      public void onDelete(MLBenchmark b, boolean unknown) {
      }
    });
    // no load runs here: this is about the rollouts
    loadJobs.close();
    try {
      kubelet.lag(Duration.ofMillis(300));
      kubelet.hold(child -> child.getMetadata().getName().endsWith("-sentiment-vm"));
      MLBenchmark benchmark = OperatorHarness.shortQuickstart(namespace);
      benchmark.getSpec().load.coldStart.samples = 0;
      client.resource(benchmark).create();

      await().ignoreExceptions().atMost(OperatorHarness.TIMEOUT).untilAsserted(() -> assertThat(benchmark().getStatus().targets)
          .filteredOn(t -> t.state == TargetState.Ready).hasSize(5));
      Thread.sleep(1000);
      assertThat(Conditions.isTrue(benchmark().getStatus().conditions, Conditions.TARGETS_READY))
          .as("one rollout is still held").isFalse();
      assertThat(benchmark().getStatus().phase).isEqualTo(Phase.Deploying);
      kubelet.release();
      awaitTargetsReady(1);

      // a new generation that changes no child, then one that changes every child
      edit(b -> b.getSpec().cost.traffic.requestsPerDay = 2_000_000);
      awaitTargetsReady(2);
      edit(b -> b.getSpec().models.forEach(m -> m.resources.cpu = "2"));
      awaitTargetsReady(3);
    } finally {
      recorder.close();
    }

    assertThat(history).as("statuses recorded").hasSizeGreaterThan(5);
    List<String> untruthful = new ArrayList<>();
    for (MLBenchmark version : history) {
      var status = version.getStatus();
      if (status == null) {
        continue;
      }
      long generation = version.getMetadata().getGeneration();
      long rv = Long.parseLong(version.getMetadata().getResourceVersion());
      if (status.observedGeneration == null || status.observedGeneration > generation) {
        untruthful.add("rv " + rv + ": observedGeneration " + status.observedGeneration + " of generation " + generation);
      }
      for (Condition condition : status.conditions) {
        // a condition may be older than the status (not yet re-evaluated), never newer
        if (condition.observedGeneration == null || status.observedGeneration == null
            || condition.observedGeneration > status.observedGeneration) {
          untruthful.add("rv " + rv + ": " + condition.type + " observed generation " + condition.observedGeneration
              + ", the status " + status.observedGeneration);
        }
      }
      boolean claimsReady = Conditions.isTrue(status.conditions, Conditions.TARGETS_READY)
          || Conditions.isTrue(status.conditions, Conditions.READY);
      if (claimsReady && !kubelet.everyChildRolledOutBefore(namespace, rv)) {
        untruthful.add("rv " + rv + ": TargetsReady/Ready True before every child's rollout finished: "
            + client.getKubernetesSerialization().asJson(status.conditions));
      }
    }
    assertThat(untruthful).isEmpty();
    assertThat(benchmark().getStatus().observedGeneration).isEqualTo(3L);
  }

  private void awaitTargetsReady(long generation) {
    await().ignoreExceptions().atMost(OperatorHarness.TIMEOUT).untilAsserted(() -> {
      var status = benchmark().getStatus();
      assertThat(status.observedGeneration).isEqualTo(generation);
      assertThat(Conditions.find(status.conditions, Conditions.TARGETS_READY).orElseThrow())
          .satisfies(c -> assertThat(c.status).isEqualTo("True"));
    });
  }

  private void edit(java.util.function.Consumer<MLBenchmark> change) {
    OperatorHarness.edit(client, namespace, "quickstart", change);
  }

  private MLBenchmark awaitFinal() {
    await().ignoreExceptions().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      MLBenchmark current = benchmark();
      assertThat(current.getStatus()).isNotNull();
      assertThat(current.getStatus().phase).as("final phase in %s",
          client.getKubernetesSerialization().asYaml(current.getStatus())).isIn(Phase.Succeeded, Phase.Failed);
    });
    return benchmark();
  }

  private static TargetStatus target(MLBenchmark benchmark, String model, TargetKind kind) {
    return benchmark.getStatus().targets.stream().filter(t -> t.model.equals(model) && t.target == kind)
        .findFirst().orElseThrow();
  }

  private boolean phase(Phase phase) {
    MLBenchmark current = benchmark();
    return current != null && current.getStatus() != null && current.getStatus().phase == phase;
  }

  private boolean job(Predicate<Job> which) {
    return client.batch().v1().jobs().inNamespace(namespace).list().getItems().stream().anyMatch(which);
  }

  private static String describe(HasMetadata object) {
    return object.getKind() + " " + object.getMetadata().getName();
  }

  private MLBenchmark benchmark() {
    return client.resources(MLBenchmark.class).inNamespace(namespace).withName("quickstart").get();
  }
}
