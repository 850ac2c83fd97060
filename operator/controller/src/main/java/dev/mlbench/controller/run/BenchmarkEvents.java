package dev.mlbench.controller.run;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Kubernetes Events on a benchmark at each stage of a run, for `kubectl describe` and event exporters. */
public final class BenchmarkEvents {

  private final KubernetesClient client;

  public BenchmarkEvents(KubernetesClient client) {
    this.client = client;
  }

  public void normal(MLBenchmark benchmark, String reason, String message) {
    emit(benchmark, "Normal", reason, message);
  }

  public void warning(MLBenchmark benchmark, String reason, String message) {
    emit(benchmark, "Warning", reason, message);
  }

  private void emit(MLBenchmark benchmark, String type, String reason, String message) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    var event = new EventBuilder()
        .withNewMetadata()
        .withGenerateName(benchmark.getMetadata().getName() + ".")
        .withNamespace(benchmark.getMetadata().getNamespace())
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion(benchmark.getApiVersion())
        .withKind(benchmark.getKind())
        .withName(benchmark.getMetadata().getName())
        .withNamespace(benchmark.getMetadata().getNamespace())
        .withUid(benchmark.getMetadata().getUid())
        .endInvolvedObject()
        .withType(type)
        .withReason(reason)
        .withMessage(message.length() > 1000 ? message.substring(0, 1000) : message)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .withNewSource().withComponent("mlbench-operator").endSource()
        .build();
    try {
      client.v1().events().inNamespace(benchmark.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      // an event is a courtesy: failing to record one must not fail the reconciliation
    }
  }
}
