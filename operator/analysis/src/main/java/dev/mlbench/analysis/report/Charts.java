package dev.mlbench.analysis.report;

import static dev.mlbench.analysis.report.Markup.escape;
import static dev.mlbench.analysis.report.Markup.idPart;
import static dev.mlbench.analysis.report.StatusIndex.label;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

import dev.mlbench.analysis.report.Svg.Bar;
import dev.mlbench.analysis.report.Svg.Marker;
import dev.mlbench.analysis.report.Svg.Point;
import dev.mlbench.analysis.report.Svg.Series;
import dev.mlbench.api.v1alpha1.BreakEvenStatus;
import dev.mlbench.api.v1alpha1.CostBreakdownStatus;
import dev.mlbench.api.v1alpha1.LevelStatus;
import dev.mlbench.api.v1alpha1.ModelSummaryStatus;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.api.v1alpha1.StageStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetStatus;

/** The per-model charts of the report. Every chart keeps its id when there is nothing to draw, and says why instead. */
final class Charts {

  static final List<String> COST_COMPONENTS = List.of("compute", "requests", "storage", "transfer", "gateway");
  private static final double[] CDF_PERCENTILES = cdfPercentiles();
  private static final double DAYS_PER_MONTH = 30;

  private final StatusIndex index;
  private final Map<String, Histogram> histograms;

  Charts(StatusIndex index, Map<String, Histogram> histograms) {
    this.index = index;
    this.histograms = histograms;
  }

  static String id(String kind, String model) {
    return "chart-" + kind + "-" + idPart(model);
  }

  String latencyVsConcurrency(String model) {
    List<Series> series = new ArrayList<>();
    for (TargetStatus target : index.targets(model)) {
      Optional<ScenarioStatus> sweep = StatusIndex.sweep(target);
      if (sweep.isPresent()) {
        series.add(levelSeries(target.target, "p50", false, sweep.get(), l -> l.latency.p50));
        series.add(levelSeries(target.target, "p99", true, sweep.get(), l -> l.latency.p99));
      }
    }
    String id = id("latency", model);
    String title = "Latency vs concurrency — " + model;
    if (series.isEmpty()) {
      return noData(id, title, "no closed-loop concurrency sweep was measured");
    }
    return Svg.lineChart(id, title, "concurrent requests", "latency (ms)", series, List.of());
  }

  String throughputVsConcurrency(String model) {
    List<Series> series = new ArrayList<>();
    for (TargetStatus target : index.targets(model)) {
      StatusIndex.sweep(target).ifPresent(sweep -> series.add(levelSeries(target.target, "throughput", false, sweep, l -> l.throughput)));
    }
    String id = id("throughput", model);
    String title = "Throughput vs concurrency — " + model;
    if (series.isEmpty()) {
      return noData(id, title, "no closed-loop concurrency sweep was measured");
    }
    return Svg.lineChart(id, title, "concurrent requests", "successful responses per second", series, List.of());
  }

  /** A level whose value is missing (a percentile without enough samples) leaves no point. */
  private static Series levelSeries(TargetKind target, String metric, boolean dashed, ScenarioStatus sweep, Function<LevelStatus, Double> value) {
    List<Point> points = sweep.levels.stream().filter(l -> l != null && l.latency != null && value.apply(l) != null)
        .sorted((a, b) -> Integer.compare(a.concurrency, b.concurrency))
        .map(l -> new Point(l.concurrency, value.apply(l))).toList();
    return new Series(label(target) + " " + metric, TargetColours.of(target), dashed, points);
  }

  String latencyCdf(String model) {
    String id = id("cdf", model);
    Optional<String> scenario = index.firstOpenLoopName(model);
    String title = "Latency CDF — " + model + scenario.map(s -> " (" + s + ")").orElse("");
    if (scenario.isEmpty()) {
      return noData(id, title, "no open-loop scenario was measured");
    }
    List<Series> series = new ArrayList<>();
    for (TargetStatus target : index.targets(model)) {
      Histogram histogram = histograms.get(ReportInput.histogramKey(model, target.target.value(), scenario.get()));
      if (histogram == null || histogram.getTotalCount() == 0) {
        continue;
      }
      List<Point> points = new ArrayList<>();
      for (double percentile : CDF_PERCENTILES) {
        points.add(new Point(histogram.getValueAtPercentile(percentile) / 1000.0, percentile));
      }
      series.add(new Series(label(target.target) + " (" + histogram.getTotalCount() + " samples)", TargetColours.of(target.target), false, points));
    }
    if (series.isEmpty()) {
      return noData(id, title, "no latency histogram was stored for this scenario");
    }
    return Svg.lineChart(id, title, "latency (ms), up to p99.9", "percentile", series, List.of());
  }

  String coldStartStages(String model) {
    String id = id("coldstart", model);
    String title = "Cold start by stage (median) — " + model;
    Set<String> stageNames = new LinkedHashSet<>();
    List<TargetStatus> measured = new ArrayList<>();
    for (TargetStatus target : index.targets(model)) {
      if (target.coldStart != null && target.coldStart.stages != null && !target.coldStart.stages.isEmpty()) {
        measured.add(target);
        target.coldStart.stages.stream().filter(s -> s != null).forEach(s -> stageNames.add(String.valueOf(s.name)));
      }
    }
    if (measured.isEmpty()) {
      return noData(id, title, "no cold start was measured");
    }
    List<String> components = new ArrayList<>(stageNames);
    List<Bar> bars = new ArrayList<>();
    for (TargetStatus target : measured) {
      List<Double> values = new ArrayList<>();
      for (String stage : components) {
        values.add(target.coldStart.stages.stream().filter(s -> s != null && stage.equals(String.valueOf(s.name)))
            .mapToDouble((StageStatus s) -> s.ms).sum());
      }
      bars.add(new Bar(label(target.target), values));
    }
    return Svg.stackedBars(id, title, "milliseconds", components, palette(components.size()), bars);
  }

