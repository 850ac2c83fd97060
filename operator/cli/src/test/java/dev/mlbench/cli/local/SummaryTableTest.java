package dev.mlbench.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.LatencyStatus;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetStatus;

class SummaryTableTest {

  @Test
  void oneAlignedRowPerModelAndTargetWithDashesForWhatWasNotMeasured() {
    MLBenchmarkStatus status = new MLBenchmarkStatus();
    status.targets = List.of(target("m", TargetKind.SERVERLESS, scenario("Succeeded", 4.25, 12.0, 99.0),
        scenario("Failed", null, null, null)), target("m", TargetKind.CONTAINER));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    SummaryTable.print(status, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("MODEL  TARGET      SCENARIOS OK  P50 ms  P99 ms  PEAK req/s");
    assertThat(lines.get(1).split("\\s+")).startsWith("m", "serverless", "1/2", "4.3", "12.0", "99.0", "-");
    assertThat(lines.get(2).split("\\s+")).startsWith("m", "container", "0/0", "-", "-", "-", "-");
    assertThat(lines.get(1).indexOf("12.0") + 4).as("numbers right-aligned under their header")
        .isEqualTo(lines.get(0).indexOf("P99 ms") + "P99 ms".length());
  }

  private static TargetStatus target(String model, TargetKind kind, ScenarioStatus... scenarios) {
    TargetStatus target = new TargetStatus();
    target.model = model;
    target.target = kind;
    target.scenarios = List.of(scenarios);
    return target;
  }

  private static ScenarioStatus scenario(String state, Double p50, Double p99, Double throughput) {
    ScenarioStatus scenario = new ScenarioStatus();
    scenario.state = state;
    scenario.throughput = throughput;
    if (p50 != null) {
      scenario.latency = new LatencyStatus();
      scenario.latency.p50 = p50;
      scenario.latency.p99 = p99;
    }
    return scenario;
  }
}
