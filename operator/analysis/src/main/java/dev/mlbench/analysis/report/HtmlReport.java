package dev.mlbench.analysis.report;

import static dev.mlbench.analysis.report.Markup.MISSING;
import static dev.mlbench.analysis.report.Markup.escape;
import static dev.mlbench.analysis.report.Markup.idPart;

import java.util.List;

import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;

/**
 * Renders a benchmark as one self-contained page: inline CSS and SVG, no scripts, no external assets. The page is
 * well-formed XHTML, so it opens in a browser and parses as XML.
 */
public final class HtmlReport {

  private static final String STYLE = """
      body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 24px auto; max-width: 1200px; color: #222; }
      h1 { margin-bottom: 4px; }
      h2 { border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 36px; }
      dl.run { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; }
      dl.run dt { font-weight: bold; }
      dl.run dd { margin: 0; }
      table { border-collapse: collapse; margin: 12px 0 24px; font-size: 13px; }
      caption { text-align: left; font-weight: bold; padding-bottom: 6px; }
      th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; }
      th:first-child, td:first-child { text-align: left; }
      td.paper { color: #666; font-style: italic; background: #f7f7f7; }
      .charts { display: flex; flex-wrap: wrap; gap: 12px; }
      svg.chart { border: 1px solid #eee; background: #fff; }
      .no-data { width: 546px; padding: 16px; border: 1px dashed #bbb; color: #666; background: #fafafa; }
      td.no-data { width: auto; text-align: left; }
      #table-targets td, #table-targets th, #table-summary td:nth-child(2), #table-summary td:nth-child(5) { text-align: left; }
      """;

  private HtmlReport() {
  }

  public static String render(ReportInput input) {
    StatusIndex index = new StatusIndex(input.spec(), input.status());
    Charts charts = new Charts(index, input.histograms());
    Tables tables = new Tables(index, input.spec().cost == null ? null : input.spec().cost.tco, input.paperComparison());
    String title = "mlbench report — " + (input.name() == null ? "unnamed benchmark" : input.name());

    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
        .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    html.append("<h1>").append(escape(title)).append("</h1>\n");
    runDetails(html, input);

    html.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
    MLBenchmarkStatus status = input.status();
    if (status.summary == null) {
      html.append("<p class=\"no-data\">No data: the benchmark has not been analysed yet.</p>\n");
    } else {
      html.append("<p>Fastest for most models: <strong>").append(escape(orMissing(status.summary.fastest)))
          .append("</strong>. Cheapest for most models at the projected traffic: <strong>").append(escape(orMissing(status.summary.cheapest)))
          .append("</strong>.</p>\n");
    }
    html.append(tables.summary()).append("</section>\n");

    List<String> models = index.models();
    for (String model : models) {
      html.append("<section id=\"model-").append(idPart(model)).append("\">\n<h2>Model ").append(escape(model));
      index.workload(model).ifPresent(w -> html.append(" (").append(escape(w.value())).append(')'));
      html.append("</h2>\n<div class=\"charts\">\n")
          .append(charts.latencyVsConcurrency(model))
          .append(charts.throughputVsConcurrency(model))
          .append(charts.latencyCdf(model))
          .append(charts.coldStartStages(model))
          .append(charts.costComparison(model))
          .append(charts.breakEven(model))
          .append("</div>\n</section>\n");
    }
    if (models.isEmpty()) {
      html.append("<p class=\"no-data\">No data: the benchmark has no models.</p>\n");
    }

    html.append("<section id=\"tables\">\n<h2>Compared with the seed paper</h2>\n");
    if (input.paperComparison()) {
      html.append("<p>Italic grey columns are the seed paper's figures; compare their shape, not their absolute values.</p>\n");
    }
    html.append(tables.averageLatency()).append(tables.utilisation()).append(tables.totalCostOfOwnership()).append("</section>\n");
    html.append("<section id=\"latency\">\n<h2>Latency percentiles</h2>\n").append(tables.latencyPercentiles()).append("</section>\n");
    html.append("<section id=\"targets\">\n<h2>Targets</h2>\n").append(tables.targets()).append("</section>\n");
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private static void runDetails(StringBuilder html, ReportInput input) {
    MLBenchmarkStatus status = input.status();
    html.append("<dl class=\"run\" id=\"run\">\n");
    detail(html, "Benchmark", input.name());
    detail(html, "Namespace", input.namespace());
    detail(html, "Run", status.runId);
    detail(html, "Phase", status.phase == null ? null : status.phase.toString());
    detail(html, "Started", status.startedAt);
    detail(html, "Completed", status.completedAt);
    detail(html, "Environment", status.environment);
    html.append("</dl>\n");
  }

  private static void detail(StringBuilder html, String term, String value) {
    html.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(orMissing(value))).append("</dd>\n");
  }

  private static String orMissing(String value) {
    return value == null || value.isBlank() ? MISSING : value;
  }
}
