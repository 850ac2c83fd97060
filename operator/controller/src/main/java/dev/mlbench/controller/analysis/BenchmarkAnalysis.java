package dev.mlbench.controller.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.HdrHistogram.Histogram;

import dev.mlbench.analysis.cost.Architecture;
import dev.mlbench.analysis.cost.BreakEven;
import dev.mlbench.analysis.cost.CostModel;
import dev.mlbench.analysis.cost.Footprint;
import dev.mlbench.analysis.cost.FunctionProfile;
import dev.mlbench.analysis.cost.Gateway;
import dev.mlbench.analysis.cost.HourlyDemand;
import dev.mlbench.analysis.cost.MonthlyProjection;
import dev.mlbench.analysis.cost.PodShape;
import dev.mlbench.analysis.cost.PriceCatalog;
import dev.mlbench.analysis.cost.ServiceTime;
import dev.mlbench.analysis.cost.TargetCost;
import dev.mlbench.analysis.cost.Tco;
import dev.mlbench.analysis.cost.TraceProjection;
import dev.mlbench.analysis.simulator.AutoscalerSettings;
import dev.mlbench.analysis.simulator.AutoscalerSimulator;
import dev.mlbench.analysis.simulator.EmpiricalDurations;
import dev.mlbench.analysis.simulator.RateProfile;
import dev.mlbench.analysis.simulator.SimulationResult;
import dev.mlbench.analysis.stats.MannWhitney;
import dev.mlbench.analysis.stats.Percentiles;
import dev.mlbench.analysis.stats.ScalabilityCurve;
import dev.mlbench.analysis.stats.SloCapacity;
import dev.mlbench.api.Durations;
import dev.mlbench.api.results.HistogramCodec;
import dev.mlbench.api.results.LoopKind;
import dev.mlbench.api.results.PhaseResult;
import dev.mlbench.api.v1alpha1.BreakEvenStatus;
import dev.mlbench.api.v1alpha1.CostBreakdownStatus;
import dev.mlbench.api.v1alpha1.CostStatus;
import dev.mlbench.api.v1alpha1.Limits;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.ModelSummaryStatus;
import dev.mlbench.api.v1alpha1.SummaryStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TrafficSpec;
import dev.mlbench.controller.catalog.WorkloadSizeCatalog;
import dev.mlbench.controller.run.Lane;
import dev.mlbench.controller.run.RunState;
import dev.mlbench.controller.run.StepState;

/**
 * Turns a finished run into costs and an answer: each target priced as its cloud equivalent at the projected
 * traffic (serverless through a simulation of Knative's autoscaler driven by the measured service and cold-start
 * times), a 1-year TCO, the fastest target per model with its significance, the cheapest, and the break-even
 * request rates of serverless against the container and VM targets.
 */
public final class BenchmarkAnalysis {

  static final double SIGNIFICANCE = 0.05;
  static final String MIXED = "mixed";

  private BenchmarkAnalysis() {
  }

  /** Costs per lane (keyed by {@code model/target}) and the summary. */
  public record Outcome(Map<String, CostStatus> costs, SummaryStatus summary) {
  }

  public static String key(String model, TargetKind target) {
    return model + "/" + target.value();
  }

  /**
   * @param traces where a {@code trace} traffic shape's counts come from
   */
  public static Outcome analyse(MLBenchmark benchmark, RunState run, TrafficTraces traces) {
    Map<String, LaneFigures> figures = new LinkedHashMap<>();
    for (Lane lane : run.lanes()) {
      figures.put(key(lane.model().name, lane.target()), LaneFigures.of(benchmark, lane, run));
    }
    Map<String, CostStatus> costs = new LinkedHashMap<>();
    SummaryStatus summary = new SummaryStatus();
    summary.models = new ArrayList<>();
    TrafficSpec traffic = benchmark.getSpec().cost.traffic;
    CostModel model;
    PriceCatalog catalog;
    Projection projection;
    try {
      catalog = PriceCatalog.forSpec(benchmark.getSpec().cost);
      model = new CostModel(catalog, benchmark.getSpec().cost.freeTier);
      projection = Projection.of(traffic, traces);
    } catch (IllegalArgumentException e) {
      figures.keySet().forEach(k -> costs.put(k, unpriced(e.getMessage())));
      return new Outcome(costs, summary);
    }
    for (ModelSpec spec : benchmark.getSpec().models) {
      Map<TargetKind, LaneFigures> lanes = new EnumMap<>(TargetKind.class);
      figures.values().stream().filter(f -> f.lane.model().name.equals(spec.name)).forEach(f -> lanes.put(f.lane.target(), f));
      if (lanes.isEmpty()) {
        continue;
      }
      Map<TargetKind, TargetCost> priced = new EnumMap<>(TargetKind.class);
      Pricing pricing = new Pricing(benchmark, model, projection);
      lanes.forEach((kind, lane) -> {
        try {
          priced.put(kind, pricing.price(lane));
        } catch (IllegalArgumentException e) {
          costs.put(key(spec.name, kind), unpriced(e.getMessage()));
        }
      });
      Map<TargetKind, Double> monthly = new EnumMap<>(TargetKind.class);
      priced.forEach((kind, cost) -> monthly.put(kind, cost.total()));
      Map<TargetKind, Tco> tco = Tco.oneYear(monthly, benchmark.getSpec().cost.tco);
      priced.forEach((kind, cost) -> costs.put(key(spec.name, kind), status(cost, tco.get(kind), catalog, kind, benchmark)));
      summary.models.add(modelSummary(spec, lanes, priced, pricing));
    }
    summary.fastest = majority(summary.models.stream().map(m -> m.fastest).toList());
    summary.cheapest = majority(summary.models.stream().map(m -> m.cheapest).toList());
    return new Outcome(costs, summary);
  }

