package dev.mlbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The scenarios' expect.sh scripts and lib.sh's waiting, run against a {@code TestingKubectl} double that answers
 * with benchmark statuses shaped like the operator's: each expectation holds on a good run and names what a bad
 * run misses. (In the kind run they read a real cluster; here nothing can.)
 */
class ScenarioExpectationsTest {

  static final Path REPO = ShellScriptsTest.REPO;
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> TOOLS = List.of("env", "bash", "dirname", "date", "sleep", "cat", "jq", "mkdir", "tail", "rm");

  /** Answers the reads of lib.sh and the expect.sh scripts from the files in $KUBECTL_FIXTURES. */
  static final String TESTING_KUBECTL = """
      #!/usr/bin/env bash
      args="$*"
      case "${args}" in
        "get mlbenchmark "*) cat "${KUBECTL_FIXTURES}/mlbenchmark.json" ;;
        *"-l mlbench.dev/target=vm,app.kubernetes.io/component=model-server -o json") cat "${KUBECTL_FIXTURES}/vm-pods.json" ;;
        "get nodes -l mlbench.dev/pool=vm -o json") cat "${KUBECTL_FIXTURES}/vm-nodes.json" ;;
        "get services.serving.knative.dev "*) cat "${KUBECTL_FIXTURES}/knative-service.json" ;;
        "get deployments,services,services.serving.knative.dev,jobs,pods "*) cat "${KUBECTL_FIXTURES}/children.json" ;;
        "get pods --namespace "*" -o jsonpath="*) printf 'quickstart-orientation-vm-1\nload-steady-r1\n' ;;
        "get events "*) echo "Warning  FailedScheduling  pod/quickstart-orientation-vm-1  0/5 nodes are available" ;;
        "logs "*"--previous") exit 1 ;;
        "logs --namespace "*) echo "log line of $4" ;;
        "get all,"* | "describe "*) echo "${args}" ;;
        *"-o name") ;;
        *"-o json") echo '{"items":[]}' ;;
        *) echo "TestingKubectl: unexpected kubectl ${args}" >&2; exit 1 ;;
      esac
      """;

  @TempDir
  Path work;
  Path bin;
  Path fixtures;

  @BeforeEach
  void testingKubectlOnPath() throws IOException {
    requireJq();
    bin = RestrictedPath.create(work.resolve("bin"), TOOLS);
    fixtures = Files.createDirectories(work.resolve("fixtures"));
    RestrictedPath.executable(bin.resolve("kubectl"), TESTING_KUBECTL);
    fixture("children.json", "{\"items\":[]}");
    fixture("knative-service.json", """
        {"spec": {"template": {"metadata": {"annotations": {"autoscaling.knative.dev/min-scale": "0"}}}},
         "status": {"conditions": [{"type": "Ready", "status": "True"}]}}""");
    fixture("vm-pods.json", """
        {"items": [{"spec": {"nodeName": "mlbench-e2e-worker3"}}, {"spec": {"nodeName": "mlbench-e2e-worker4"}}]}""");
    fixture("vm-nodes.json", """
        {"items": [{"metadata": {"name": "mlbench-e2e-worker3"}}, {"metadata": {"name": "mlbench-e2e-worker4"}}]}""");
  }

  @Test
  void quickstartExpectationsHoldOnASucceededRun() throws Exception {
    fixture("mlbenchmark.json", quickstartSucceeded().toString());
    Result result = expect("quickstart");
    assertThat(result.exit).as("stderr:%n%s", result.stderr).isZero();
    assertThat(result.stderr).contains("every expectation met").doesNotContain("FAILED");
  }

  @Test
  void quickstartExpectationsNameEveryMiss() throws Exception {
    ObjectNode benchmark = quickstartSucceeded();
    ArrayNode targets = (ArrayNode) benchmark.path("status").path("targets");
    ObjectNode serverless = (ObjectNode) targets.get(0);
    ((ObjectNode) serverless.path("coldStart")).put("p50", 1.0);
    ((ObjectNode) targets.get(1).path("cost")).put("monthly", 0.0);
    ((ObjectNode) targets.get(2).path("scenarios").get(0).path("latency")).put("p99", 0.5);
    fixture("mlbenchmark.json", benchmark.toString());
    fixture("vm-pods.json", """
        {"items": [{"spec": {"nodeName": "mlbench-e2e-worker3"}}, {"spec": {"nodeName": "mlbench-e2e-worker"}}]}""");

    Result result = expect("quickstart");
    assertThat(result.exit).isNotZero();
    assertThat(result.stderr)
        .contains("FAILED: serverless cold starts: two probes each, slower than the warm median")
        .contains("FAILED: every target priced")
        .contains("FAILED: real inference under load: requests answered, p50 > 0, p99 >= p50")
        .contains("FAILED: the VM-target pods ran on the VM pool, one node each")
        .contains("4 expectation(s) not met");
  }

