package dev.mlbench.controller.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import dev.mlbench.api.report.StoredReport;
import dev.mlbench.api.v1alpha1.Condition;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.Phase;
import dev.mlbench.api.v1alpha1.SummaryStatus;
import dev.mlbench.controller.dependent.ChildObjects;
import dev.mlbench.controller.run.LoadJobs;
import dev.mlbench.controller.status.Conditions;
import dev.mlbench.controller.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/**
 * The report of an analysed run: rendered once per run into a ConfigMap owned by the benchmark, and served over the
 * operator's real HTTP port. The operator is not started here: the benchmarks' statuses are written by the test.
 */
@QuarkusTest
@TestProfile(ReportsTest.TwoWatchedNamespaces.class)
@WithKubernetesTestServer(crud = true, setup = dev.mlbench.controller.testing.RecordApiRequests.class)
class ReportsTest {

  static final String WATCHED = "reports-a";
  static final String ALSO_WATCHED = "reports-b";

  /** An application of its own that watches two namespaces, so the server's namespace rule can be seen. */
  public static class TwoWatchedNamespaces implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.operator-sdk.namespaces", WATCHED + "," + ALSO_WATCHED);
    }
  }

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @Inject
  KubernetesClient client;
  @TestHTTPResource("/")
  URL operatorUrl;

  String name;
  static boolean namespacesCreated;

  @BeforeEach
  void names(TestInfo test) {
    name = "b" + test.getTestMethod().orElseThrow().getName().toLowerCase().replaceAll("[^a-z0-9]", "").substring(0, 20);
    if (!namespacesCreated) {
      // once: creating an existing namespace again reads it first, a request the operator never makes
      OperatorHarness.namespace(client, WATCHED);
      OperatorHarness.namespace(client, ALSO_WATCHED);
      namespacesCreated = true;
    }
  }

  @Test
  void storesTheRenderedReportInAConfigMapOwnedByTheBenchmarkOncePerRun() throws Exception {
    MLBenchmark benchmark = analysed(WATCHED, name, "rfirst01");
    BenchmarkReports reports = new BenchmarkReports(client, CLOCK);
    MLBenchmarkStatus status = benchmark.getStatus();

    assertThat(reports.update(benchmark, status, List.of())).isEmpty();

    ConfigMap stored = reportConfigMap(WATCHED);
    assertThat(stored.getMetadata().getName()).isEqualTo(name + "-report");
    assertThat(stored.getMetadata().getLabels()).containsEntry(ChildObjects.COMPONENT_LABEL, BenchmarkReports.REPORT)
        .containsEntry(ChildObjects.MANAGED_BY_LABEL, ChildObjects.MANAGED_BY)
        .containsEntry(ChildObjects.BENCHMARK_LABEL, name)
        .containsEntry(LoadJobs.RUN_LABEL, "rfirst01");
    assertThat(stored.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(benchmark.getMetadata().getUid()));
    String html = stored.getData().get(StoredReport.HTML_KEY);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("mlbench report — " + name).contains("id=\"summary\"");
    assertThat(stored.getBinaryData()).isNullOrEmpty();
    assertThat(status.report.runId).isEqualTo("rfirst01");
    assertThat(status.report.configMap).isEqualTo(name + "-report");
    assertThat(status.report.key).isEqualTo("report.html");
    assertThat(status.report.url).isEqualTo("/reports/" + WATCHED + "/" + name);
    assertThat(status.report.sizeBytes).isEqualTo(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    assertThat(status.report.renderedAt).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(Conditions.find(status.conditions, Conditions.REPORT_STORED).orElseThrow())
        .satisfies(c -> assertThat(c.status).isEqualTo("True"))
        .satisfies(c -> assertThat(c.message).contains(name + "-report").contains("/reports/" + WATCHED + "/" + name));

    String version = stored.getMetadata().getResourceVersion();
    assertThat(reports.update(benchmark, status, List.of())).isEmpty();
    assertThat(reportConfigMap(WATCHED).getMetadata().getResourceVersion()).as("the same run is not rendered again")
        .isEqualTo(version);

    status.runId = "rsecond2";
    reports.update(benchmark, status, List.of());
    assertThat(reportConfigMap(WATCHED).getMetadata().getLabels()).containsEntry(LoadJobs.RUN_LABEL, "rsecond2");
    assertThat(status.report.runId).isEqualTo("rsecond2");
  }

  @Test
  void aPageTooLargeForAConfigMapIsGzippedAndServedDecompressed() throws Exception {
    MLBenchmark benchmark = analysed(WATCHED, name, "rlarge01");
    StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body><table>");
    for (int row = 0; page.length() < 1536 * 1024; row++) {
      page.append("<tr><td>level ").append(row).append("</td><td>").append(row * 1.25).append(" ms — ok</td></tr>\n");
    }
    String html = page.append("</table></body></html>").toString();
    MLBenchmarkStatus status = benchmark.getStatus();

    new BenchmarkReports(client, CLOCK, input -> html).update(benchmark, status, List.of());
    storeStatus(benchmark, status);

    ConfigMap stored = reportConfigMap(WATCHED);
    assertThat(stored.getData()).isNullOrEmpty();
    assertThat(stored.getBinaryData()).containsOnlyKeys(StoredReport.GZIP_KEY);
    assertThat(status.report.key).isEqualTo("report.html.gz");
    assertThat(status.report.sizeBytes).isGreaterThan(StoredReport.MAX_PLAIN_BYTES);
    HttpResponse<String> response = get("/reports/" + WATCHED + "/" + name);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(response.body()).isEqualTo(html);

    // the next run's page fits again: it replaces the compressed one instead of sitting beside it
    status.runId = "rsmall02";
    new BenchmarkReports(client, CLOCK, input -> "<html>small</html>").update(benchmark, status, List.of());
    storeStatus(benchmark, status);
    assertThat(reportConfigMap(WATCHED).getBinaryData()).isNullOrEmpty();
    assertThat(get("/reports/" + WATCHED + "/" + name).body()).isEqualTo("<html>small</html>");
  }

  @Test
  void theSeedPapersFiguresArePrintedOnlyForABenchmarkAnnotatedForIt() {
    MLBenchmark plain = analysed(WATCHED, name, "rplain01");
    MLBenchmark paper = analysed(WATCHED, name + "p", "rpaper01");
    paper.getMetadata().setAnnotations(Map.of(BenchmarkReports.PAPER_COMPARISON_ANNOTATION, "true"));
    List<dev.mlbench.analysis.report.ReportInput> inputs = new java.util.ArrayList<>();
    BenchmarkReports capturing = new BenchmarkReports(client, CLOCK, input -> {
      inputs.add(input);
      return "<html/>";
    });

    capturing.update(plain, plain.getStatus(), List.of());
    capturing.update(paper, paper.getStatus(), List.of());

    assertThat(inputs).extracting(i -> i.name() + "=" + i.paperComparison()).containsExactly(name + "=false", name + "p=true");
    assertThat(inputs.get(0).namespace()).isEqualTo(WATCHED);
    assertThat(inputs.get(0).spec().models).extracting(m -> m.name).containsExactly("orientation", "sentiment");
  }

  @Test
  void aReportThatCannotBeRenderedKeepsTheResultsAndSaysWhy() {
    MLBenchmark benchmark = analysed(WATCHED, name, "rfail001");
    MLBenchmarkStatus status = benchmark.getStatus();
    BenchmarkReports failing = new BenchmarkReports(client, CLOCK, input -> {
      throw new IllegalStateException("no chart for a model without targets");
    });

    assertThat(failing.update(benchmark, status, List.of())).as("not tried again: the same run renders the same").isEmpty();

    assertThat(status.summary.fastest).isEqualTo("container");
    assertThat(Conditions.isTrue(status.conditions, Conditions.ANALYZED)).isTrue();
    assertThat(status.report.configMap).isNull();
    assertThat(status.report.message).contains("could not be rendered").contains("no chart for a model without targets");
    assertThat(Conditions.find(status.conditions, Conditions.REPORT_STORED).orElseThrow())
        .satisfies(c -> assertThat(c.status).isEqualTo("False"))
        .satisfies(c -> assertThat(c.reason).isEqualTo("RenderFailed"));
    assertThat(BenchmarkReports.due(status)).isFalse();
    assertThat(client.configMaps().inNamespace(WATCHED).withName(name + "-report").get()).isNull();
  }

  @Test
  void aConfigMapOfTheSameNameThatIsNotTheBenchmarksIsLeftAlone() {
    MLBenchmark benchmark = analysed(WATCHED, name, "rtaken01");
    client.configMaps().inNamespace(WATCHED).resource(new ConfigMapBuilder().withNewMetadata().withName(name + "-report")
        .endMetadata().withData(Map.of("mine", "keep me")).build()).create();
    MLBenchmarkStatus status = benchmark.getStatus();

    assertThat(new BenchmarkReports(client, CLOCK).update(benchmark, status, List.of())).hasValue(BenchmarkReports.STORE_RETRY);

    assertThat(reportConfigMap(WATCHED).getData()).isEqualTo(Map.of("mine", "keep me"));
    assertThat(Conditions.find(status.conditions, Conditions.REPORT_STORED).orElseThrow().reason).isEqualTo("NameTaken");
    assertThat(status.report.message).contains("does not belong to this benchmark");
    assertThat(BenchmarkReports.due(status)).as("tried again once the name is free").isTrue();
  }

  @Test
  void theServerAnswersEveryMissingPieceWithAClearStatusAndMessage() throws Exception {
    MLBenchmark measuring = create(WATCHED, name + "m", status(Phase.Measuring, null));
    MLBenchmark done = analysed(ALSO_WATCHED, name, "rserve01");
    new BenchmarkReports(client, CLOCK, input -> "<html>the report</html>").update(done, done.getStatus(), List.of());
    storeStatus(done, done.getStatus());

    HttpResponse<String> ok = get("/reports/" + ALSO_WATCHED + "/" + name);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("<html>the report</html>");
    assertThat(ok.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));

    assertPlain(get("/reports/" + WATCHED + "/nosuchbenchmark"), 404, "There is no MLBenchmark nosuchbenchmark in namespace " + WATCHED);
    assertPlain(get("/reports/" + WATCHED + "/" + measuring.getMetadata().getName()), 404, "has no report yet (phase Measuring)");
    assertPlain(get("/reports/elsewhere/" + name), 404, "Namespace elsewhere is not watched by this operator");
    assertPlain(get("/reports/" + WATCHED + "/Upper"), 400, "The name 'Upper' is not a DNS label");
    assertPlain(get("/reports/bad_ns/" + name), 400, "The namespace 'bad_ns' is not a DNS label");
    assertPlain(get("/reports/" + WATCHED + "/" + "x".repeat(64)), 400, "at most 63 characters");
    assertPlain(get("/reports/" + WATCHED + "/a%2Fb"), 400, "The name 'a/b' is not a DNS label");
    assertPlain(get("/reports/" + WATCHED + "/" + name + "/extra"), 404, "Reports are at /reports/{namespace}/{name}");
    HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/reports/" + ALSO_WATCHED + "/" + name))
        .POST(HttpRequest.BodyPublishers.ofString("x")));
    assertPlain(post, 405, "Only GET");
    assertThat(post.headers().firstValue("Allow")).hasValue("GET");

    HttpResponse<String> index = get("/reports");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("<a href=\"/reports/" + ALSO_WATCHED + "/" + name + "\">report</a>")
        .contains("<td>" + measuring.getMetadata().getName() + "</td><td>Measuring</td><td>not yet</td>");

    client.configMaps().inNamespace(ALSO_WATCHED).withName(name + "-report").delete();
    org.awaitility.Awaitility.await().atMost(OperatorHarness.TIMEOUT).until(
        () -> client.configMaps().inNamespace(ALSO_WATCHED).withName(name + "-report").get() == null);
    assertPlain(get("/reports/" + ALSO_WATCHED + "/" + name), 404, "ConfigMap " + name + "-report does not exist");
  }

  private void assertPlain(HttpResponse<String> response, int code, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(code);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(response.body()).contains(message);
  }

  private MLBenchmark analysed(String namespace, String benchmarkName, String runId) {
    return create(namespace, benchmarkName, status(Phase.Succeeded, runId));
  }

  private static MLBenchmarkStatus status(Phase phase, String runId) {
    MLBenchmarkStatus status = new MLBenchmarkStatus();
    status.phase = phase;
    status.runId = runId;
    status.observedGeneration = 1L;
    if (phase == Phase.Succeeded) {
      status.conditions.add(new Condition(Conditions.ANALYZED, "True", "Analyzed", "analysed", 1L, "2026-03-01T11:00:00Z"));
      status.summary = new SummaryStatus();
      status.summary.fastest = "container";
      status.summary.cheapest = "vm";
    }
    return status;
  }

  private MLBenchmark create(String namespace, String benchmarkName, MLBenchmarkStatus status) {
    MLBenchmark benchmark = OperatorHarness.shortQuickstart(namespace);
    benchmark.getMetadata().setName(benchmarkName);
    MLBenchmark created = client.resource(benchmark).create();
    storeStatus(created, status);
    return client.resources(MLBenchmark.class).inNamespace(namespace).withName(benchmarkName).get();
  }

  private void storeStatus(MLBenchmark benchmark, MLBenchmarkStatus status) {
    MLBenchmark current = client.resources(MLBenchmark.class).inNamespace(benchmark.getMetadata().getNamespace())
        .withName(benchmark.getMetadata().getName()).get();
    current.setStatus(status);
    client.resource(current).updateStatus();
  }

  private ConfigMap reportConfigMap(String namespace) {
    return client.configMaps().inNamespace(namespace).withName(name + "-report").get();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(operatorUrl.toString().replaceAll("/$", "") + path);
  }
}
