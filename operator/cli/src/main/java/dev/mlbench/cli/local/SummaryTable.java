package dev.mlbench.cli.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.ModelSummaryStatus;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.api.v1alpha1.TargetStatus;

/** The figures of a finished benchmark as a table for the terminal: one row per model and target. */
final class SummaryTable {

  private static final String[] HEADER = {"MODEL", "TARGET", "SCENARIOS OK", "P50 ms", "P99 ms", "PEAK req/s",
      "COLD START ms", "$/1M req", "30-DAY $", "1-YEAR TCO $"};

  private SummaryTable() {
  }

  static void print(MLBenchmarkStatus status, PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (TargetStatus target : Objects.requireNonNullElse(status.targets, List.<TargetStatus>of())) {
      ScenarioStatus first = target.scenarios == null ? null
          : target.scenarios.stream().filter(s -> s.latency != null).findFirst().orElse(null);
      Double peak = target.scenarios == null ? null
          : target.scenarios.stream().map(s -> s.throughput).filter(Objects::nonNull).max(Double::compare).orElse(null);
      rows.add(new String[] {target.model, target.target == null ? "" : target.target.value(),
          scenariosSucceeded(target),
          first == null ? "-" : number(first.latency.p50), first == null ? "-" : number(first.latency.p99),
          number(peak), target.coldStart == null ? "-" : number(target.coldStart.p50),
          target.cost == null ? "-" : money(target.cost.perMillionRequests),
          target.cost == null ? "-" : money(target.cost.monthly), target.cost == null ? "-" : money(target.cost.yearTco)});
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i < 3 ? pad(row[i], widths[i]) : padLeft(row[i], widths[i])).append("  ");
      }
      out.println(line.toString().stripTrailing());
    }
    if (status.summary != null && status.summary.models != null) {
      out.println();
      for (ModelSummaryStatus model : status.summary.models) {
        out.println(model.model + ": fastest " + model.fastest
            + (model.fastestPValue == null ? "" : String.format(Locale.ROOT, " (p = %.3g, %s)", model.fastestPValue,
                Boolean.TRUE.equals(model.fastestSignificant) ? "significant" : "not significant"))
            + ", cheapest " + model.cheapest
            + breakEven(" vs container", model.breakEvenVsContainer)
            + breakEven(" vs VM", model.breakEvenVsVm));
      }
    }
  }

  /** Succeeded of all scenarios: the target's state says "Removed" once the model servers are cleaned up. */
  private static String scenariosSucceeded(TargetStatus target) {
    List<ScenarioStatus> scenarios = Objects.requireNonNullElse(target.scenarios, List.of());
    long succeeded = scenarios.stream().filter(s -> "Succeeded".equals(s.state)).count();
    return succeeded + "/" + scenarios.size();
  }

  private static String breakEven(String label, dev.mlbench.api.v1alpha1.BreakEvenStatus breakEven) {
    if (breakEven == null || breakEven.requestsPerDay == null) {
      return "";
    }
    return String.format(Locale.ROOT, "; serverless is cheaper%s below %,.0f req/day", label, breakEven.requestsPerDay);
  }

  private static String number(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String money(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%,.2f", value);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  private static String padLeft(String text, int width) {
    return " ".repeat(width - text.length()) + text;
  }
}