  @Test
  void waitingEndsAtOnceWhenTheBenchmarkFailed() throws Exception {
    ObjectNode benchmark = quickstartSucceeded();
    ObjectNode status = (ObjectNode) benchmark.path("status");
    status.put("phase", "Failed");
    ArrayNode conditions = status.putArray("conditions");
    conditions.add(condition("TargetsReady", "False", 1).put("reason", "NoTargetReady").put("message", "image pull failed"));
    conditions.add(condition("Ready", "False", 1));
    fixture("mlbenchmark.json", benchmark.toString());

    long started = System.nanoTime();
    Result result = expect("quickstart");
    assertThat(result.exit).isNotZero();
    assertThat(result.stderr).contains("reached phase Failed while waiting for Ready=True")
        .contains("TargetsReady: NoTargetReady image pull failed");
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("seconds, not the 40 minutes").isLessThan(20);
  }

  @Test
  void waitingIgnoresConditionsOfAnOlderGenerationAndTimesOut() throws Exception {
    ObjectNode benchmark = quickstartSucceeded();
    ((ObjectNode) benchmark.path("metadata")).put("generation", 2);
    fixture("mlbenchmark.json", benchmark.toString());
    Result result = shell("source e2e/kind/lib.sh; E2E_NAMESPACE=ns wait_for_condition mlbenchmark quickstart Ready 3s");
    assertThat(result.exit).isNotZero();
    assertThat(result.stderr).contains("timed out after 3s waiting for mlbenchmark/quickstart Ready=True");
  }

  @Test
  void scaleToZeroExpectationsHoldWhenColdStartsWereMeasuredAndDetectAWarmPod() throws Exception {
    ObjectNode benchmark = benchmark("scale-to-zero", "Succeeded");
    ArrayNode targets = ((ObjectNode) benchmark.path("status")).putArray("targets");
    targets.add(target("orientation", "serverless", List.of("steady"), 3));
    fixture("mlbenchmark.json", benchmark.toString());
    Result good = expect("scale-to-zero");
    assertThat(good.exit).as("stderr:%n%s", good.stderr).isZero();

    fixture("knative-service.json", """
        {"spec": {"template": {"metadata": {"annotations": {"autoscaling.knative.dev/min-scale": "1"}}}},
         "status": {"conditions": [{"type": "Ready", "status": "True"}]}}""");
    Result bad = expect("scale-to-zero");
    assertThat(bad.exit).isNotZero();
    assertThat(bad.stderr).contains("FAILED: Knative Service scale-to-zero-orientation-serverless may scale to zero");
  }

  @Test
  void invalidSpecExpectationsHoldOnARejectedSpecAndCatchAStrayChild() throws Exception {
    ObjectNode benchmark = benchmark("invalid-spec", "Failed");
    ArrayNode conditions = ((ObjectNode) benchmark.path("status")).putArray("conditions");
    conditions.add(condition("SpecValid", "False", 1).put("reason", "InvalidSpec").put("message",
        "The spec is invalid and will not be run until it is changed: spec.targets.vm.instanceType: 'm9.mega' is not"
            + " a known instance type; known: t3.medium, m5.large"));
    conditions.add(condition("Ready", "False", 1).put("reason", "InvalidSpec"));
    fixture("mlbenchmark.json", benchmark.toString());
    Result good = expect("invalid-spec");
    assertThat(good.exit).as("stderr:%n%s", good.stderr).isZero();

    fixture("children.json", "{\"items\": [{\"kind\": \"Deployment\", \"metadata\": {\"name\": \"invalid-spec-orientation-container\"}}]}");
    Result bad = expect("invalid-spec");
    assertThat(bad.exit).isNotZero();
    assertThat(bad.stderr).contains("FAILED: no child objects");
  }

  @Test
  void diagnosticsShowTheBenchmarkTheEventsAndEveryPodsLogAndKeepThem() throws Exception {
    fixture("mlbenchmark.json", quickstartSucceeded().toString());
    Path dir = work.resolve("diagnostics");
    Result result = shell("source e2e/kind/lib.sh; dump_diagnostics e2e-quickstart quickstart " + dir);
    assertThat(result.exit).as("stderr:%n%s", result.stderr).isZero();
    assertThat(result.stderr).contains("----- MLBenchmark e2e-quickstart/quickstart -----", "\"phase\":\"Succeeded\"")
        .contains("0/5 nodes are available")
        .contains("----- last 100 lines of load-steady-r1.log -----", "log line of load-steady-r1");
    assertThat(dir.resolve("logs/quickstart-orientation-vm-1.log")).content().contains("log line of quickstart-orientation-vm-1");
    assertThat(dir.resolve("logs/quickstart-orientation-vm-1.previous.log")).as("no previous container").doesNotExist();
    assertThat(dir).isDirectoryContaining(p -> p.getFileName().toString().equals("events.txt"))
        .isDirectoryContaining(p -> p.getFileName().toString().equals("nodes.txt"));
  }