  private static ModelSummaryStatus modelSummary(ModelSpec spec, Map<TargetKind, LaneFigures> lanes,
      Map<TargetKind, TargetCost> priced, Pricing pricing) {
    ModelSummaryStatus summary = new ModelSummaryStatus();
    summary.model = spec.name;
    List<LaneFigures> bySpeed = lanes.values().stream().filter(l -> l.firstOpenLoop != null)
        .sorted(Comparator.comparingDouble(l -> l.firstOpenLoop.getValueAtPercentile(50)))
        .toList();
    if (!bySpeed.isEmpty()) {
      summary.fastest = bySpeed.get(0).lane.target().value();
      if (bySpeed.size() > 1) {
        var test = MannWhitney.test(bySpeed.get(0).firstOpenLoop, bySpeed.get(1).firstOpenLoop);
        summary.fastestPValue = test.pValue();
        summary.fastestSignificant = test.significantAt(SIGNIFICANCE);
      }
    }
    priced.entrySet().stream().min(Map.Entry.comparingByValue(Comparator.comparingDouble(TargetCost::total)))
        .ifPresent(e -> summary.cheapest = e.getKey().value());
    LaneFigures serverless = lanes.get(TargetKind.SERVERLESS);
    if (serverless != null && serverless.serviceTime != null) {
      if (lanes.containsKey(TargetKind.CONTAINER)) {
        summary.breakEvenVsContainer = pricing.breakEven(serverless, lanes.get(TargetKind.CONTAINER));
      }
      if (lanes.containsKey(TargetKind.VM)) {
        summary.breakEvenVsVm = pricing.breakEven(serverless, lanes.get(TargetKind.VM));
      }
    }
    return summary;
  }

  /** The measured figures of one model x target that pricing needs. */
  static final class LaneFigures {
    final Lane lane;
    Histogram serviceTime;
    Histogram firstOpenLoop;
    double responseBytesPerRequest;
    Double capacity;
    List<Double> coldStartsMillis = new ArrayList<>();
    SimulationResult simulated;

    LaneFigures(Lane lane) {
      this.lane = lane;
    }

    static LaneFigures of(MLBenchmark benchmark, Lane lane, RunState run) {
      LaneFigures figures = new LaneFigures(lane);
      List<PhaseResult> open = new ArrayList<>();
      List<PhaseResult> closed = new ArrayList<>();
      for (var step : lane.steps()) {
        StepState state = run.steps().get(step);
        if (state == null || state.result() == null || state.result().failed()) {
          continue;
        }
        if (step.coldStartProbe()) {
          var probe = state.result().coldStart();
          if (probe != null && probe.timeToFullResponseMillis() != null && probe.failure() == null) {
            figures.coldStartsMillis.add(probe.timeToFullResponseMillis());
          }
          continue;
        }
        List<PhaseResult> phases = state.result().phases();
        boolean openLoop = phases.stream().allMatch(p -> p.loop() == LoopKind.OPEN_LOOP);
        (openLoop ? open : closed).addAll(phases);
        if (openLoop && figures.firstOpenLoop == null) {
          figures.firstOpenLoop = merge(phases);
        }
      }
      List<PhaseResult> measured = open.isEmpty() ? closed : open;
      figures.serviceTime = merge(measured);
      long sent = measured.stream().mapToLong(PhaseResult::sent).sum();
      figures.responseBytesPerRequest = sent == 0 ? 0 : (double) measured.stream().mapToLong(PhaseResult::responseBytes).sum() / sent;
      figures.capacity = capacity(benchmark, open, closed);
      return figures;
    }

