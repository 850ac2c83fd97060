package dev.mlbench.controller.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import dev.mlbench.analysis.simulator.AutoscalerSettings;
import dev.mlbench.analysis.simulator.AutoscalerSimulator;
import dev.mlbench.analysis.simulator.EmpiricalDurations;
import dev.mlbench.analysis.simulator.SimulationResult;
import dev.mlbench.api.results.ErrorCounts;
import dev.mlbench.api.results.HistogramCodec;
import dev.mlbench.api.results.LatencySummary;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.LoopKind;
import dev.mlbench.api.results.PhaseResult;
import dev.mlbench.api.results.ResultMode;
import dev.mlbench.api.traces.InvocationTrace;
import dev.mlbench.api.v1alpha1.ConfigMapKeyRef;
import dev.mlbench.api.v1alpha1.CostStatus;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkSpec;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.ScenarioSpec;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TrafficSpec;
import dev.mlbench.api.v1alpha1.Workload;
import dev.mlbench.controller.run.Lane;
import dev.mlbench.controller.run.RunState;
import dev.mlbench.controller.run.Step;
import dev.mlbench.controller.run.StepState;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** The 30-day projection of a {@code trace} traffic shape, with answers worked out by hand. */
class TraceTrafficAnalysisTest {

  /** Two hours: 10 requests a minute, then 30 a minute. */
  static final String TWO_HOUR_TRACE = "# requests per minute\n" + "10\n".repeat(60) + "30\n".repeat(60);

  @Test
  void containerAndVmAreSizedFromTheRepeatedTrace() {
    MLBenchmark benchmark = benchmark(96_000);
    var outcome = BenchmarkAnalysis.analyse(benchmark, run(benchmark, TargetKind.CONTAINER, TargetKind.VM), traceOf(TWO_HOUR_TRACE));

    // The two hours repeat 12 times a day: 600 + 1,800 = 2,400 trace requests each, 28,800 a day, scaled to 96,000 (× 10/3):
    // even hours 2,000 requests (0.556 req/s), odd hours 6,000 (1.667 req/s). One replica serves 1 req/s at the SLO (the
    // measured throughput), so even hours need 1 replica, odd hours 2: 360 × 1 + 360 × 2 = 1,080 replica-hours.
    // Fargate, 1 vCPU + 1 GiB: $0.04048 + $0.004445 = $0.044925 an hour → 1,080 × 0.044925 = $48.519.
    // Storage: the timeseries model, 19,104 B × $0.023/GB = $0.0000004, and its image, 90,000,000 B base + 6,158,672 B
    // libraries = 0.096158672 GB × $0.10 = $0.0096159. No response bytes, no gateway.
    CostStatus container = outcome.costs().get("lstm/container");
    assertThat(container.message).isNull();
    assertThat(container.breakdown.compute).isEqualTo(48.52);
    assertThat(container.breakdown.storage).isEqualTo(0.01);
    assertThat(container.monthly).isEqualTo(48.53);
    // 2,880,000 requests in the month: $48.52863 / 2.88 = $16.85 per million
    assertThat(container.perMillionRequests).isEqualTo(16.85);

    // The VM pool is bought for the peak hour, 1.667 req/s at 1 req/s a node: 2 m5.large for all 720 hours at $0.096
    CostStatus vm = outcome.costs().get("lstm/vm");
    assertThat(vm.breakdown.compute).isEqualTo(138.24);
    assertThat(vm.monthly).isEqualTo(138.25);
  }

  @Test
  void theSameVolumeSpreadSteadilyNeedsTwoReplicasEveryHour() {
    MLBenchmark benchmark = benchmark(96_000);
    benchmark.getSpec().cost.traffic.shape = TrafficSpec.Shape.STEADY;
    benchmark.getSpec().cost.traffic.configMapRef = null;
    var outcome = BenchmarkAnalysis.analyse(benchmark, run(benchmark, TargetKind.CONTAINER), ref -> {
      throw new AssertionError("a steady shape reads no trace");
    });
    // 96,000 a day = 1.111 req/s every hour → 2 replicas × 720 hours × $0.044925 = $64.692
    assertThat(outcome.costs().get("lstm/container").breakdown.compute).isEqualTo(64.69);
  }