  /** What the operator writes after a successful quickstart: two models x three targets, two scenarios each. */
  static ObjectNode quickstartSucceeded() {
    ObjectNode benchmark = benchmark("quickstart", "Succeeded");
    ObjectNode status = (ObjectNode) benchmark.path("status");
    ArrayNode targets = status.putArray("targets");
    for (String model : List.of("orientation", "sentiment")) {
      for (String target : List.of("serverless", "container", "vm")) {
        targets.add(target(model, target, List.of("steady", "sweep"), target.equals("serverless") ? 2 : 1));
      }
    }
    ObjectNode summary = status.putObject("summary").put("fastest", "container").put("cheapest", "serverless");
    summary.putArray("models").add(JSON.createObjectNode().put("model", "sentiment"))
        .add(JSON.createObjectNode().put("model", "orientation"));
    return benchmark;
  }

  static ObjectNode benchmark(String name, String phase) {
    ObjectNode benchmark = JSON.createObjectNode();
    benchmark.putObject("metadata").put("name", name).put("generation", 1);
    ObjectNode status = benchmark.putObject("status").put("phase", phase).put("environment", "cluster");
    if (phase.equals("Succeeded")) {
      status.put("runId", "r1").put("completedAt", "2026-11-28T07:00:00Z");
      ArrayNode conditions = status.putArray("conditions");
      for (String type : List.of("SpecValid", "KnativeAvailable", "TargetsReady", "LoadComplete", "Analyzed", "Ready")) {
        conditions.add(condition(type, "True", 1));
      }
    }
    return benchmark;
  }

  static ObjectNode condition(String type, String status, long generation) {
    return JSON.createObjectNode().put("type", type).put("status", status).put("observedGeneration", generation);
  }

  static ObjectNode target(String model, String target, List<String> scenarios, int coldStarts) {
    ObjectNode entry = JSON.createObjectNode().put("model", model).put("target", target).put("state", "Ready");
    ObjectNode coldStart = entry.putObject("coldStart").put("state", "Succeeded").put("samples", coldStarts)
        .put("p50", 900.0).put("max", 1400.0);
    ArrayNode stages = coldStart.putArray("stages");
    for (String stage : List.of("connect", "time-to-first-byte", "response")) {
      stages.add(JSON.createObjectNode().put("name", stage).put("ms", 300.0));
    }
    ArrayNode list = entry.putArray("scenarios");
    for (String name : scenarios) {
      ObjectNode scenario = list.addObject().put("name", name).put("state", "Succeeded")
          .put("loop", name.equals("sweep") ? "closed-loop" : "open-loop")
          .put("requests", 200).put("succeeded", 200).put("throughput", 9.8);
      scenario.putObject("latency").put("p50", 12.5).put("p99", 40.0).put("max", 55.0);
      scenario.putObject("utilisation").put("source", target.equals("serverless") ? "model-server" : "metrics.k8s.io")
          .put("memoryMiB", 310.0).put("cpuCores", 0.2);
      if (name.equals("sweep")) {
        ArrayNode levels = scenario.putArray("levels");
        levels.addObject().put("concurrency", 1).put("throughput", 40.0);
        levels.addObject().put("concurrency", 4).put("throughput", 120.0);
      }
    }
    String pricedAs = switch (target) {
      case "serverless" -> "AWS Lambda";
      case "container" -> "AWS Fargate";
      default -> "Amazon EC2 c5.large";
    };
    entry.putObject("cost").put("pricedAs", pricedAs).put("monthly", 61.2).put("perMillionRequests", 2.04)
        .put("yearTco", 9000.0);
    return entry;
  }

  void fixture(String name, String content) throws IOException {
    Files.writeString(fixtures.resolve(name), content);
  }

  Result expect(String scenario) throws Exception {
    return start(List.of(REPO.resolve("e2e/scenarios").resolve(scenario).resolve("expect.sh").toString(),
        "e2e-" + scenario, scenario));
  }

  Result shell(String script) throws Exception {
    return start(List.of(bin.resolve("bash").toString(), "-c", script));
  }

  record Result(int exit, String stdout, String stderr) {
  }

  Result start(List<String> command) throws Exception {
    Path out = Files.createTempFile(work, "stdout", ".txt");
    Path err = Files.createTempFile(work, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(REPO.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().putAll(Map.of("PATH", bin.toString(), "HOME", work.toString(),
        "KUBECTL_FIXTURES", fixtures.toString(), "POLL_SECONDS", "1", "E2E_SETTLE_SECONDS", "0"));
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended within 60 s").isTrue();
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static void requireJq() {
    boolean available = RestrictedPath.available("jq");
    if (!available && System.getenv("CI") != null) {
      fail("jq is required in CI (the CI variable is set) but is not on PATH: install it (Debian: apt-get install jq;"
          + " .ci/run does)");
    }
    assumeTrue(available, "jq is not on PATH, so the scenarios' expectations are not tried: install it (Debian: apt-get"
        + " install jq)");
  }
}
