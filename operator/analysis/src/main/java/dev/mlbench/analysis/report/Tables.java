package dev.mlbench.analysis.report;

import static dev.mlbench.analysis.report.Markup.MISSING;
import static dev.mlbench.analysis.report.Markup.dollars;
import static dev.mlbench.analysis.report.Markup.escape;
import static dev.mlbench.analysis.report.Markup.number;
import static dev.mlbench.analysis.report.StatusIndex.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import dev.mlbench.api.v1alpha1.BreakEvenStatus;
import dev.mlbench.api.v1alpha1.Interval;
import dev.mlbench.api.v1alpha1.LatencyIntervals;
import dev.mlbench.api.v1alpha1.LatencyStatus;
import dev.mlbench.api.v1alpha1.ModelSummaryStatus;
import dev.mlbench.api.v1alpha1.PerTargetHours;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetStatus;
import dev.mlbench.api.v1alpha1.TcoSpec;
import dev.mlbench.api.v1alpha1.UtilisationStatus;
import dev.mlbench.api.v1alpha1.Workload;

/** The report's tables: the summary, latency percentiles, target states, and the seed paper's Tables 1–3 as measured. */
final class Tables {

  private static final TargetKind[] TARGETS = TargetKind.values();
  private static final int MONTHS_PER_YEAR = 12;
  static final String INSUFFICIENT = "insufficient samples";

  private final StatusIndex index;
  private final TcoSpec tco;
  private final boolean paperComparison;

  Tables(StatusIndex index, TcoSpec tco, boolean paperComparison) {
    this.index = index;
    this.tco = tco == null ? new TcoSpec() : tco;
    this.paperComparison = paperComparison;
  }

  String summary() {
    List<String> models = index.models();
    StringBuilder html = open("table-summary", "Summary per model: the fastest target in the first open-loop scenario (Mann-Whitney U against the runner-up) and the cheapest at the projected traffic");
    header(html, "Model", "Fastest", "p-value", "Significant (5 %)", "Cheapest", "Break-even vs container (requests/day)", "Break-even vs VM (requests/day)");
    if (models.isEmpty()) {
      noDataRow(html, 7, "no model in the benchmark");
    }
    for (String model : models) {
      Optional<ModelSummaryStatus> summary = index.summary(model);
      html.append("<tr>");
      cell(html, model);
      cell(html, summary.map(s -> s.fastest).orElse(MISSING));
      cell(html, summary.map(s -> pValue(s.fastestPValue)).orElse(MISSING));
      cell(html, summary.map(s -> s.fastestSignificant == null ? MISSING : s.fastestSignificant ? "yes" : "no").orElse(MISSING));
      cell(html, summary.map(s -> s.cheapest).orElse(MISSING));
      cell(html, summary.map(s -> breakEven(s.breakEvenVsContainer)).orElse(MISSING));
      cell(html, summary.map(s -> breakEven(s.breakEvenVsVm)).orElse(MISSING));
      html.append("</tr>\n");
    }
    return close(html);
  }

  String targets() {
    StringBuilder html = open("table-targets", "Targets: state, replicas and what they are priced as");
    header(html, "Model", "Target", "State", "Replicas", "Cold start p50 (ms)", "Priced as", "Message");
    if (index.targets().isEmpty()) {
      noDataRow(html, 7, "no target has reported yet");
    }
    for (String model : index.models()) {
      for (TargetStatus target : index.targets(model)) {
        html.append("<tr>");
        cell(html, model);
        cell(html, label(target.target));
        cell(html, target.state == null ? MISSING : target.state.name());
        cell(html, (target.readyReplicas == null ? MISSING : target.readyReplicas.toString()) + " / "
            + (target.desiredReplicas == null ? MISSING : target.desiredReplicas.toString()));
        cell(html, target.coldStart == null ? MISSING : number(target.coldStart.p50, 0));
        cell(html, target.cost == null || target.cost.pricedAs == null ? MISSING : target.cost.pricedAs);
        cell(html, messages(target));
        html.append("</tr>\n");
      }
    }
    return close(html);
  }