  String costComparison(String model) {
    String id = id("cost", model);
    String title = "30-day cost by component — " + model;
    List<Bar> bars = new ArrayList<>();
    for (TargetStatus target : index.targets(model)) {
      if (target.cost == null || target.cost.breakdown == null) {
        continue;
      }
      CostBreakdownStatus b = target.cost.breakdown;
      String pricedAs = target.cost.pricedAs == null ? "" : " (" + target.cost.pricedAs + ")";
      bars.add(new Bar(label(target.target) + pricedAs, List.of(b.compute, b.requests, b.storage, b.transfer, b.gateway)));
    }
    if (bars.isEmpty()) {
      return noData(id, title, "no target could be priced");
    }
    return Svg.stackedBars(id, title, "US dollars per 30 days", COST_COMPONENTS, palette(COST_COMPONENTS.size()), bars);
  }

  /**
   * Monthly cost against requests per day: serverless grows with its cost per million requests, container and VM stay
   * flat at their monthly cost, and the summary's break-even rates (with their bands) are marked.
   */
  String breakEven(String model) {
    String id = id("breakeven", model);
    String title = "Break-even: monthly cost vs requests per day — " + model;
    Optional<TargetStatus> serverless = index.target(model, TargetKind.SERVERLESS).filter(t -> t.cost != null && t.cost.perMillionRequests != null);
    if (serverless.isEmpty()) {
      return noData(id, title, "the serverless target has no cost per million requests");
    }
    double perMillion = serverless.get().cost.perMillionRequests;
    List<Marker> markers = new ArrayList<>();
    Optional<ModelSummaryStatus> summary = index.summary(model);
    summary.map(s -> s.breakEvenVsContainer).flatMap(b -> marker("vs container", TargetKind.CONTAINER, b)).ifPresent(markers::add);
    summary.map(s -> s.breakEvenVsVm).flatMap(b -> marker("vs VM", TargetKind.VM, b)).ifPresent(markers::add);
    double xMax = 0;
    List<TargetStatus> flat = new ArrayList<>();
    for (TargetKind kind : List.of(TargetKind.CONTAINER, TargetKind.VM)) {
      Optional<TargetStatus> target = index.target(model, kind).filter(t -> t.cost != null && t.cost.monthly != null);
      if (target.isPresent()) {
        flat.add(target.get());
        if (perMillion > 0) {
          xMax = Math.max(xMax, target.get().cost.monthly * 1_000_000 / (DAYS_PER_MONTH * perMillion));
        }
      }
    }
    for (Marker m : markers) {
      xMax = Math.max(xMax, Math.max(m.x(), m.high()));
    }
    if (flat.isEmpty() || !(xMax > 0)) {
      return noData(id, title, "no container or VM cost to compare serverless with");
    }
    // end the lines where the axis ends, past the last break-even
    xMax = Svg.Axis.of(0, xMax * 1.3).max();
    List<Series> series = new ArrayList<>();
    series.add(new Series("Serverless ($" + Markup.number(perMillion, 2) + " per million requests)", TargetColours.of(TargetKind.SERVERLESS), false,
        List.of(new Point(0, 0), new Point(xMax, perMillion * xMax * DAYS_PER_MONTH / 1_000_000))));
    for (TargetStatus target : flat) {
      series.add(new Series(label(target.target) + " (flat " + Markup.dollars(target.cost.monthly) + " per month)", TargetColours.of(target.target), false,
          List.of(new Point(0, target.cost.monthly), new Point(xMax, target.cost.monthly))));
    }
    return Svg.lineChart(id, title, "requests per day", "US dollars per 30 days", series, markers);
  }

  private static Optional<Marker> marker(String against, TargetKind target, BreakEvenStatus breakEven) {
    if (breakEven == null || breakEven.requestsPerDay == null) {
      return Optional.empty();
    }
    double at = breakEven.requestsPerDay;
    double low = breakEven.low == null ? at : breakEven.low;
    double high = breakEven.high == null ? at : breakEven.high;
    String band = low < high ? " (95 % band " + Markup.tick(low) + "–" + Markup.tick(high) + ")" : "";
    return Optional.of(new Marker("break-even " + against + " at " + Markup.tick(at) + " requests/day" + band, TargetColours.of(target), at, low, high));
  }

  static String noData(String id, String title, String reason) {
    return "<div id=\"" + escape(id) + "\" class=\"no-data\"><strong>" + escape(title) + "</strong><br/>No data: " + escape(reason) + ".</div>\n";
  }

  private static List<String> palette(int size) {
    List<String> colours = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      colours.add(TargetColours.palette(i));
    }
    return colours;
  }

  private static double[] cdfPercentiles() {
    List<Double> percentiles = new ArrayList<>();
    for (int p = 0; p < 90; p += 2) {
      percentiles.add((double) p);
    }
    for (double p = 90; p < 99; p += 0.5) {
      percentiles.add(p);
    }
    for (double p : new double[] {99, 99.5, 99.9}) {
      percentiles.add(p);
    }
    return percentiles.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
