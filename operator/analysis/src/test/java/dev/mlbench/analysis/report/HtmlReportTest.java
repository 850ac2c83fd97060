package dev.mlbench.analysis.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.mlbench.api.v1alpha1.Interval;
import dev.mlbench.api.v1alpha1.LatencyIntervals;
import dev.mlbench.api.v1alpha1.LatencyStatus;
import dev.mlbench.api.v1alpha1.MLBenchmarkSpec;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TargetState;
import dev.mlbench.api.v1alpha1.TargetStatus;

class HtmlReportTest {

  private static final List<String> CHART_KINDS = List.of("latency", "throughput", "cdf", "coldstart", "cost", "breakeven");
  private static final List<String> TABLE_IDS = List.of("table-summary", "table-latency", "table-targets", "table-1", "table-2", "table-3");

  @Test
  void rendersWellFormedXhtmlWithEveryChartAndTable() throws Exception {
    MLBenchmarkStatus status = ReportFixtures.status();
    String html = HtmlReport.render(new ReportInput("bench", "ml", ReportFixtures.spec(), status, ReportFixtures.histograms(status), false));

    Document document = parse(html);
    List<String> ids = ids(document);
    for (String model : ReportFixtures.MODELS) {
      for (String kind : CHART_KINDS) {
        String id = "chart-" + kind + "-" + model;
        assertTrue(ids.contains(id), id + " missing");
        assertEquals("svg", element(document, id).getLocalName(), id + " should be drawn, not a no-data note");
      }
    }
    assertTrue(ids.containsAll(TABLE_IDS), "tables missing from " + ids);
    assertEquals(ids.size(), ids.stream().distinct().count(), "ids must be unique");
    assertFalse(html.contains("<script"), "the report needs no scripts");
    assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "the report loads nothing from outside");
    assertFalse(html.contains("No data"), "a complete benchmark has data everywhere");
    assertTrue(html.contains("run-7f3a") && html.contains("2026-11-28T05:12:31Z") && html.contains("cluster"));
  }

  @Test
  void drawsEachTargetsP50AndP99AcrossTheSweepLevels() throws Exception {
    MLBenchmarkStatus status = ReportFixtures.status();
    Document document = parse(HtmlReport.render(new ReportInput("bench", "ml", ReportFixtures.spec(), status, Map.of(), false)));

    Element latency = element(document, "chart-latency-resnet");
    NodeList lines = latency.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline");
    assertEquals(6, lines.getLength(), "p50 and p99 for three targets");
    for (int i = 0; i < lines.getLength(); i++) {
      assertEquals(3, ((Element) lines.item(i)).getAttribute("points").trim().split(" ").length, "one point per concurrency level");
    }
    String breakEven = element(document, "chart-breakeven-resnet").getTextContent();
    assertTrue(breakEven.contains("break-even vs container at 2.09M requests/day (95 % band 1.9M–2.3M)"), breakEven);
    assertTrue(breakEven.contains("break-even vs VM at 3.19M requests/day"), breakEven);
  }

  @Test
  void printsThePapersNumbersBesideTheMeasuredOnlyWhenAsked() throws Exception {
    MLBenchmarkStatus status = ReportFixtures.status();
    Document withPaper = parse(HtmlReport.render(new ReportInput("bench", "ml", ReportFixtures.spec(), status, Map.of(), true)));
    String table1 = element(withPaper, "table-1").getTextContent();
    assertTrue(table1.contains("120") && table1.contains("150") && table1.contains("180"), "image classification: " + table1);
    assertTrue(table1.contains("Serverless (paper)"));
    String table2 = element(withPaper, "table-2").getTextContent();
    assertTrue(table2.contains("65 / 75") && table2.contains("50 / 80") && table2.contains("30 / 70"), table2);
    String table3 = element(withPaper, "table-3").getTextContent();
    for (String paper : List.of("$14,000", "$18,000", "$24,000", "$8,000", "$10,000", "$12,000", "$3,000", "$5,000", "$8,000",
        "$25,000", "$33,000", "$44,000")) {
      assertTrue(table3.contains(paper), paper + " missing from " + table3);
    }

    String without = HtmlReport.render(new ReportInput("bench", "ml", ReportFixtures.spec(), status, Map.of(), false));
    assertFalse(without.contains("(paper)"));
    assertFalse(without.contains("$44,000"));
  }

  @Test
  void showsEachPercentileWithItsIntervalAndNamesThoseWithTooFewSamples() throws Exception {
    MLBenchmarkStatus status = ReportFixtures.status();
    ScenarioStatus steady = status.targets.get(0).scenarios.get(0);
    LatencyStatus small = new LatencyStatus();
    small.samples = 200L;
    small.mean = 12.6;
    small.p50 = 12.3;
    small.p90 = 15.04;
    small.p95 = 16.0;
    small.max = 31.0;
    small.ci95 = new LatencyIntervals();
    small.ci95.p50 = new Interval(11.9, 12.8);
    small.ci95.p90 = new Interval(14.2, 15.9);
    small.ci95.p95 = new Interval(15.1, 19.0);
    small.insufficientSamples = List.of("p99", "p99.9");
    steady.latency = small;
    Document document = parse(HtmlReport.render(new ReportInput("bench", "ml", ReportFixtures.spec(), status, Map.of(), false)));

    Element table = element(document, "table-latency");
    Element row = (Element) table.getElementsByTagName("tr").item(1);
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < row.getElementsByTagName("td").getLength(); i++) {
      cells.add(row.getElementsByTagName("td").item(i).getTextContent());
    }
    assertEquals(List.of(status.targets.get(0).model, "Serverless", steady.name, "200", "12.6", "12.3 [11.9, 12.8]", "15.0 [14.2, 15.9]",
        "16.0 [15.1, 19.0]", "insufficient samples", "insufficient samples", "31.0"), cells);
  }

  @Test
  void computesTheOneYearTcoFromMonthlyCostAndTheSpecsHours() throws Exception {
    MLBenchmarkSpec spec = ReportFixtures.spec();
    spec.cost.tco.hourlyRate = 150;
    spec.cost.tco.development.container = 40;
    spec.cost.tco.operations.vm = 10;
    MLBenchmarkStatus status = ReportFixtures.status();
    String table3 = element(parse(HtmlReport.render(new ReportInput("bench", "ml", spec, status, Map.of(), false))), "table-3").getTextContent();

    // serverless: two models × 12 × $44.50
    assertTrue(table3.contains("$1,068.00"), table3);
    // container development: 40 h × $150; VM operations: 10 h × 12 × $150
    assertTrue(table3.contains("$6,000.00"), table3);
    assertTrue(table3.contains("$18,000.00"), table3);
  }

  @Test
  void escapesEverythingThatComesFromTheResource() throws Exception {
    MLBenchmarkStatus status = ReportFixtures.status();
    TargetStatus vm = status.targets.stream().filter(t -> t.target == TargetKind.VM).findFirst().orElseThrow();
    vm.state = TargetState.Failed;
    vm.message = "<script>alert('pwned')</script> & \"quotes\"";
    vm.scenarios.get(0).message = "<img src=x onerror=alert(1)>";
    String html = HtmlReport.render(new ReportInput("bench<b>", "ns&co", ReportFixtures.spec(), status, Map.of(), false));

    assertFalse(html.contains("<script"), "the hostile message must not become markup");
    assertFalse(html.contains("<img"));
    assertFalse(html.contains("<b>"));
    assertTrue(html.contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"));
    Document document = parse(html);
    assertTrue(element(document, "table-targets").getTextContent().contains("<script>alert('pwned')</script>"));
    assertTrue(document.getElementsByTagName("title").item(0).getTextContent().contains("bench<b>"));
  }

  @Test
  void rendersMissingDataWithReadableNotes() throws Exception {
    MLBenchmarkStatus status = ReportFixtures.status();
    for (TargetStatus target : status.targets) {
      // no sweep anywhere
      target.scenarios = new ArrayList<>(target.scenarios.subList(0, 1));
    }
    TargetStatus failed = status.targets.stream().filter(t -> "distilbert".equals(t.model) && t.target == TargetKind.SERVERLESS)
        .findFirst().orElseThrow();
    failed.state = TargetState.Failed;
    failed.message = "revision failed: ImagePullBackOff";
    failed.scenarios = null;
    failed.coldStart = null;
    failed.cost = null;
    status.summary.models.remove(1);

    Document document = parse(HtmlReport.render(new ReportInput("bench", "ml", ReportFixtures.spec(), status, Map.of(), true)));

    for (String model : ReportFixtures.MODELS) {
      for (String kind : List.of("latency", "throughput")) {
        Element chart = element(document, "chart-" + kind + "-" + model);
        assertEquals("div", chart.getLocalName());
        assertTrue(chart.getTextContent().contains("No data: no closed-loop concurrency sweep was measured."), chart.getTextContent());
      }
    }
    assertTrue(element(document, "chart-cdf-resnet").getTextContent().contains("No data: no latency histogram was stored"));
    assertTrue(element(document, "chart-breakeven-distilbert").getTextContent().contains("No data"));
    assertEquals("svg", element(document, "chart-cost-distilbert").getLocalName(), "the container and VM are still priced");
    assertTrue(element(document, "table-targets").getTextContent().contains("revision failed: ImagePullBackOff"));
  }

  @Test
  void rendersAnEmptyBenchmark() throws Exception {
    String html = assertDoesNotThrow(() -> HtmlReport.render(new ReportInput(null, null, null, null, null, true)));
    Document document = parse(html);
    List<String> ids = ids(document);
    assertTrue(ids.containsAll(TABLE_IDS), ids.toString());
    assertTrue(html.contains("No data: the benchmark has not been analysed yet."));
    assertTrue(html.contains("No data: the benchmark has no models."));

    MLBenchmarkStatus pending = new MLBenchmarkStatus();
    pending.targets.add(null);
    assertNotNull(parse(HtmlReport.render(new ReportInput("b", "n", ReportFixtures.spec(), pending, Map.of(), false))));
  }

  static Document parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> ids(Document document) {
    List<String> ids = new ArrayList<>();
    NodeList all = document.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      String id = ((Element) all.item(i)).getAttribute("id");
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static Element element(Document document, String id) {
    NodeList all = document.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (id.equals(element.getAttribute("id"))) {
        return element;
      }
    }
    throw new AssertionError("no element with id " + id);
  }
}