  /**
   * Latency percentiles of every measured scenario with their 95 % confidence intervals; a percentile that had too few
   * samples beyond it reads "insufficient samples" rather than a number.
   */
  String latencyPercentiles() {
    StringBuilder html = open("table-latency", "Latency per scenario (ms): value [95 % confidence interval]; a percentile needs at least 10 samples beyond it");
    header(html, "Model", "Target", "Scenario", "Samples", "Mean", "p50", "p90", "p95", "p99", "p99.9", "Max");
    boolean any = false;
    for (String model : index.models()) {
      for (TargetStatus target : index.targets(model)) {
        for (ScenarioStatus scenario : StatusIndex.scenarios(target)) {
          LatencyStatus latency = scenario.latency;
          if (latency == null) {
            continue;
          }
          any = true;
          LatencyIntervals ci = latency.ci95 == null ? new LatencyIntervals() : latency.ci95;
          html.append("<tr>");
          cell(html, model);
          cell(html, label(target.target));
          cell(html, scenario.name == null ? MISSING : scenario.name);
          cell(html, latency.samples == null ? MISSING : number(latency.samples.doubleValue(), 0));
          cell(html, milliseconds(latency.mean));
          cell(html, percentile(latency.p50, ci.p50, latency, "p50"));
          cell(html, percentile(latency.p90, ci.p90, latency, "p90"));
          cell(html, percentile(latency.p95, ci.p95, latency, "p95"));
          cell(html, percentile(latency.p99, ci.p99, latency, "p99"));
          cell(html, percentile(latency.p999, ci.p999, latency, "p99.9"));
          cell(html, milliseconds(latency.max));
          html.append("</tr>\n");
        }
      }
    }
    if (!any) {
      noDataRow(html, 11, "no scenario has reported a latency yet");
    }
    return close(html);
  }

  static String percentile(Double value, Interval interval, LatencyStatus latency, String label) {
    if (value == null) {
      return latency.insufficientSamples != null && latency.insufficientSamples.contains(label) ? INSUFFICIENT : MISSING;
    }
    return milliseconds(value) + (interval == null ? "" : " [" + milliseconds(interval.lower) + ", " + milliseconds(interval.upper) + "]");
  }