    /** Throughput the target sustained within the SLO: from a sweep when there is one, else what open loop showed. */
    private static Double capacity(MLBenchmark benchmark, List<PhaseResult> open, List<PhaseResult> closed) {
      if (!closed.isEmpty()) {
        var slo = benchmark.getSpec().load.slo;
        SloCapacity capacity = ScalabilityCurve.fromPhases(closed)
            .capacityAtSlo(slo.percentile, Durations.parse(slo.latency).toNanos() / 1000);
        if (capacity.bound() != SloCapacity.Bound.NONE && capacity.requestsPerSecond() > 0) {
          return capacity.requestsPerSecond();
        }
      }
      OptionalDouble best = open.stream().mapToDouble(PhaseResult::throughputPerSecond).max();
      return best.isPresent() && best.getAsDouble() > 0 ? best.getAsDouble() : null;
    }

    private static Histogram merge(List<PhaseResult> phases) {
      List<String> encoded = phases.stream().map(PhaseResult::histogram).filter(Objects::nonNull).toList();
      if (encoded.isEmpty()) {
        return null;
      }
      Histogram merged = HistogramCodec.merge(encoded);
      return merged.getTotalCount() == 0 ? null : merged;
    }
  }

  /**
   * The 30-day demand and the span of it the serverless simulation replays: for the daily shapes their first day,
   * which every day repeats; for a trace one repetition of it, minute by minute (see {@link TraceProjection}).
   *
   * @param simulatedSpans how many times the simulated span fits in the projection: the factor from the simulated
   *     cold starts and instance-seconds to the month's
   */
  record Projection(HourlyDemand demand, RateProfile simulated, double simulatedSpans) {

    static Projection of(TrafficSpec traffic, TrafficTraces traces) {
      if (traffic.shape == TrafficSpec.Shape.TRACE) {
        TraceProjection trace = TraceProjection.of(traces.perMinute(traffic.configMapRef), traffic.requestsPerDay,
            HourlyDemand.PROJECTION_DAYS);
        return new Projection(trace.hourly(), RateProfile.perMinute(trace.cycleRequestsPerMinute()), trace.cycles());
      }
      HourlyDemand demand = HourlyDemand.of(traffic.shape, traffic.requestsPerDay);
      int hours = Math.min(24, demand.hours());
      return new Projection(demand, RateProfile.perHour(IntStream.range(0, hours).mapToDouble(demand::requests).toArray()),
          demand.hours() / (double) hours);
    }
  }

  /** Prices lanes of one benchmark under one catalogue and traffic projection. */
  static final class Pricing {
    private final MLBenchmark benchmark;
    private final CostModel model;
    private final MonthlyProjection month;
    private final Projection projection;

    Pricing(MLBenchmark benchmark, CostModel model, Projection projection) {
      this.benchmark = benchmark;
      this.model = model;
      this.projection = projection;
      this.month = new MonthlyProjection(model, projection.demand());
    }

    TargetCost price(LaneFigures lane) {
      if (lane.serviceTime == null) {
        throw new IllegalArgumentException("no successful scenario measured a service time on this target");
      }
      return switch (lane.lane.target()) {
        case SERVERLESS -> {
          SimulationResult simulated = simulate(lane);
          yield month.serverless(function(lane), simulated.coldStarts() * scale(), simulated.busyInstanceSeconds() * scale(),
              footprint(lane, Gateway.HTTP));
        }
        case CONTAINER -> month.container(pod(lane), perReplica(lane), minReplicas(), footprint(lane, Gateway.NONE));
        case VM -> month.vm(benchmark.getSpec().targets.vm.instanceType, perReplica(lane), benchmark.getSpec().targets.vm.nodes,
            footprint(lane, Gateway.NONE));
      };
    }

    BreakEvenStatus breakEven(LaneFigures serverless, LaneFigures other) {
      if (other.serviceTime == null || other.capacity == null) {
        return null;
      }
      var fn = function(serverless);
      var option = new BreakEven.ServerlessOption(fn, simulate(serverless).coldStarts() * scale(),
          footprint(serverless, Gateway.HTTP));
      BreakEven.ReplicatedOption replicated = other.lane.target() == TargetKind.VM
          ? new BreakEven.VmOption(benchmark.getSpec().targets.vm.instanceType, perReplica(other),
              benchmark.getSpec().targets.vm.nodes, footprint(other, Gateway.NONE))
          : new BreakEven.ContainerOption(pod(other), perReplica(other), minReplicas(), footprint(other, Gateway.NONE));
      BreakEven solver = new BreakEven(model, Limits.MAX_RATE);
      var median = Percentiles.estimate(serverless.serviceTime, 50);
      BreakEvenStatus status = new BreakEvenStatus();
      solver.rate(option, replicated).ifPresent(r -> status.requestsPerDay = perDay(r));
      if (median.sufficient()) {
        var band = solver.band(option, ServiceTime.of(median.lower() / 1000.0), ServiceTime.of(median.upper() / 1000.0), replicated);
        band.atHighServiceTime().ifPresent(r -> status.low = perDay(r));
        band.atLowServiceTime().ifPresent(r -> status.high = perDay(r));
      }
      return status.requestsPerDay == null ? null : status;
    }