  @Test
  void theServerlessSimulationReplaysOneRepetitionOfTheTraceAndScalesItToTheMonth() {
    // one minute with 6 requests, then 59 idle minutes: longer than Knative's stable window + scale-to-zero grace, so
    // every repetition starts one instance from zero; 24 repetitions a day × 30 days = 720 cold starts a month
    TrafficSpec traffic = new TrafficSpec();
    traffic.shape = TrafficSpec.Shape.TRACE;
    traffic.requestsPerDay = 144;
    traffic.configMapRef = new ConfigMapKeyRef();
    traffic.configMapRef.name = "trace";
    BenchmarkAnalysis.Projection projection = BenchmarkAnalysis.Projection.of(traffic, traceOf("6\n" + "0\n".repeat(59)));

    assertThat(projection.simulatedSpans()).isEqualTo(720.0);
    assertThat(projection.simulated().span()).hasMinutes(60);
    assertThat(projection.simulated().expectedRequests()).isEqualTo(6.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(projection.demand().totalRequests()).isEqualTo(144.0 * 30, org.assertj.core.data.Offset.offset(1e-6));

    Histogram service = new Histogram(3);
    service.recordValueWithCount(10_000, 100);
    SimulationResult simulated = new AutoscalerSimulator(AutoscalerSettings.knativeDefaults(),
        EmpiricalDurations.fromHistogram(service), EmpiricalDurations.ofMillis(List.of(1_500.0))).simulate(projection.simulated(), 42);
    assertThat(simulated.coldStarts()).isEqualTo(1);
    assertThat(simulated.coldStarts() * projection.simulatedSpans()).isEqualTo(720.0);
  }

  @Test
  void aGarbageLineInTheTraceLeavesEveryTargetUnpricedWithOneMessageNamingTheLine() {
    MLBenchmark benchmark = benchmark(96_000);
    String trace = "10\n20\nlots\n30\n";
    var outcome = BenchmarkAnalysis.analyse(benchmark, run(benchmark, TargetKind.CONTAINER, TargetKind.VM), traceOf(trace));
    assertThat(outcome.costs().values()).hasSize(2).allSatisfy(cost -> {
      assertThat(cost.monthly).isNull();
      assertThat(cost.message).isEqualTo("trace ConfigMap ml/trace key trace.csv line 3: 'lots' is not a whole number of requests per minute");
    });
  }

  @Test
  void theCatalogueSizesTheStorageOfEachWorkloadAndACustomModelMayStateItsOwn() {
    MLBenchmark benchmark = benchmark(96_000);
    ModelSpec custom = new ModelSpec();
    custom.name = "triton";
    custom.workload = Workload.CUSTOM;
    custom.image = "nvcr.io/nvidia/tritonserver:24.08-py3";
    custom.sizes = new dev.mlbench.api.v1alpha1.StorageSizesSpec();
    custom.sizes.image = "10G";
    benchmark.getSpec().models.add(custom);
    var outcome = BenchmarkAnalysis.analyse(benchmark, run(benchmark, TargetKind.CONTAINER), traceOf(TWO_HOUR_TRACE));
    // the custom model's 10 GB image at $0.10 and the default 100 MB model at $0.023: $1.0023
    assertThat(outcome.costs().get("triton/container").breakdown.storage).isEqualTo(1.0);
    assertThat(outcome.costs().get("lstm/container").breakdown.storage).isEqualTo(0.01);
  }

  static TrafficTraces traceOf(String text) {
    return ref -> InvocationTrace.parse(text, "ConfigMap ml/" + ref.name + " key " + ref.key, null);
  }

  static MLBenchmark benchmark(long requestsPerDay) {
    MLBenchmark benchmark = new MLBenchmark();
    benchmark.setMetadata(new ObjectMetaBuilder().withName("b").withNamespace("ml").build());
    benchmark.setSpec(new MLBenchmarkSpec());
    ModelSpec model = new ModelSpec();
    model.name = "lstm";
    model.workload = Workload.TIMESERIES;
    benchmark.getSpec().models.add(model);
    benchmark.getSpec().load.scenarios = new ArrayList<>(List.of(steady()));
    TrafficSpec traffic = benchmark.getSpec().cost.traffic;
    traffic.requestsPerDay = requestsPerDay;
    traffic.shape = TrafficSpec.Shape.TRACE;
    traffic.configMapRef = new ConfigMapKeyRef();
    traffic.configMapRef.name = "trace";
    return benchmark;
  }

  private static ScenarioSpec steady() {
    ScenarioSpec scenario = new ScenarioSpec();
    scenario.name = "steady";
    scenario.pattern = ScenarioSpec.Pattern.CONSTANT;
    scenario.rate = 1.0;
    scenario.duration = "100s";
    return scenario;
  }

  /** Every model measured on each target: 100 requests of 10 ms in 100 s, 1 req/s within the SLO. */
  static RunState run(MLBenchmark benchmark, TargetKind... targets) {
    List<Lane> lanes = new ArrayList<>();
    java.util.Map<Step, StepState> steps = new java.util.HashMap<>();
    for (ModelSpec model : benchmark.getSpec().models) {
      for (TargetKind target : Arrays.asList(targets)) {
        ScenarioSpec scenario = benchmark.getSpec().load.scenarios.get(0);
        Step step = new Step(model, target, scenario.name, scenario, "r1", "job-" + model.name + "-" + target.value(), "steady.json");
        Histogram latency = new Histogram(3);
        latency.recordValueWithCount(10_000, 100);
        PhaseResult phase = new PhaseResult("open-loop", LoopKind.OPEN_LOOP, null, 1.0, 100_000, 100, 100, 100, 0, ErrorCounts.NONE,
            1.0, 1.0, 0, LatencySummary.of(latency), HistogramCodec.encode(latency));
        LoadResult result = new LoadResult(1, ResultMode.LOAD, scenario.name, "constant", target.value(), model.name, 42L, 0, 1, 0,
            100_000, List.of(phase), null, null, null);
        steps.put(step, new StepState(step, StepState.Phase.Succeeded, result));
        lanes.add(new Lane(model, target, "http://" + model.name, true, "m5.large", "results-" + model.name, List.of(step)));
      }
    }
    return new RunState("r1", lanes, steps);
  }
}
