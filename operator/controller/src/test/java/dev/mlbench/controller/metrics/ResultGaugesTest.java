package dev.mlbench.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.BreakEvenStatus;
import dev.mlbench.api.v1alpha1.CostBreakdownStatus;
import dev.mlbench.api.v1alpha1.CostStatus;
import dev.mlbench.api.v1alpha1.ErrorCountsStatus;
import dev.mlbench.api.v1alpha1.LatencyStatus;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.ModelSummaryStatus;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.api.v1alpha1.SummaryStatus;
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

  @Test
  void aPercentileWithoutEnoughSamplesExportsNoValue() {
    MLBenchmark benchmark = new MLBenchmark();
    benchmark.setMetadata(new ObjectMetaBuilder().withName("b").withNamespace("ns").build());
    MLBenchmarkStatus status = status(12.5, "steady");
    LatencyStatus latency = status.targets.get(0).scenarios.get(0).latency;
    latency.p50 = 4.0;
    latency.p999 = null;
    latency.insufficientSamples = List.of("p99.9");

    gauges.record(benchmark, status);
    assertThat(registry.find(ResultGauges.LATENCY).tags("quantile", "0.5").gauge().value()).isEqualTo(4.0);
    assertThat(registry.find(ResultGauges.LATENCY).tags("quantile", "0.999").gauges()).isEmpty();

    latency.p99 = null;
    latency.insufficientSamples = List.of("p99", "p99.9");
    gauges.record(benchmark, status);
    assertThat(registry.find(ResultGauges.LATENCY).tags("quantile", "0.99").gauges()).as("a figure that became insufficient leaves")
        .isEmpty();
  }

  @Test
  void costsPerMillionRequestsAndBreakEvenRatesAreExported() {
    MLBenchmark benchmark = new MLBenchmark();
    benchmark.setMetadata(new ObjectMetaBuilder().withName("b").withNamespace("ns").build());
    MLBenchmarkStatus status = status(12.5, "steady");
    TargetStatus target = status.targets.get(0);
    target.cost = new CostStatus();
    target.cost.monthly = 70.08;
    target.cost.perMillionRequests = 2.34;
    target.cost.yearTco = 1840.96;
    target.cost.breakdown = new CostBreakdownStatus();
    target.cost.breakdown.compute = 70.0;
    target.cost.breakdown.storage = 0.08;
    ModelSummaryStatus model = new ModelSummaryStatus();
    model.model = "m";
    model.breakEvenVsContainer = new BreakEvenStatus();
    model.breakEvenVsContainer.requestsPerDay = 2_500_000.0;
    model.breakEvenVsContainer.low = 2_100_000.0;
    model.breakEvenVsContainer.high = 2_900_000.0;
    model.breakEvenVsVm = new BreakEvenStatus();
    model.breakEvenVsVm.requestsPerDay = 4_000_000.0;
    status.summary = new SummaryStatus();
    status.summary.models = List.of(model);

    gauges.record(benchmark, status);
    assertThat(registry.find(ResultGauges.COST_PER_MILLION).tags("model", "m", "target", "container").gauge().value()).isEqualTo(2.34);
    assertThat(registry.find(ResultGauges.COST).tags("horizon", "30d", "component", "storage").gauge().value()).isEqualTo(0.08);
    assertThat(registry.find(ResultGauges.COST).tags("horizon", "1y-tco").gauge().value()).isEqualTo(1840.96);
    assertThat(registry.find(ResultGauges.BREAK_EVEN).tags("versus", "container", "estimate", "median").gauge().value())
        .isEqualTo(2_500_000.0);
    assertThat(registry.find(ResultGauges.BREAK_EVEN).tags("versus", "container", "estimate", "low").gauge().value())
        .isEqualTo(2_100_000.0);
    assertThat(registry.find(ResultGauges.BREAK_EVEN).tags("versus", "vm").gauges()).as("no band was known against the VM")
        .hasSize(1);
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
