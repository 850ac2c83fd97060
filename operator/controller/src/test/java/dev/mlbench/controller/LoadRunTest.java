package dev.mlbench.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import dev.mlbench.api.results.HistogramCodec;
import dev.mlbench.api.results.LatencySummary;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.ResultLine;
import dev.mlbench.api.v1alpha1.AutoscaleSpec;
import dev.mlbench.api.v1alpha1.LoadSpec;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.Phase;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetState;
import dev.mlbench.api.v1alpha1.TargetStatus;
import dev.mlbench.controller.dependent.ChildObjects;
import dev.mlbench.controller.run.LoadJobs;
import dev.mlbench.controller.status.Conditions;
import dev.mlbench.controller.testing.OperatorHarness;
import dev.mlbench.controller.testing.RecordApiRequests;
import dev.mlbench.controller.testing.TestingKubelet;
import dev.mlbench.controller.testing.TestingLoadJobs;
import dev.mlbench.controller.testing.TestingModelServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/**
 * Whole runs against the mock API: load Jobs are run by the real load generator, as local processes, against a
 * real HTTP server; results come back through pod logs into ConfigMaps and the status.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = dev.mlbench.controller.testing.RecordApiRequests.class)
class LoadRunTest {

  static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

  @Inject
  KubernetesClient client;
  @Inject
  Operator operator;
  @KubernetesTestServer
  KubernetesServer server;
  @Inject
  MeterRegistry meters;
  @io.quarkus.test.common.http.TestHTTPResource("/")
  java.net.URL operatorUrl;

  TestingKubelet kubelet;
  TestingModelServer model;
  TestingLoadJobs loadJobs;
  String namespace;

  @BeforeEach
  void start(TestInfo test) throws Exception {
    OperatorHarness.start(operator, client, true);
    kubelet = TestingKubelet.start(client, true);
    model = TestingModelServer.start(2);
    namespace = "run-" + test.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "").substring(0, 16);
    OperatorHarness.namespace(client, namespace);
    loadJobs = new TestingLoadJobs(client, server.getKubernetesMockServer(), namespace, clusterUrl -> model.url());
  }

  @AfterEach
  void stop() {
    loadJobs.close();
    model.close();
    kubelet.close();
  }

  MLBenchmark shortQuickstart() {
    MLBenchmark benchmark = OperatorHarness.shortQuickstart(namespace);
    benchmark.getSpec().load.isolation = LoadSpec.Isolation.TARGET;
    return benchmark;
  }

  /** The short quickstart on its first model and the container target only, for tests about one lane. */
  MLBenchmark oneModelOnContainers() {
    MLBenchmark benchmark = shortQuickstart();
    benchmark.getSpec().models.remove(1);
    benchmark.getSpec().targets.serverless.enabled = false;
    benchmark.getSpec().targets.vm.enabled = false;
    return benchmark;
  }

  @Test
  void quickstartMeasuresEveryScenarioOnEveryTargetAndStoresTheResultsFirst() {
    client.resource(shortQuickstart()).create();

    MLBenchmark done = awaitLoadComplete();

    assertThat(Conditions.find(done.getStatus().conditions, Conditions.LOAD_COMPLETE).orElseThrow().reason)
        .isEqualTo("AllScenariosMeasured");
    // the analysis runs in the reconciliation that sees the last result stored
    assertThat(done.getStatus().phase).isEqualTo(Phase.Succeeded);
    assertThat(Conditions.isTrue(done.getStatus().conditions, Conditions.READY)).isTrue();
    assertThat(done.getStatus().completedAt).isNotNull();
    var summary = done.getStatus().summary;
    assertThat(summary.fastest).isIn("serverless", "container", "vm", "mixed");
    assertThat(summary.cheapest).isIn("serverless", "container", "vm", "mixed");
    assertThat(summary.models).hasSize(2).allSatisfy(m -> {
      assertThat(m.fastest).isNotNull();
      assertThat(m.fastestPValue).isBetween(0.0, 1.0);
      assertThat(m.cheapest).isNotNull();
    });
    assertThat(done.getStatus().targets).allSatisfy(t -> {
      assertThat(t.cost.message).as("%s/%s priced", t.model, t.target).isNull();
      assertThat(t.cost.monthly).isPositive();
      assertThat(t.cost.yearTco).isGreaterThan(t.cost.monthly * 12);
      assertThat(t.cost.breakdown.compute + t.cost.breakdown.requests + t.cost.breakdown.storage
          + t.cost.breakdown.transfer + t.cost.breakdown.gateway).isCloseTo(t.cost.monthly, org.assertj.core.data.Offset.offset(0.05));
    });
    assertThat(done.getStatus().targets).filteredOn(t -> t.target == TargetKind.SERVERLESS)
        .allSatisfy(t -> assertThat(t.cost.pricedAs).isEqualTo("AWS Lambda"));
    assertThat(done.getStatus().targets).filteredOn(t -> t.target == TargetKind.VM)
        .allSatisfy(t -> assertThat(t.cost.pricedAs).isEqualTo("Amazon EC2 m5.large"));
    assertThat(done.getStatus().runId).isNotBlank();
    assertThat(done.getStatus().targets).hasSize(6).allSatisfy(target -> {
      assertThat(target.scenarios).extracting(s -> s.name).containsExactly("steady", "sweep");
      ScenarioStatus steady = target.scenarios.get(0);
      assertThat(steady.state).isEqualTo("Succeeded");
      assertThat(steady.loop).isEqualTo("open-loop");
      assertThat(steady.requests).isPositive();
      assertThat(steady.succeeded).isEqualTo(steady.requests);
      assertThat(steady.throughput).isPositive();
      assertThat(steady.latency.samples).isEqualTo(steady.succeeded);
      assertThat(steady.latency.p50).isPositive();
      assertThat(steady.latency.ci95.p50.lower).isLessThanOrEqualTo(steady.latency.p50);
      assertThat(steady.latency.ci95.p50.upper).isGreaterThanOrEqualTo(steady.latency.p50);
      // tens of requests: a median, but no tail percentile (p99 needs 1,000 samples)
      assertThat(steady.latency.p99).isNull();
      assertThat(steady.latency.insufficientSamples).contains("p99", "p99.9");
      assertThat(steady.latency.max).isGreaterThanOrEqualTo(steady.latency.p50);
      assertThat(steady.errors.http5xx + steady.errors.timeout + steady.errors.connection).isZero();
      // the mock API serves no metrics.k8s.io: the figures come from the server's own metrics, read by the load pod
      assertThat(steady.utilisation.source).isEqualTo("model-server");
      assertThat(steady.utilisation.cpuCores).isPositive();
      assertThat(steady.utilisation.cpuPercentOfRequest).isCloseTo(steady.utilisation.cpuCores * 100
          / (target.target == TargetKind.VM ? 1.6 : 1.0), org.assertj.core.data.Offset.offset(0.5));
      assertThat(steady.utilisation.memoryMiB).isPositive();
      ScenarioStatus sweep = target.scenarios.get(1);
      assertThat(sweep.state).isEqualTo("Succeeded");
      assertThat(sweep.loop).isEqualTo("closed-loop");
      assertThat(sweep.levels).extracting(l -> l.concurrency).containsExactly(1, 4);
      assertThat(sweep.levels).allSatisfy(l -> assertThat(l.throughput).isPositive());
    });

    assertThat(done.getStatus().targets).allSatisfy(target -> {
      assertThat(target.coldStart.state).isEqualTo("Succeeded");
      assertThat(target.coldStart.samples).isEqualTo(target.target == TargetKind.SERVERLESS ? 3 : 1);
      assertThat(target.coldStart.p50).isPositive();
      assertThat(target.coldStart.max).isGreaterThanOrEqualTo(target.coldStart.p50);
      assertThat(target.coldStart.stages.stream().mapToDouble(s -> s.ms).sum())
          .isCloseTo(target.coldStart.p50, org.assertj.core.data.Offset.offset(0.5));
      List<String> stages = target.coldStart.stages.stream().map(s -> s.name).toList();
      if (target.target == TargetKind.SERVERLESS) {
        // the testing server was up before any probe: its timestamps describe no cold start, the probe's own do
        assertThat(stages).containsExactly("connect", "time-to-first-byte", "response");
      } else {
        // whether the server's start falls within the pod's start depends on timing; both splits are valid
        assertThat(stages).startsWith("scheduling", "initialisation").endsWith("readiness", "first-inference");
      }
    });

    for (TargetStatus target : done.getStatus().targets) {
      for (ScenarioStatus scenario : target.scenarios) {
        String[] ref = scenario.resultRef.split("/");
        ConfigMap stored = client.configMaps().inNamespace(namespace).withName(ref[0]).get();
        assertThat(stored.getMetadata().getOwnerReferences()).singleElement()
            .satisfies(o -> assertThat(o.getName()).isEqualTo("quickstart"));
        LoadResult result = ResultLine.parse(stored.getData().get(ref[1]));
        assertThat(result.phases()).allSatisfy(p -> assertThat(HistogramCodec.decode(p.histogram()).getTotalCount())
            .isEqualTo(p.succeeded()));
      }
    }
    await().atMost(OperatorHarness.TIMEOUT).untilAsserted(() -> assertThat(loadJobs()).as("finished Jobs are cleaned up").isEmpty());
    var p50 = meters.find("mlbench_latency_milliseconds").tags("namespace", namespace, "model", "orientation",
        "target", "vm", "scenario", "steady", "quantile", "0.5").gauge();
    assertThat(p50).as("the results are exported as Prometheus gauges").isNotNull();
    assertThat(p50.value()).isEqualTo(done.getStatus().targets.stream()
        .filter(t -> t.model.equals("orientation") && t.target == TargetKind.VM).findFirst().orElseThrow()
        .scenarios.get(0).latency.p50);
    assertThat(meters.find("mlbench_latency_milliseconds").tags("namespace", namespace, "quantile", "0.99").gauges())
        .as("a percentile with too few samples has no value to export").isEmpty();
    assertThat(meters.find("mlbench_cold_start_milliseconds").tags("namespace", namespace).gauges()).hasSize(12);
    assertThat(client.v1().events().inNamespace(namespace).list().getItems())
        .extracting(e -> e.getReason()).contains("TargetsReady", "ScenarioStarted", "ScenarioDone", "ProbeStarted", "ProbeDone");
  }

  @Test
  void anAnalysedRunKeepsItsResultsAndReportWhileItsModelServersGoUntilTheSpecChanges() throws Exception {
    MLBenchmark benchmark = shortQuickstart();
    benchmark.getSpec().models.remove(1);
    benchmark.getSpec().load.scenarios.remove(1);
    benchmark.getSpec().load.coldStart.samples = 1;
    benchmark.getSpec().targets.container.autoscale = new AutoscaleSpec();
    client.resource(benchmark).create();
    await().atMost(RUN_TIMEOUT).until(() -> modelServers().size() == 6);

    MLBenchmark removed = awaitWorkloadsRemoved(null);

    String firstRun = removed.getStatus().runId;
    assertThat(removed.getStatus().phase).isEqualTo(Phase.Succeeded);
    assertThat(Conditions.isTrue(removed.getStatus().conditions, Conditions.READY)).isTrue();
    assertThat(removed.getStatus().summary.fastest).isNotNull();
    assertThat(removed.getStatus().targets).hasSize(3).allSatisfy(t -> {
      assertThat(t.state).isEqualTo(TargetState.Removed);
      assertThat(t.message).contains("spec.cleanup.deleteWorkloads");
      assertThat(t.scenarios).singleElement().satisfies(s -> assertThat(s.state).isEqualTo("Succeeded"));
      assertThat(t.cost.monthly).isPositive();
    });
    assertThat(modelServers()).as("Knative Service, Deployments, Services and the autoscaler are deleted").isEmpty();
    await().atMost(OperatorHarness.TIMEOUT).untilAsserted(() -> assertThat(loadJobs()).as("and the finished Jobs").isEmpty());
    assertThat(client.configMaps().inNamespace(namespace).withLabel(LoadJobs.RUN_LABEL, firstRun).list().getItems())
        .extracting(c -> c.getMetadata().getName())
        .hasSize(4).contains("quickstart-report");
    assertThat(client.v1().events().inNamespace(namespace).list().getItems()).extracting(e -> e.getReason())
        .contains("WorkloadsRemoved");

    var report = removed.getStatus().report;
    assertThat(report.runId).isEqualTo(firstRun);
    assertThat(report.url).isEqualTo("/reports/" + namespace + "/quickstart");
    assertThat(Conditions.isTrue(removed.getStatus().conditions, Conditions.REPORT_STORED)).isTrue();
    String html = client.configMaps().inNamespace(namespace).withName(report.configMap).get().getData().get(report.key);
    assertThat(html).as("the latency CDFs come from the stored histograms")
        .containsPattern("Serverless \\(\\d+ samples\\)").containsPattern("Container \\(\\d+ samples\\)")
        .containsPattern("VM \\(\\d+ samples\\)");
    var response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(operatorUrl.toString().replaceAll("/$", "") + report.url)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(html);

    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> modelServers().isEmpty());

    editSpec(b -> b.getSpec().load.scenarios.get(0).duration = "1s");
    await("a new generation deploys again").atMost(RUN_TIMEOUT).until(() -> modelServers().size() == 6);

    MLBenchmark second = awaitWorkloadsRemoved(firstRun);
    assertThat(second.getStatus().report.runId).isEqualTo(second.getStatus().runId);
    assertThat(client.configMaps().inNamespace(namespace).withName("quickstart-report").get().getMetadata().getLabels())
        .containsEntry(LoadJobs.RUN_LABEL, second.getStatus().runId);
    assertThat(modelServers()).isEmpty();
  }

  @Test
  void aGarbledResultLineFailsOnlyItsScenarioAndSaysWhatWasWrong() {
    MLBenchmark benchmark = oneModelOnContainers();
    loadJobs.rewriteLogs((job, log) -> "steady".equals(job.getMetadata().getLabels().get(LoadJobs.SCENARIO_LABEL))
        ? log.replace("MLBENCH_RESULT {", "MLBENCH_RESULT {garbage")
        : log);
    client.resource(benchmark).create();

    MLBenchmark done = awaitLoadComplete();

    var scenarios = done.getStatus().targets.get(0).scenarios;
    assertThat(scenarios.get(0).state).isEqualTo("Failed");
    assertThat(scenarios.get(0).message).contains("printed a bad result line").contains("not a valid result");
    assertThat(scenarios.get(1).state).isEqualTo("Succeeded");
    assertThat(Conditions.find(done.getStatus().conditions, Conditions.LOAD_COMPLETE).orElseThrow())
        .satisfies(c -> {
          assertThat(c.reason).isEqualTo("SomeScenariosFailed");
          assertThat(c.message).contains("orientation/container/steady");
        });
  }

  @Test
  void aFailingLoadJobIsRetriedThenReportedWhileTheOtherScenariosKeepTheirResults() {
    MLBenchmark benchmark = oneModelOnContainers();
    benchmark.getSpec().load.retries = 1;
    loadJobs.failScenario("steady");
    client.resource(benchmark).create();

    MLBenchmark done = awaitLoadComplete();

    var scenarios = done.getStatus().targets.get(0).scenarios;
    assertThat(scenarios.get(0).state).isEqualTo("Failed");
    assertThat(scenarios.get(0).message).contains("BackoffLimitExceeded").contains("exit code 1");
    assertThat(loadJobs.podsOf(scenarios.get(0).job)).as("one try and one retry").isEqualTo(2);
    assertThat(scenarios.get(1).state).isEqualTo("Succeeded");
    assertThat(scenarios.get(1).requests).isPositive();
  }

  @Test
  void aSpecEditMidRunCancelsTheOldRunAndStartsANewOne() {
    MLBenchmark benchmark = oneModelOnContainers();
    benchmark.getSpec().load.coldStart.samples = 0;
    benchmark.getSpec().load.scenarios.get(0).duration = "20s";
    client.resource(benchmark).create();
    await().atMost(RUN_TIMEOUT).until(() -> !loadJobs().isEmpty());
    String firstRun = benchmark().getStatus().runId;
    String firstJob = loadJobs().get(0).getMetadata().getName();

    editSpec(b -> b.getSpec().load.scenarios.get(0).duration = "2s");

    MLBenchmark done = awaitLoadComplete();
    assertThat(done.getStatus().runId).isNotEqualTo(firstRun);
    assertThat(client.batch().v1().jobs().inNamespace(namespace).withName(firstJob).get())
        .as("the old run's Job is removed").isNull();
    assertThat(done.getStatus().targets.get(0).scenarios).allSatisfy(s -> {
      assertThat(s.job).endsWith(done.getStatus().runId);
      assertThat(s.state).isEqualTo("Succeeded");
    });
    assertThat(client.configMaps().inNamespace(namespace).list().getItems())
        .allSatisfy(c -> assertThat(c.getMetadata().getLabels()).containsEntry(LoadJobs.RUN_LABEL, done.getStatus().runId));
  }

  @Test
  void twoLoadPodsOfAScenarioAreMergedExactly() {
    MLBenchmark benchmark = oneModelOnContainers();
    benchmark.getSpec().load.scenarios.remove(1);
    benchmark.getSpec().load.parallelism = 2;
    client.resource(benchmark).create();

    MLBenchmark done = awaitLoadComplete();

    List<LoadResult> pods = loadJobs.logs().stream().map(log -> ResultLine.findLast(log).orElseThrow())
        .filter(result -> "steady".equals(result.scenario())).toList();
    assertThat(pods).hasSize(2);
    Histogram merged = HistogramCodec.merge(pods.stream().map(p -> p.phases().get(0).histogram()).toList());
    LatencySummary expected = LatencySummary.of(merged);
    ScenarioStatus steady = done.getStatus().targets.get(0).scenarios.get(0);
    assertThat(steady.latency).as("latency of %s", client.getKubernetesSerialization().asYaml(steady)).isNotNull();
    assertThat(steady.latency.p50).isEqualTo(expected.p50Micros() / 1000.0);
    assertThat(steady.latency.samples).isEqualTo(expected.count());
    assertThat(steady.latency.p99).isEqualTo(expected.count() >= 1_000 ? (Double) (expected.p99Micros() / 1000.0) : null);
    assertThat(steady.latency.max).isEqualTo(expected.maxMicros() / 1000.0);
    assertThat(steady.requests).isEqualTo(pods.stream().mapToLong(p -> p.phases().get(0).sent()).sum());
  }

  @Test
  void aDeletedLoadPodLosesNothingOnceItsResultIsStored() {
    MLBenchmark benchmark = oneModelOnContainers();
    benchmark.getSpec().cleanup.deleteJobs = false;
    client.resource(benchmark).create();
    MLBenchmark done = awaitLoadComplete();
    ScenarioStatus before = done.getStatus().targets.get(0).scenarios.get(0);

    client.pods().inNamespace(namespace).delete();
    editSpec(b -> b.getMetadata().setAnnotations(Map.of("touched", "yes")));

    await().pollDelay(Duration.ofSeconds(2)).atMost(OperatorHarness.TIMEOUT).untilAsserted(() -> {
      ScenarioStatus after = benchmark().getStatus().targets.get(0).scenarios.get(0);
      assertThat(after.state).isEqualTo("Succeeded");
      assertThat(after.latency.p50).isEqualTo(before.latency.p50);
      assertThat(after.latency.ci95.p50.upper).isEqualTo(before.latency.ci95.p50.upper);
      assertThat(after.requests).isEqualTo(before.requests);
    });
  }

  @Test
  void utilisationComesFromTheMetricsApiWhenTheClusterServesIt() {
    MLBenchmark benchmark = oneModelOnContainers();
    benchmark.getSpec().load.scenarios.remove(1);
    // metrics-server's answer for the one container pod: a quarter of a core and 300 MiB
    String path = metricsApiPath(Map.of("mlbench.dev/model", "orientation", "mlbench.dev/target", "container"));
    server.expect().get().withPath(path).andReturn(200, """
        {"apiVersion": "metrics.k8s.io/v1beta1", "kind": "PodMetricsList", "items": [{
          "metadata": {"name": "quickstart-orientation-container-0", "namespace": "%s"},
          "timestamp": "2026-01-01T00:00:00Z", "window": "15s",
          "containers": [{"name": "model-server", "usage": {"cpu": "250m", "memory": "300Mi"}}]}]}
        """.formatted(namespace)).always();
    client.resource(benchmark).create();

    MLBenchmark done = awaitLoadComplete();

    var utilisation = done.getStatus().targets.get(0).scenarios.get(0).utilisation;
    assertThat(utilisation.source).isEqualTo("metrics.k8s.io");
    assertThat(utilisation.samples).isPositive();
    assertThat(utilisation.cpuCores).isEqualTo(0.25);
    assertThat(utilisation.cpuPercentOfRequest).isEqualTo(25.0);
    assertThat(utilisation.memoryMiB).isEqualTo(300.0);
    assertThat(utilisation.memoryPercentOfRequest).isEqualTo(29.3);
    assertThat(utilisation.memoryPercentOfLimit).isEqualTo(29.3);
  }

  /** The path the client asks for a label-selected list of pod metrics: learnt by asking the mock once. */
  private String metricsApiPath(Map<String, String> labels) {
    try {
      client.top().pods().inNamespace(namespace).withLabels(new java.util.TreeMap<>(labels)).metrics();
    } catch (RuntimeException e) {
      // the mock has no answer yet; the request it saw is all this needs
    }
    // every request the mock serves is written down for the RBAC coverage test: read the path from there
    String[] path = new String[1];
    await().atMost(OperatorHarness.TIMEOUT).until(() -> {
      path[0] = java.nio.file.Files.readAllLines(RecordApiRequests.FILE).stream()
          .filter(line -> line.startsWith("GET /apis/metrics.k8s.io/") && line.contains("/namespaces/" + namespace + "/"))
          .map(line -> line.substring("GET ".length()))
          .findFirst().orElse(null);
      return path[0] != null;
    });
    return path[0];
  }

  private MLBenchmark awaitLoadComplete() {
    await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      MLBenchmark current = benchmark();
      assertThat(current.getStatus()).isNotNull();
      assertThat(Conditions.isTrue(current.getStatus().conditions, Conditions.LOAD_COMPLETE))
          .as("LoadComplete in %s", client.getKubernetesSerialization().asYaml(current.getStatus())).isTrue();
    });
    return benchmark();
  }

  private MLBenchmark awaitWorkloadsRemoved(String afterRun) {
    await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      MLBenchmark current = benchmark();
      assertThat(current.getStatus()).isNotNull();
      assertThat(current.getStatus().runId).isNotEqualTo(afterRun);
      assertThat(Conditions.isTrue(current.getStatus().conditions, Conditions.WORKLOADS_REMOVED))
          .as("WorkloadsRemoved in %s", client.getKubernetesSerialization().asYaml(current.getStatus())).isTrue();
    });
    return benchmark();
  }

  /** Every model-server object of the benchmark: Knative Services, Deployments, core Services, autoscalers. */
  private List<HasMetadata> modelServers() {
    Map<String, String> labels = Map.of(ChildObjects.BENCHMARK_LABEL, "quickstart", ChildObjects.COMPONENT_LABEL,
        ChildObjects.MODEL_SERVER);
    List<HasMetadata> objects = new java.util.ArrayList<>();
    objects.addAll(client.resources(io.fabric8.knative.serving.v1.Service.class).inNamespace(namespace).withLabels(labels)
        .list().getItems());
    objects.addAll(client.apps().deployments().inNamespace(namespace).withLabels(labels).list().getItems());
    objects.addAll(client.services().inNamespace(namespace).withLabels(labels).list().getItems().stream()
        .filter(s -> "v1".equals(s.getApiVersion())).toList());
    objects.addAll(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).withLabels(labels)
        .list().getItems());
    return objects;
  }

  private MLBenchmark benchmark() {
    return client.resources(MLBenchmark.class).inNamespace(namespace).withName("quickstart").get();
  }

  private void editSpec(java.util.function.Consumer<MLBenchmark> change) {
    OperatorHarness.edit(client, namespace, "quickstart", change);
  }

  private List<Job> loadJobs() {
    return client.batch().v1().jobs().inNamespace(namespace).list().getItems();
  }
}
