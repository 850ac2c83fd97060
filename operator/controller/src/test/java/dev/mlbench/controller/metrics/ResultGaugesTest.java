package dev.mlbench.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.ErrorCountsStatus;
import dev.mlbench.api.v1alpha1.LatencyStatus;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ResultGaugesTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ResultGauges gauges = new ResultGauges(registry);

  @Test
  void gaugesFollowTheStatusAndLeaveWithTheFiguresTheyShowed() {
    MLBenchmark benchmark = new MLBenchmark();
    benchmark.setMetadata(new ObjectMetaBuilder().withName("b").withNamespace("ns").build());

    gauges.record(benchmark, status(12.5, "steady", "sweep"));
    assertThat(registry.find(ResultGauges.LATENCY).tags("scenario", "steady", "quantile", "0.99").gauge().value())
        .isEqualTo(12.5);
    assertThat(registry.find(ResultGauges.THROUGHPUT).gauges()).hasSize(2);

    gauges.record(benchmark, status(20.0, "steady"));
    assertThat(registry.find(ResultGauges.LATENCY).tags("scenario", "steady", "quantile", "0.99").gauge().value())
        .isEqualTo(20.0);
    assertThat(registry.find(ResultGauges.THROUGHPUT).gauges()).as("the sweep left the status").hasSize(1);
  }

  static MLBenchmarkStatus status(double p99, String... scenarios) {
    TargetStatus target = new TargetStatus();
    target.model = "m";
    target.target = TargetKind.CONTAINER;
    target.scenarios = new ArrayList<>();
    for (String name : scenarios) {
      ScenarioStatus scenario = new ScenarioStatus();
      scenario.name = name;
      scenario.state = "Succeeded";
      scenario.loop = "open-loop";
      scenario.requests = 100L;
      scenario.dropped = 0L;
      scenario.throughput = 10.0;
      scenario.errors = new ErrorCountsStatus();
      scenario.latency = new LatencyStatus();
      scenario.latency.p99 = p99;
      target.scenarios.add(scenario);
    }
    MLBenchmarkStatus status = new MLBenchmarkStatus();
    status.targets = List.of(target);
    return status;
  }
}