    /** The serverless lane under the projected traffic; simulated once, used for its cost and its break-evens. */
    private SimulationResult simulate(LaneFigures lane) {
      if (lane.simulated == null) {
        lane.simulated = runSimulation(lane);
      }
      return lane.simulated;
    }

    private SimulationResult runSimulation(LaneFigures lane) {
      double serviceMedianMillis = lane.serviceTime.getValueAtPercentile(50) / 1000.0;
      // a probe's time includes its own service time, which the simulator adds again
      List<Double> coldStarts = lane.coldStartsMillis.stream().map(ms -> Math.max(1, ms - serviceMedianMillis)).toList();
      EmpiricalDurations starts = EmpiricalDurations.ofMillis(coldStarts.isEmpty() ? List.of(1.0) : coldStarts);
      return new AutoscalerSimulator(AutoscalerSettings.from(benchmark.getSpec().targets.serverless),
          EmpiricalDurations.fromHistogram(lane.serviceTime), starts)
          .simulate(projection.simulated(), benchmark.getSpec().load.seed);
    }

    private double scale() {
      return projection.simulatedSpans();
    }

    private FunctionProfile function(LaneFigures lane) {
      double coldMedian = lane.coldStartsMillis.isEmpty() ? 0
          : lane.coldStartsMillis.stream().sorted().toList().get((lane.coldStartsMillis.size() - 1) / 2);
      return new FunctionProfile(ServiceTime.fromMicrosecondHistogram(lane.serviceTime), pod(lane), Double.NaN, coldMedian);
    }

    private PodShape pod(LaneFigures lane) {
      return PodShape.of(lane.lane.model().resources, Architecture.X86_64);
    }

    private double perReplica(LaneFigures lane) {
      if (lane.capacity == null) {
        throw new IllegalArgumentException("no scenario measured a throughput within the SLO on this target");
      }
      int replicas = lane.lane.target() == TargetKind.VM ? benchmark.getSpec().targets.vm.nodes : minReplicas();
      return lane.capacity / replicas;
    }

    private int minReplicas() {
      var container = benchmark.getSpec().targets.container;
      return container.autoscale != null ? container.autoscale.minReplicas : container.replicas;
    }

    private static Footprint footprint(LaneFigures lane, Gateway gateway) {
      var stored = WorkloadSizeCatalog.defaultCatalog().of(lane.lane.model());
      return new Footprint(stored.modelGb(), stored.imageGb(), lane.responseBytesPerRequest, gateway);
    }

    private static double perDay(double perSecond) {
      return Math.round(perSecond * 86_400);
    }
  }

  private static CostStatus status(TargetCost cost, Tco tco, PriceCatalog catalog, TargetKind kind, MLBenchmark benchmark) {
    CostStatus status = new CostStatus();
    String service = catalog.services().getOrDefault(kind == TargetKind.SERVERLESS ? "faas" : kind.value(), kind.value());
    status.pricedAs = kind == TargetKind.VM ? service + " " + benchmark.getSpec().targets.vm.instanceType : service;
    status.monthly = cents(cost.total());
    double perMillion = cost.perMillionRequests().total();
    status.perMillionRequests = Double.isNaN(perMillion) ? null : cents(perMillion);
    var b = cost.monthly();
    status.breakdown = new CostBreakdownStatus();
    status.breakdown.compute = cents(b.compute());
    status.breakdown.requests = cents(b.requests());
    status.breakdown.storage = cents(b.storage());
    status.breakdown.transfer = cents(b.transfer());
    status.breakdown.gateway = cents(b.gateway());
    status.yearTco = tco == null ? null : cents(tco.total());
    return status;
  }

  private static CostStatus unpriced(String why) {
    CostStatus status = new CostStatus();
    status.message = why;
    return status;
  }

  static String majority(List<String> answers) {
    Map<String, Long> votes = answers.stream().filter(Objects::nonNull)
        .collect(Collectors.groupingBy(a -> a, HashMap::new, Collectors.counting()));
    if (votes.isEmpty()) {
      return null;
    }
    long best = votes.values().stream().mapToLong(Long::longValue).max().orElse(0);
    List<String> winners = votes.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
    return winners.size() == 1 ? winners.get(0) : MIXED;
  }

  private static double cents(double dollars) {
    return Math.round(dollars * 100) / 100.0;
  }
}
