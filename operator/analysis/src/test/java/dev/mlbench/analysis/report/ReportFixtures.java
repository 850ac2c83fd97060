package dev.mlbench.analysis.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.HdrHistogram.Histogram;

import dev.mlbench.api.v1alpha1.BreakEvenStatus;
import dev.mlbench.api.v1alpha1.ColdStartStatus;
import dev.mlbench.api.v1alpha1.CostBreakdownStatus;
import dev.mlbench.api.v1alpha1.CostStatus;
import dev.mlbench.api.v1alpha1.Interval;
import dev.mlbench.api.v1alpha1.LatencyIntervals;
import dev.mlbench.api.v1alpha1.LatencyStatus;
import dev.mlbench.api.v1alpha1.LevelStatus;
import dev.mlbench.api.v1alpha1.MLBenchmarkSpec;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.ModelSummaryStatus;
import dev.mlbench.api.v1alpha1.Phase;
import dev.mlbench.api.v1alpha1.ScenarioSpec.Pattern;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.api.v1alpha1.StageStatus;
import dev.mlbench.api.v1alpha1.SummaryStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetState;
import dev.mlbench.api.v1alpha1.TargetStatus;
import dev.mlbench.api.v1alpha1.UtilisationStatus;
import dev.mlbench.api.v1alpha1.Workload;

/** A finished two-model, three-target benchmark with a three-level sweep, cold starts, costs and a summary. */
final class ReportFixtures {

  static final String STEADY = "steady";
  static final String SWEEP = "sweep";
  static final List<String> MODELS = List.of("resnet", "distilbert");
  private static final int[] LEVELS = {1, 10, 50};

  private ReportFixtures() {
  }

  static MLBenchmarkSpec spec() {
    MLBenchmarkSpec spec = new MLBenchmarkSpec();
    spec.models.add(model("resnet", Workload.IMAGE_CLASSIFICATION));
    spec.models.add(model("distilbert", Workload.SENTIMENT));
    return spec;
  }

  static MLBenchmarkStatus status() {
    MLBenchmarkStatus status = new MLBenchmarkStatus();
    status.phase = Phase.Succeeded;
    status.runId = "run-7f3a";
    status.startedAt = "2026-11-28T04:00:00Z";
    status.completedAt = "2026-11-28T05:12:31Z";
    status.environment = "cluster";
    status.modelCount = 2;
    for (String model : MODELS) {
      Workload workload = model.equals("resnet") ? Workload.IMAGE_CLASSIFICATION : Workload.SENTIMENT;
      double base = model.equals("resnet") ? 40 : 18;
      for (TargetKind target : TargetKind.values()) {
        status.targets.add(target(model, workload, target, base * (1 + 0.25 * target.ordinal())));
      }
    }
    status.summary = new SummaryStatus();
    status.summary.fastest = "serverless";
    status.summary.cheapest = "serverless";
    status.summary.models = new ArrayList<>();
    for (String model : MODELS) {
      ModelSummaryStatus summary = new ModelSummaryStatus();
      summary.model = model;
      summary.fastest = "serverless";
      summary.fastestPValue = model.equals("resnet") ? 0.00003 : 0.21;
      summary.fastestSignificant = model.equals("resnet");
      summary.cheapest = "serverless";
      summary.breakEvenVsContainer = breakEven(2_090_000, 1_900_000, 2_300_000);
      summary.breakEvenVsVm = breakEven(3_190_000, 2_900_000, 3_500_000);
      status.summary.models.add(summary);
    }
    return status;
  }

  /** Open-loop latency samples per model/target/scenario, in microseconds, log-normal around the target's mean. */
  static Map<String, Histogram> histograms(MLBenchmarkStatus status) {
    Random random = new Random(42);
    Map<String, Histogram> histograms = new HashMap<>();
    for (TargetStatus target : status.targets) {
      if (target.scenarios == null) {
        continue;
      }
      for (ScenarioStatus scenario : target.scenarios) {
        if (!"open-loop".equals(scenario.loop) || scenario.latency == null) {
          continue;
        }
        Histogram histogram = new Histogram(60_000_000L, 3);
        double median = scenario.latency.p50 * 1000;
        for (int i = 0; i < 5_000; i++) {
          histogram.recordValue((long) (median * Math.exp(0.35 * random.nextGaussian())));
        }
        histograms.put(ReportInput.histogramKey(target.model, target.target.value(), scenario.name), histogram);
      }
    }
    return histograms;
  }

  private static ModelSpec model(String name, Workload workload) {
    ModelSpec model = new ModelSpec();
    model.name = name;
    model.workload = workload;
    return model;
  }

  private static TargetStatus target(String model, Workload workload, TargetKind kind, double meanMs) {
    TargetStatus target = new TargetStatus();
    target.model = model;
    target.workload = workload;
    target.target = kind;
    target.workloadName = model + "-" + kind.value();
    target.endpoint = "http://" + target.workloadName + ".bench.svc/v2/models/" + model;
    target.state = TargetState.Ready;
    target.readyReplicas = kind == TargetKind.SERVERLESS ? 0 : 2;
    target.desiredReplicas = kind == TargetKind.SERVERLESS ? 0 : 2;
    target.coldStart = coldStart(kind);
    target.scenarios = List.of(steady(meanMs, kind), sweep(meanMs));
    target.cost = cost(kind);
    return target;
  }

