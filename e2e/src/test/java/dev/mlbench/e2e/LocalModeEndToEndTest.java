package dev.mlbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The whole chain on this machine: the CR in, the packaged operator against the embedded API, real model servers
 * answering real inference under load from the real load generator, and the status with numbers and costs out.
 */
class LocalModeEndToEndTest {

  private static final Path OUTPUT = Path.of("target/e2e/quickstart-short").toAbsolutePath();
  private static int exit;
  private static MLBenchmarkStatus status;

  @BeforeAll
  static void runShortQuickstart() throws Exception {
    Process cli = LocalMode.start(LocalMode.REPO.resolve("e2e/local/quickstart-short.yaml"), OUTPUT);
    assertThat(cli.waitFor(15, TimeUnit.MINUTES)).as("mlbench local finished").isTrue();
    exit = cli.exitValue();
    Path file = OUTPUT.resolve("status.yaml");
    assertThat(file).as("status.yaml; stderr: %s", LocalMode.stderr(OUTPUT)).exists();
    status = new KubernetesSerialization().unmarshal(Files.readString(file), MLBenchmark.class).getStatus();
  }

  @Test
  void succeedsInLocalEnvironment() throws Exception {
    assertThat(exit).as("exit code; stderr: %s", LocalMode.stderr(OUTPUT)).isZero();
    assertThat(status.phase).hasToString("Succeeded");
    assertThat(status.environment).isEqualTo("local");
    assertThat(status.conditions).anyMatch(c -> c.type.equals("Ready") && c.status.equals("True"));
    // spec.cleanup.deleteWorkloads (the default): the model servers went after the analysis, the results stayed
    assertThat(status.conditions).anyMatch(c -> c.type.equals("WorkloadsRemoved") && c.status.equals("True"));
  }

  @Test
  void everyModelOnEveryTargetWasMeasuredWithRealInference() {
    assertThat(status.targets).hasSize(6);
    for (TargetStatus target : status.targets) {
      String lane = target.model + "/" + target.target.value();
      assertThat(target.state).as(lane).hasToString("Removed");
      assertThat(target.scenarios).as(lane).hasSize(2);
      for (ScenarioStatus scenario : target.scenarios) {
        String what = lane + " " + scenario.name;
        assertThat(scenario.state).as(what).isEqualTo("Succeeded");
        assertThat(scenario.succeeded).as(what).isPositive();
        assertThat(scenario.throughput).as(what).isPositive();
        assertThat(scenario.latency.p50).as(what).isPositive();
        if (scenario.name.equals("steady")) {
          // 150 req/s for 7 s: enough samples for a p99 (the sweep's may have too few, and then says so)
          assertThat(scenario.latency.p99).as(what).isNotNull();
        }
        if (scenario.latency.p99 != null) {
          assertThat(scenario.latency.p99).as(what).isGreaterThanOrEqualTo(scenario.latency.p50);
        } else {
          assertThat(scenario.latency.insufficientSamples).as(what).contains("p99");
        }
        assertThat(scenario.utilisation).as(what + " utilisation").isNotNull();
        assertThat(scenario.utilisation.source).as(what).isEqualTo("model-server");
        assertThat(scenario.utilisation.cpuCores).as(what).isPositive();
        assertThat(scenario.utilisation.memoryMiB).as(what).isPositive();
      }
    }
  }

  @Test
  void serverlessColdStartsWereRealAndSlowerThanWarmRequests() throws Exception {
    Map<String, Integer> coldStarts = activatorColdStarts();
    for (TargetStatus target : status.targets.stream().filter(t -> t.target == TargetKind.SERVERLESS).toList()) {
      assertThat(target.coldStart.state).as(target.model).isEqualTo("Succeeded");
      assertThat(target.coldStart.samples).as(target.model).isEqualTo(2);
      // each measured probe was a request the activator held while it started a model server process
      assertThat(coldStarts.get("default/" + target.workloadName)).as(target.workloadName)
          .isGreaterThanOrEqualTo(target.coldStart.samples);
      double warmP50 = target.scenarios.get(0).latency.p50;
      assertThat(target.coldStart.p50).as(target.model).isGreaterThan(warmP50);
      assertThat(target.coldStart.stages).extracting(s -> s.name).contains("scale-from-zero", "model-load");
    }
  }

  @Test
  void costsSummaryAndBreakEvenAreFilled() {
    for (TargetStatus target : status.targets) {
      String lane = target.model + "/" + target.target.value();
      assertThat(target.cost.monthly).as(lane).isPositive();
      assertThat(target.cost.perMillionRequests).as(lane).isPositive();
      assertThat(target.cost.yearTco).as(lane).isPositive();
      assertThat(target.cost.breakdown.compute).as(lane).isPositive();
      assertThat(target.cost.breakdown.storage).as(lane).isPositive();
      assertThat(target.cost.breakdown.transfer).as(lane).isPositive();
      if (target.target == TargetKind.SERVERLESS) {
        assertThat(target.cost.breakdown.requests).as(lane).isPositive();
        assertThat(target.cost.breakdown.gateway).as(lane).isPositive();
      }
    }
    assertThat(status.summary.fastest).isNotBlank();
    assertThat(status.summary.cheapest).isNotBlank();
    assertThat(status.summary.models).hasSize(2).allSatisfy(model -> {
      assertThat(model.fastest).isNotBlank();
      assertThat(model.cheapest).isNotBlank();
      assertThat(model.breakEvenVsContainer.requestsPerDay).isPositive();
      assertThat(model.breakEvenVsVm.requestsPerDay).isPositive();
    });
  }

  @Test
  void writesTheReportAndASummaryTable() throws Exception {
    Path report = OUTPUT.resolve("report.html");
    assertThat(report).exists();
    assertThat(Files.readString(report)).contains("<svg").contains("e2e-short");
    assertThat(LocalMode.stdout(OUTPUT)).contains("MODEL", "TARGET", "P99 ms", "phase Succeeded");
  }

  @Test
  void leavesNoProcessBehind() throws Exception {
    assertThat(LocalMode.leftoversAfterGrace(OUTPUT)).isEmpty();
  }

  private static Map<String, Integer> activatorColdStarts() throws Exception {
    List<String> lines = Files.readAllLines(OUTPUT.resolve("runtime.yaml"));
    return lines.stream().filter(l -> l.startsWith("  ") && l.contains(": "))
        .collect(Collectors.toMap(l -> l.strip().split(": ")[0], l -> Integer.parseInt(l.strip().split(": ")[1])));
  }
}