  /** Three significant digits down to a hundredth: 0.85, 12.3, 123. */
  static String milliseconds(double value) {
    return number(value, Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  }

  /** Table 1: mean latency of the first open-loop scenario, per workload and target. */
  String averageLatency() {
    StringBuilder html = open("table-1", "Table 1 — average latency (ms) per workload, first open-loop scenario");
    headerWithPaper(html, "Model (workload)");
    if (index.models().isEmpty()) {
      noDataRow(html, columns(), "no model in the benchmark");
    }
    for (String model : index.models()) {
      Optional<Workload> workload = index.workload(model);
      html.append("<tr>");
      cell(html, model + workload.map(w -> " (" + w.value() + ")").orElse(""));
      for (TargetKind target : TARGETS) {
        cell(html, index.target(model, target).flatMap(StatusIndex::firstOpenLoop).filter(s -> s.latency != null)
            .map(s -> number(s.latency.mean, 1)).orElse(MISSING));
        if (paperComparison) {
          paperCell(html, workload.map(PaperReference.AVERAGE_LATENCY_MS::get).map(v -> number(PaperReference.of(v, target), 0)).orElse(MISSING));
        }
      }
      html.append("</tr>\n");
    }
    return close(html);
  }

  /** Table 2: CPU and memory used as a percentage of the pods' requests, first open-loop scenario. */
  String utilisation() {
    StringBuilder html = open("table-2", "Table 2 — CPU % / memory % of the pods' requests, first open-loop scenario"
        + (paperComparison ? " (the paper's figures are for NLP sentiment)" : ""));
    headerWithPaper(html, "Model");
    if (index.models().isEmpty()) {
      noDataRow(html, columns(), "no model in the benchmark");
    }
    for (String model : index.models()) {
      html.append("<tr>");
      cell(html, model);
      for (TargetKind target : TARGETS) {
        cell(html, index.target(model, target).flatMap(Tables::utilisationOf)
            .map(u -> number(u.cpuPercentOfRequest, 0) + " / " + number(u.memoryPercentOfRequest, 0)).orElse(MISSING));
        if (paperComparison) {
          paperCell(html, number(PaperReference.of(PaperReference.CPU_PERCENT, target), 0) + " / "
              + number(PaperReference.of(PaperReference.MEMORY_PERCENT, target), 0));
        }
      }
      html.append("</tr>\n");
    }
    return close(html);
  }

  /** Table 3: one-year TCO over all models: 12 months of cloud cost plus development and operations hours at the hourly rate. */
  String totalCostOfOwnership() {
    StringBuilder html = open("table-3", "Table 3 — one-year total cost of ownership (US dollars, all models) at $"
        + number(tco.hourlyRate, 0) + " per engineering hour" + (paperComparison ? "; the paper's figures are for recommendation" : ""));
    headerWithPaper(html, "Cost");
    double[] cloud = new double[TARGETS.length];
    boolean[] priced = new boolean[TARGETS.length];
    for (TargetKind target : TARGETS) {
      for (String model : index.models()) {
        Optional<TargetStatus> status = index.target(model, target).filter(t -> t.cost != null && t.cost.monthly != null);
        if (status.isPresent()) {
          cloud[target.ordinal()] += MONTHS_PER_YEAR * status.get().cost.monthly;
          priced[target.ordinal()] = true;
        }
      }
    }
    double[] development = hoursCost(tco.development, 1);
    double[] operations = hoursCost(tco.operations, MONTHS_PER_YEAR);
    tcoRow(html, "Cloud services (12 × monthly)", t -> priced[t.ordinal()] ? cloud[t.ordinal()] : Double.NaN, PaperReference.CLOUD);
    tcoRow(html, "Development", t -> development[t.ordinal()], PaperReference.DEVELOPMENT);
    tcoRow(html, "Operations (12 months)", t -> operations[t.ordinal()], PaperReference.OPERATIONS);
    tcoRow(html, "Total", t -> priced[t.ordinal()] ? cloud[t.ordinal()] + development[t.ordinal()] + operations[t.ordinal()] : Double.NaN,
        PaperReference.TOTAL);
    return close(html);
  }

  private double[] hoursCost(PerTargetHours hours, int months) {
    if (hours == null) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    return new double[] {hours.serverless * tco.hourlyRate * months, hours.container * tco.hourlyRate * months, hours.vm * tco.hourlyRate * months};
  }

  private void tcoRow(StringBuilder html, String label, ToDoubleFunction<TargetKind> measured, double[] paper) {
    html.append("<tr>");
    cell(html, label);
    for (TargetKind target : TARGETS) {
      cell(html, dollars(measured.applyAsDouble(target)));
      if (paperComparison) {
        paperCell(html, "$" + number(PaperReference.of(paper, target), 0));
      }
    }
    html.append("</tr>\n");
  }

  private static Optional<UtilisationStatus> utilisationOf(TargetStatus target) {
    Optional<UtilisationStatus> fromOpenLoop = StatusIndex.firstOpenLoop(target).map(s -> s.utilisation);
    if (fromOpenLoop.isPresent()) {
      return fromOpenLoop;
    }
    return StatusIndex.scenarios(target).stream().map(s -> s.utilisation).filter(u -> u != null).findFirst();
  }

  private static String messages(TargetStatus target) {
    List<String> messages = new ArrayList<>();
    if (target.message != null) {
      messages.add(target.message);
    }
    for (ScenarioStatus scenario : StatusIndex.scenarios(target)) {
      if (scenario.message != null) {
        messages.add(scenario.name + ": " + scenario.message);
      }
    }
    if (target.coldStart != null && target.coldStart.message != null) {
      messages.add("cold start: " + target.coldStart.message);
    }
    if (target.cost != null && target.cost.message != null) {
      messages.add("cost: " + target.cost.message);
    }
    return messages.isEmpty() ? "" : String.join("; ", messages);
  }

  private static String pValue(Double p) {
    if (p == null || p.isNaN()) {
      return MISSING;
    }
    return p < 0.0001 ? "< 0.0001" : number(p, 4);
  }

  private static String breakEven(BreakEvenStatus breakEven) {
    if (breakEven == null || breakEven.requestsPerDay == null) {
      return "none up to the limit";
    }
    String band = breakEven.low != null && breakEven.high != null ? " (" + number(breakEven.low, 0) + " – " + number(breakEven.high, 0) + ")" : "";
    return number(breakEven.requestsPerDay, 0) + band;
  }

  private int columns() {
    return 1 + TARGETS.length * (paperComparison ? 2 : 1);
  }

  private void headerWithPaper(StringBuilder html, String first) {
    List<String> names = new ArrayList<>();
    names.add(first);
    for (TargetKind target : TARGETS) {
      names.add(label(target));
      if (paperComparison) {
        names.add(label(target) + " (paper)");
      }
    }
    header(html, names.toArray(String[]::new));
  }

  private static StringBuilder open(String id, String caption) {
    StringBuilder html = new StringBuilder(2048);
    html.append("<table id=\"").append(escape(id)).append("\">\n<caption>").append(escape(caption)).append("</caption>\n");
    return html;
  }

  private static String close(StringBuilder html) {
    return html.append("</table>\n").toString();
  }

  private static void header(StringBuilder html, String... names) {
    html.append("<tr>");
    for (String name : names) {
      html.append("<th>").append(escape(name)).append("</th>");
    }
    html.append("</tr>\n");
  }

  private static void cell(StringBuilder html, String text) {
    html.append("<td>").append(escape(text)).append("</td>");
  }

  private static void paperCell(StringBuilder html, String text) {
    html.append("<td class=\"paper\">").append(escape(text)).append("</td>");
  }

  private static void noDataRow(StringBuilder html, int columns, String reason) {
    html.append("<tr><td class=\"no-data\" colspan=\"").append(columns).append("\">No data: ").append(escape(reason)).append(".</td></tr>\n");
  }
}
