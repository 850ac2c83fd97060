package dev.mlbench.controller.report;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;

import dev.mlbench.analysis.report.HtmlReport;
import dev.mlbench.analysis.report.ReportInput;
import dev.mlbench.api.report.StoredReport;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.ReportStatus;
import dev.mlbench.controller.dependent.ChildObjects;
import dev.mlbench.controller.run.LoadJobs;
import dev.mlbench.controller.status.Conditions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;

/**
 * Renders the HTML report of an analysed run and keeps it in a ConfigMap owned by the benchmark, once per run. A
 * report that cannot be rendered is a condition, never a lost result: the status and the results stay as they are.
 */
public final class BenchmarkReports {

  /** Component label of the report ConfigMap. */
  public static final String REPORT = "report";
  /** Annotation that prints the seed paper's figures beside the measured ones (set on examples/paper.yaml). */
  public static final String PAPER_COMPARISON_ANNOTATION = "mlbench.dev/compare-with-paper";
  /** A report the API refused to store is tried again after this long. */
  public static final Duration STORE_RETRY = Duration.ofSeconds(30);

  private static final Logger LOG = Logger.getLogger(BenchmarkReports.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final Function<ReportInput, String> renderer;

  public BenchmarkReports(KubernetesClient client, Clock clock) {
    this(client, clock, HtmlReport::render);
  }

  BenchmarkReports(KubernetesClient client, Clock clock, Function<ReportInput, String> renderer) {
    this.client = client;
    this.clock = clock;
    this.renderer = renderer;
  }

  /** Whether the analysed run in this status has no report yet (a run that failed to render is not tried again). */
  public static boolean due(MLBenchmarkStatus status) {
    return status.runId != null && Conditions.isTrue(status.conditions, Conditions.ANALYZED)
        && (status.report == null || !status.runId.equals(status.report.runId));
  }

  /**
   * Renders and stores the report of the status's run when it has none, and writes where it is into the status.
   *
   * @param results the results ConfigMaps of the benchmark, from which the latency histograms are decoded
   * @return when to try again, if the API refused to store the report
   */
  public Optional<Duration> update(MLBenchmark benchmark, MLBenchmarkStatus status, Collection<ConfigMap> results) {
    if (!due(status)) {
      return Optional.empty();
    }
    String namespace = benchmark.getMetadata().getNamespace();
    String name = benchmark.getMetadata().getName();
    long generation = benchmark.getMetadata().getGeneration() == null ? 0 : benchmark.getMetadata().getGeneration();
    var now = clock.instant();
    ReportStatus report = new ReportStatus();
    StoredReport.Encoded page;
    try {
      page = StoredReport.Encoded.of(renderer.apply(new ReportInput(name, namespace, benchmark.getSpec(), status,
          RunHistograms.of(status.runId, results), paperComparison(benchmark))));
    } catch (RuntimeException e) {
      LOG.warnf(e, "The report of %s/%s run %s cannot be rendered", namespace, name, status.runId);
      // deterministic: the same run renders the same way, so it is not tried again
      report.runId = status.runId;
      report.message = "The report could not be rendered: " + e.getMessage() + ". The results and the status are complete.";
      status.report = report;
      Conditions.set(status.conditions, Conditions.REPORT_STORED, false, "RenderFailed", report.message, generation, now);
      return Optional.empty();
    }
    try {
      ConfigMap existing = client.configMaps().inNamespace(namespace).withName(StoredReport.configMapName(name)).get();
      if (existing != null && !ownedBy(existing, benchmark)) {
        report.message = "ConfigMap " + StoredReport.configMapName(name) + " exists and does not belong to this benchmark:"
            + " the report is not stored until it is renamed or deleted (tried again in " + STORE_RETRY.toSeconds() + " s)";
        status.report = report;
        Conditions.set(status.conditions, Conditions.REPORT_STORED, false, "NameTaken", report.message, generation, now);
        return Optional.of(STORE_RETRY);
      }
      client.configMaps().inNamespace(namespace).resource(configMap(benchmark, status.runId, page))
          .createOr(NonDeletingOperation::update);
    } catch (KubernetesClientException e) {
      LOG.warnf(e, "The report of %s/%s run %s cannot be stored", namespace, name, status.runId);
      report.message = "The report could not be stored (tried again in " + STORE_RETRY.toSeconds() + " s): " + e.getMessage();
      status.report = report;
      Conditions.set(status.conditions, Conditions.REPORT_STORED, false, "StoreFailed", report.message, generation, now);
      return Optional.of(STORE_RETRY);
    }
    report.runId = status.runId;
    report.configMap = StoredReport.configMapName(name);
    report.key = page.key();
    report.url = StoredReport.path(namespace, name);
    report.sizeBytes = page.sizeBytes();
    report.renderedAt = now.truncatedTo(ChronoUnit.SECONDS).toString();
    status.report = report;
    Conditions.set(status.conditions, Conditions.REPORT_STORED, true, "Stored",
        "The HTML report is in ConfigMap " + report.configMap + " (key " + report.key + ") and served at " + report.url,
        generation, now);
    return Optional.empty();
  }

  private static boolean ownedBy(ConfigMap configMap, MLBenchmark benchmark) {
    return configMap.getMetadata().getOwnerReferences() != null && configMap.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> benchmark.getMetadata().getUid() != null && benchmark.getMetadata().getUid().equals(o.getUid()));
  }

  static boolean paperComparison(MLBenchmark benchmark) {
    Map<String, String> annotations = benchmark.getMetadata().getAnnotations();
    return annotations != null && "true".equalsIgnoreCase(annotations.get(PAPER_COMPARISON_ANNOTATION));
  }

  static ConfigMap configMap(MLBenchmark benchmark, String runId, StoredReport.Encoded page) {
    Map<String, String> labels = new HashMap<>();
    labels.put(ChildObjects.MANAGED_BY_LABEL, ChildObjects.MANAGED_BY);
    labels.put(ChildObjects.NAME_LABEL, "mlbench");
    labels.put(ChildObjects.COMPONENT_LABEL, REPORT);
    labels.put(ChildObjects.BENCHMARK_LABEL, benchmark.getMetadata().getName());
    labels.put(LoadJobs.RUN_LABEL, runId);
    ConfigMap configMap = new ConfigMapBuilder()
        .withNewMetadata()
        .withName(StoredReport.configMapName(benchmark.getMetadata().getName()))
        .withNamespace(benchmark.getMetadata().getNamespace())
        .withLabels(labels)
        .endMetadata()
        .withData(page.data().isEmpty() ? null : page.data())
        .withBinaryData(page.binaryData().isEmpty() ? null : page.binaryData())
        .build();
    configMap.addOwnerReference(benchmark);
    return configMap;
  }
}
