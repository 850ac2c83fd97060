package dev.mlbench.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.Phase;
import dev.mlbench.controller.run.LoadJobs;
import dev.mlbench.controller.run.RunPlan;
import dev.mlbench.controller.testing.OperatorHarness;
import dev.mlbench.controller.testing.TestingKubelet;
import dev.mlbench.controller.testing.TestingLoadJobs;
import dev.mlbench.controller.testing.TestingModelServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/**
 * Fifty benchmarks applied at once, each a tiny run: every one reaches a final phase with a status about itself
 * only. Prints the time it took and the peak heap of this JVM, where the operator runs.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = dev.mlbench.controller.testing.RecordApiRequests.class)
class ManyBenchmarksTest {

  static final int BENCHMARKS = 50;
  static final String NAMESPACE = "many";

  @Inject
  KubernetesClient client;
  @Inject
  Operator operator;
  @KubernetesTestServer
  KubernetesServer server;

  @Test
  void fiftyBenchmarksAtOnceAllFinishWithTheirOwnResults() throws Exception {
    OperatorHarness.start(operator, client, true);
    OperatorHarness.namespace(client, NAMESPACE);
    AtomicLong peakHeap = new AtomicLong();
    AtomicLong peakAfterGc = new AtomicLong();
    ScheduledExecutorService heap = Executors.newSingleThreadScheduledExecutor();
    var memory = ManagementFactory.getMemoryMXBean();
    var heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null).toList();
    heap.scheduleAtFixedRate(() -> {
      peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      // what the last collections left: live objects, not garbage waiting for the next one
      peakAfterGc.accumulateAndGet(heapPools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum(), Math::max);
    }, 0, 100, TimeUnit.MILLISECONDS);
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    try (TestingKubelet kubelet = TestingKubelet.start(client, true);
        TestingModelServer model = TestingModelServer.start(1);
        TestingLoadJobs loadJobs = new TestingLoadJobs(client, server.getKubernetesMockServer(), NAMESPACE,
            url -> model.url())) {
      long start = System.nanoTime();
      for (int i = 0; i < BENCHMARKS; i++) {
        client.resource(tiny(String.format("b%02d", i))).create();
      }

      await().ignoreExceptions().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
          assertThat(benchmarks()).hasSize(BENCHMARKS).allSatisfy(b -> assertThat(b.getStatus())
              .as(b.getMetadata().getName()).isNotNull()
              .satisfies(s -> assertThat(s.phase).isIn(Phase.Succeeded, Phase.Failed))));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("%d benchmarks at once: all final in %.1f s; heap of the operator's JVM (operator, mock API,"
          + " test doubles): peak used %d MiB, peak left after a collection %d MiB, %d MiB used before%n",
          BENCHMARKS, seconds, peakHeap.get() >> 20, peakAfterGc.get() >> 20, heapBefore >> 20);

      for (MLBenchmark b : benchmarks()) {
        String name = b.getMetadata().getName();
        var status = b.getStatus();
        assertThat(status.phase).as(name).isEqualTo(Phase.Succeeded);
        assertThat(status.observedGeneration).as(name).isEqualTo(b.getMetadata().getGeneration());
        assertThat(status.runId).as(name).isEqualTo(RunPlan.runId(b));
        assertThat(status.targets).as(name).singleElement().satisfies(t -> {
          assertThat(t.workloadName).startsWith(name + "-");
          assertThat(t.scenarios).singleElement().satisfies(s -> {
            assertThat(s.state).isEqualTo("Succeeded");
            assertThat(s.job).startsWith(name + "-").endsWith(status.runId);
            assertThat(s.resultRef).startsWith(name + "-");
            var stored = client.configMaps().inNamespace(NAMESPACE).withName(s.resultRef.split("/")[0]).get();
            assertThat(stored.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getUid()).isEqualTo(b.getMetadata().getUid()));
            assertThat(stored.getMetadata().getLabels()).containsEntry(LoadJobs.RUN_LABEL, status.runId);
          });
        });
      }
      assertThat(loadJobs.creations()).as("one Job per benchmark, none created twice").hasSize(BENCHMARKS)
          .allSatisfy((job, count) -> assertThat(count).as(job).isEqualTo(1));
    } finally {
      heap.shutdownNow();
    }
  }

  /** One model on the container target, no cold start, one half-second scenario. */
  private static MLBenchmark tiny(String name) {
    MLBenchmark benchmark = OperatorHarness.shortQuickstart(NAMESPACE);
    benchmark.getMetadata().setName(name);
    benchmark.getSpec().models.remove(1);
    benchmark.getSpec().targets.serverless.enabled = false;
    benchmark.getSpec().targets.vm.enabled = false;
    var load = benchmark.getSpec().load;
    load.coldStart.samples = 0;
    load.warmup = "0s";
    load.scenarios.remove(1);
    load.scenarios.get(0).duration = "500ms";
    return benchmark;
  }

  private List<MLBenchmark> benchmarks() {
    return client.resources(MLBenchmark.class).inNamespace(NAMESPACE).list().getItems();
  }
}
