package dev.mlbench.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mlbench.api.v1alpha1.BreakEvenStatus;
import dev.mlbench.api.v1alpha1.ColdStartStatus;
import dev.mlbench.api.v1alpha1.CostBreakdownStatus;
import dev.mlbench.api.v1alpha1.CostStatus;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.ModelSummaryStatus;
import dev.mlbench.api.v1alpha1.SummaryStatus;
import dev.mlbench.api.v1alpha1.TargetStatus;
import dev.mlbench.api.v1alpha1.UtilisationStatus;
import dev.mlbench.controller.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetricsV2;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/**
 * Every query of the Helm chart's Grafana dashboard asks for a metric this operator exports, with labels it has: the
 * names come from scraping the running operator's Prometheus endpoint after a reconciliation and a full set of results.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = dev.mlbench.controller.testing.RecordApiRequests.class)
class DashboardMetricsTest {

  static final Path DASHBOARD = OperatorHarness.REPO.resolve("helm/mlbench-operator/dashboards/mlbench-operator.json");
  /** Labels Prometheus adds when it scrapes, and the histogram bucket label. */
  static final Set<String> SCRAPE_LABELS = Set.of("job", "instance", "le");
  static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and",
      "or", "unless", "offset", "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
      "quantile");
  static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{([^}]*)\\})?");
  static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
  static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");

  @Inject
  KubernetesClient client;
  @Inject
  Operator operator;
  @Inject
  ResultGauges gauges;

  @TestHTTPResource("/q/metrics")
  URL metricsUrl;

  @Test
  void everyDashboardQueryUsesAnExportedMetricAndItsLabels() throws Exception {
    OperatorHarness.start(operator, client, true);
    OperatorHarness.namespace(client, "dashboard");
    // one reconciliation (an invalid spec: nothing is deployed) brings up the Java Operator SDK's metrics
    MLBenchmark invalid = OperatorHarness.example("quickstart.yaml", "dashboard");
    invalid.getSpec().targets.vm.instanceType = "no-such-type";
    client.resource(invalid).create();
    await().atMost(OperatorHarness.TIMEOUT).until(() -> {
      MLBenchmark current = client.resources(MLBenchmark.class).inNamespace("dashboard").withName("quickstart").get();
      return current.getStatus() != null && current.getStatus().phase != null;
    });
    gauges.record(fullyMeasured(), everyFigure());

    Map<String, Set<String>> exported = await().atMost(OperatorHarness.TIMEOUT).until(this::scrape,
        m -> m.keySet().containsAll(List.of(prometheusName(MicrometerMetricsV2.RECONCILIATIONS_STARTED), ResultGauges.BREAK_EVEN)));
    assertThat(exported).as("the operator runs JOSDK's V2 metrics, whose names the constants below are")
        .containsKey(prometheusName(MicrometerMetricsV2.RECONCILIATIONS_EXECUTIONS_GAUGE));
    // JOSDK creates its failure and retry counters at the first failure or retry, with the labels of its started counter
    Set<String> started = exported.get(prometheusName(MicrometerMetricsV2.RECONCILIATIONS_STARTED));
    List.of(MicrometerMetricsV2.RECONCILIATIONS_FAILED, MicrometerMetricsV2.RECONCILIATIONS_RETRIES_NUMBER)
        .forEach(counter -> exported.putIfAbsent(prometheusName(counter), started));

    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    List<String> queries = new ArrayList<>();
    dashboard.findValues("expr").forEach(e -> queries.add(e.asText()));
    dashboard.get("templating").get("list").findValues("query").stream().filter(JsonNode::isTextual)
        .map(JsonNode::asText).filter(q -> q.startsWith("label_values(")).forEach(q -> queries.add(labelValuesSelector(q)));
    assertThat(queries).hasSizeGreaterThan(10);

    assertThat(problems(queries, exported)).as("dashboard queries against the metrics the operator exports").isEmpty();
    String costQuery = queries.stream().filter(q -> q.contains(ResultGauges.COST + "{")).findFirst().orElseThrow();
    assertThat(problems(List.of(costQuery.replace(ResultGauges.COST + "{", "mlbench_costs_dollars{")), exported))
        .as("a misspelt metric is caught").anyMatch(p -> p.contains("exports no metric 'mlbench_costs_dollars'"));
    assertThat(problems(List.of(costQuery.replace("horizon=", "horizn=")), exported)).as("a misspelt label is caught")
        .singleElement().asString().contains("has no label 'horizn'");
    assertThat(problems(List.of(costQuery.replace("by (target,", "by (targt,")), exported)).as("a misspelt grouping is caught")
        .singleElement().asString().contains("grouped by 'targt'");

    Set<String> mlbenchMetrics = new HashSet<>();
    queries.forEach(q -> selectors(q).stream().map(Selector::metric).filter(m -> m.startsWith("mlbench_")).forEach(mlbenchMetrics::add));
    assertThat(ResultGauges.METRICS).as("the result metrics the dashboard charts").containsAll(mlbenchMetrics);
    assertThat(mlbenchMetrics).contains(ResultGauges.COST, ResultGauges.COST_PER_MILLION, ResultGauges.BREAK_EVEN);
  }

  @Test
  void theQueryParserFindsMetricsAndLabelsAndSkipsFunctionsAndStrings() {
    List<Selector> found = selectors(
        "histogram_quantile(0.95, sum by (le, model) (rate(reconcilations_bucket{controller_name=~\"$c\", x!=\"a{b}\"}[5m]))) / on (model) up");
    assertThat(found).containsExactly(new Selector("reconcilations_bucket", List.of("controller_name", "x")),
        new Selector("up", List.of()));
  }

  /** What is wrong with each query: a metric the operator does not export, or a label its metrics do not have. */
  static List<String> problems(List<String> queries, Map<String, Set<String>> exported) {
    List<String> problems = new ArrayList<>();
    for (String query : queries) {
      Set<String> metrics = new HashSet<>();
      for (Selector selector : selectors(query)) {
        Set<String> labels = exported.get(selector.metric());
        if (labels == null) {
          problems.add(query + ": the operator exports no metric '" + selector.metric() + "'");
          continue;
        }
        metrics.add(selector.metric());
        selector.labels().stream().filter(l -> !SCRAPE_LABELS.contains(l) && !labels.contains(l))
            .forEach(l -> problems.add(query + ": " + selector.metric() + " has no label '" + l + "' (it has " + labels + ")"));
      }
      Set<String> available = new HashSet<>(SCRAPE_LABELS);
      metrics.forEach(m -> available.addAll(exported.get(m)));
      Matcher grouping = GROUPING.matcher(query);
      while (grouping.find()) {
        for (String label : grouping.group(1).split(",")) {
          if (!label.isBlank() && !available.contains(label.strip())) {
            problems.add(query + ": grouped by '" + label.strip() + "', which none of its metrics has");
          }
        }
      }
    }
    return problems;
  }

  record Selector(String metric, List<String> labels) {
  }

  /** A Micrometer counter's name as the Prometheus registry writes it. */
  static String prometheusName(String micrometerName) {
    return micrometerName.replace('.', '_');
  }

  /** Metric selectors of a PromQL query: identifiers that are not functions, keywords, label names or strings. */
  static List<Selector> selectors(String query) {
    String code = query.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("\\[[^]]*]", "")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "$1");
    List<Selector> found = new ArrayList<>();
    Matcher matcher = SELECTOR.matcher(code);
    while (matcher.find()) {
      String name = matcher.group(1);
      int after = matcher.end(1);
      while (after < code.length() && code.charAt(after) == ' ') {
        after++;
      }
      boolean function = matcher.group(2) == null && after < code.length() && code.charAt(after) == '(';
      boolean number = Character.isDigit(name.charAt(0));
      if (function || number || PROMQL_WORDS.contains(name) || precededByDigit(code, matcher.start())) {
        continue;
      }
      List<String> labels = new ArrayList<>();
      if (matcher.group(3) != null) {
        Matcher label = MATCHER_LABEL.matcher(matcher.group(3));
        while (label.find()) {
          labels.add(label.group(1));
        }
      }
      found.add(new Selector(name, labels));
    }
    return found;
  }

  private static boolean precededByDigit(String code, int start) {
    return start > 0 && (Character.isDigit(code.charAt(start - 1)) || code.charAt(start - 1) == '.');
  }

  /** {@code label_values(metric{…}, label)} as a selector that must have {@code label}. */
  static String labelValuesSelector(String query) {
    String inner = query.substring("label_values(".length(), query.lastIndexOf(')'));
    int comma = inner.lastIndexOf(',');
    String selector = inner.substring(0, comma).strip();
    String label = inner.substring(comma + 1).strip();
    return selector.contains("{") ? selector.replace("}", ", " + label + "=~\".*\"}") : selector + "{" + label + "=~\".*\"}";
  }

  /** Metric names of the Prometheus text exposition with the label names seen on each. */
  private Map<String, Set<String>> scrape() throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(metricsUrl.toString())).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Set<String>> metrics = new HashMap<>();
    for (String line : response.body().split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher matcher = SELECTOR.matcher(line);
      if (!matcher.lookingAt()) {
        continue;
      }
      Set<String> labels = metrics.computeIfAbsent(matcher.group(1), k -> new HashSet<>());
      if (matcher.group(3) != null) {
        Matcher label = MATCHER_LABEL.matcher(matcher.group(3).replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
        while (label.find()) {
          labels.add(label.group(1));
        }
      }
    }
    return metrics;
  }

  private static MLBenchmark fullyMeasured() {
    MLBenchmark benchmark = new MLBenchmark();
    benchmark.setMetadata(new ObjectMetaBuilder().withName("dashboard-fixture").withNamespace("dashboard").build());
    return benchmark;
  }

  /** A status with every figure the gauges export. */
  private static MLBenchmarkStatus everyFigure() {
    MLBenchmarkStatus status = ResultGaugesTest.status(12.5, "steady");
    TargetStatus target = status.targets.get(0);
    var latency = target.scenarios.get(0).latency;
    latency.p50 = 5.0;
    latency.p90 = 8.0;
    latency.p95 = 9.0;
    latency.p999 = 30.0;
    var utilisation = new UtilisationStatus();
    utilisation.source = "metrics.k8s.io";
    utilisation.cpuPercentOfRequest = 40.0;
    utilisation.memoryPercentOfRequest = 60.0;
    target.scenarios.get(0).utilisation = utilisation;
    target.coldStart = new ColdStartStatus();
    target.coldStart.p50 = 900.0;
    target.coldStart.max = 1400.0;
    target.cost = new CostStatus();
    target.cost.monthly = 70.0;
    target.cost.perMillionRequests = 2.3;
    target.cost.yearTco = 1840.0;
    target.cost.breakdown = new CostBreakdownStatus();
    ModelSummaryStatus model = new ModelSummaryStatus();
    model.model = target.model;
    model.breakEvenVsContainer = new BreakEvenStatus();
    model.breakEvenVsContainer.requestsPerDay = 2_500_000.0;
    model.breakEvenVsContainer.low = 2_000_000.0;
    model.breakEvenVsContainer.high = 3_000_000.0;
    status.summary = new SummaryStatus();
    status.summary.models = List.of(model);
    return status;
  }
}