  private static ScenarioStatus steady(double meanMs, TargetKind kind) {
    ScenarioStatus scenario = new ScenarioStatus();
    scenario.name = STEADY;
    scenario.pattern = Pattern.POISSON;
    scenario.loop = "open-loop";
    scenario.state = "Succeeded";
    scenario.requests = 30_000L;
    scenario.succeeded = 29_990L;
    scenario.achievedRate = 50.0;
    scenario.throughput = 49.98;
    scenario.latency = latency(meanMs, scenario.succeeded);
    scenario.utilisation = new UtilisationStatus();
    scenario.utilisation.source = "metrics.k8s.io";
    scenario.utilisation.samples = 60;
    scenario.utilisation.cpuPercentOfRequest = 60.0 - 12 * kind.ordinal();
    scenario.utilisation.memoryPercentOfRequest = 70.0 + 3 * kind.ordinal();
    return scenario;
  }

  private static ScenarioStatus sweep(double meanMs) {
    ScenarioStatus scenario = new ScenarioStatus();
    scenario.name = SWEEP;
    scenario.pattern = Pattern.CONCURRENCY;
    scenario.loop = "closed-loop";
    scenario.state = "Succeeded";
    scenario.levels = new ArrayList<>();
    for (int concurrency : LEVELS) {
      LevelStatus level = new LevelStatus();
      level.concurrency = concurrency;
      level.requests = 1_000L * concurrency;
      level.latency = latency(meanMs * (1 + concurrency / 25.0), level.requests);
      level.throughput = concurrency * 1000 / level.latency.mean;
      scenario.levels.add(level);
    }
    return scenario;
  }

  /** Percentiles with intervals of ±3 %, p99.9 only from 10,000 samples on, as the operator reports them. */
  static LatencyStatus latency(double meanMs, long samples) {
    LatencyStatus latency = new LatencyStatus();
    latency.samples = samples;
    latency.mean = meanMs;
    latency.p50 = meanMs * 0.9;
    latency.p90 = meanMs * 1.5;
    latency.p95 = meanMs * 1.8;
    latency.p99 = meanMs * 2.6;
    latency.max = meanMs * 6;
    latency.ci95 = new LatencyIntervals();
    latency.ci95.p50 = interval(latency.p50);
    latency.ci95.p90 = interval(latency.p90);
    latency.ci95.p95 = interval(latency.p95);
    latency.ci95.p99 = interval(latency.p99);
    if (samples >= 10_000) {
      latency.p999 = meanMs * 4;
      latency.ci95.p999 = interval(latency.p999);
    } else {
      latency.insufficientSamples = List.of("p99.9");
    }
    return latency;
  }

  private static Interval interval(double value) {
    return new Interval(value * 0.97, value * 1.03);
  }

  private static ColdStartStatus coldStart(TargetKind kind) {
    ColdStartStatus coldStart = new ColdStartStatus();
    coldStart.samples = 10;
    coldStart.state = "Succeeded";
    double scale = 1 + kind.ordinal();
    coldStart.stages = List.of(new StageStatus("scheduling", 120 * scale), new StageStatus("container-start", 800 * scale),
        new StageStatus("model-load", 1500 + 300 * scale), new StageStatus("first-inference", 90));
    coldStart.p50 = coldStart.stages.stream().mapToDouble(s -> s.ms).sum();
    coldStart.max = coldStart.p50 * 1.4;
    return coldStart;
  }

  private static CostStatus cost(TargetKind kind) {
    CostStatus cost = new CostStatus();
    cost.breakdown = new CostBreakdownStatus();
    switch (kind) {
      case SERVERLESS -> {
        cost.pricedAs = "AWS Lambda";
        cost.breakdown.compute = 31.1;
        cost.breakdown.requests = 6.0;
        cost.breakdown.gateway = 3.5;
      }
      case CONTAINER -> {
        cost.pricedAs = "AWS Fargate";
        cost.breakdown.compute = 88.9;
      }
      case VM -> {
        cost.pricedAs = "EC2 m5.large";
        cost.breakdown.compute = 138.24;
      }
    }
    cost.breakdown.storage = 1.2;
    cost.breakdown.transfer = 2.7;
    CostBreakdownStatus b = cost.breakdown;
    cost.monthly = b.compute + b.requests + b.storage + b.transfer + b.gateway;
    // 1,000,000 requests a day for 30 days
    cost.perMillionRequests = cost.monthly / 30;
    cost.yearTco = 12 * cost.monthly;
    return cost;
  }

  private static BreakEvenStatus breakEven(double at, double low, double high) {
    BreakEvenStatus breakEven = new BreakEvenStatus();
    breakEven.requestsPerDay = at;
    breakEven.low = low;
    breakEven.high = high;
    return breakEven;
  }
}
