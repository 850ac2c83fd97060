package dev.mlbench.controller.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.results.ColdStartResult;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.ResultMode;
import dev.mlbench.api.v1alpha1.ColdStartStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.controller.run.Step;
import dev.mlbench.controller.run.StepState;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

class ColdStartSummaryTest {

  static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  @Test
  void serverlessColdStartsAreSplitByTheServersOwnTimestampsAndTheMedianIsReported() {
    // request at T0; the pod's process starts 800 ms later, the model is ready 1.5 s after that, the answer 40 ms on
    var slow = probe(T0, 2400.0, T0 + 800, T0 + 2300);
    var fast = probe(T0, 1400.0, T0 + 500, T0 + 1300);
    var median = probe(T0, 2000.0, T0 + 700, T0 + 1900);

    ColdStartStatus status = ColdStartSummary.of(TargetKind.SERVERLESS, List.of(slow, fast, median), Optional.empty());

    assertThat(status.state).isEqualTo("Succeeded");
    assertThat(status.samples).isEqualTo(3);
    assertThat(status.p50).isEqualTo(2000.0);
    assertThat(status.max).isEqualTo(2400.0);
    assertThat(status.stages).extracting(s -> s.name).containsExactly("scale-from-zero", "model-load", "first-inference");
    assertThat(status.stages).extracting(s -> s.ms).containsExactly(700.0, 1200.0, 100.0);
  }

  @Test
  void aServerReadyBeforeTheRequestDescribesNoColdStartEvenWithinTheClockSkew() {
    // the server started 990 ms before the request (within the 1 s skew allowed) and was ready 400 ms before it
    var warm = probe(T0, 995.5, T0 - 990, T0 - 400);

    ColdStartStatus status = ColdStartSummary.of(TargetKind.SERVERLESS, List.of(warm), Optional.empty());

    assertThat(status.stages).extracting(s -> s.name).containsExactly("connect", "time-to-first-byte", "response");
    assertThat(status.stages.stream().mapToDouble(s -> s.ms).sum()).isEqualTo(995.5);
  }

  @Test
  void aServerStartSlightlyBeforeTheRequestByItsClockIsStillItsColdStart() {
    // the pod's clock runs 200 ms behind the load pod's: its start looks earlier than the request that caused it
    var skewed = probe(T0, 1500.0, T0 - 200, T0 + 1000);

    ColdStartStatus status = ColdStartSummary.of(TargetKind.SERVERLESS, List.of(skewed), Optional.empty());

    assertThat(status.stages).extracting(s -> s.name).containsExactly("scale-from-zero", "model-load", "first-inference");
    assertThat(status.stages).extracting(s -> s.ms).containsExactly(0.0, 1000.0, 500.0);
  }

  @Test
  void aDeploymentsColdStartIsThePodsHistoryPlusItsFirstInference() {
    Pod pod = pod("2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", "2026-01-01T00:00:03Z", "2026-01-01T00:00:09Z");
    // the process started 500 ms after initialisation, loaded the model in 4 s, readiness saw it 1.5 s later
    var probe = probe(T0 + 60_000, 35.0, T0 + 3500, T0 + 7500);

    ColdStartStatus status = ColdStartSummary.of(TargetKind.CONTAINER, List.of(probe), Optional.of(pod));

    assertThat(status.stages).extracting(s -> s.name)
        .containsExactly("scheduling", "initialisation", "container-start", "model-load", "readiness", "first-inference");
    assertThat(status.stages).extracting(s -> s.ms).containsExactly(1000.0, 2000.0, 500.0, 4000.0, 1500.0, 35.0);
    assertThat(status.p50).isEqualTo(9035.0);
  }

  @Test
  void aFailedProbeIsReportedWithItsReason() {
    var failed = new StepState(step(), StepState.Phase.Failed, new LoadResult(1, ResultMode.COLD_START, "cold-start-1",
        "cold-start", null, "m", null, 0, 1, T0, T0, List.of(), null, "load Job failed: DeadlineExceeded", null));
    ColdStartStatus status = ColdStartSummary.of(TargetKind.SERVERLESS, List.of(failed), Optional.empty());
    assertThat(status.state).isEqualTo("Failed");
    assertThat(status.message).contains("1 of 1 probes failed").contains("DeadlineExceeded");
  }

  static StepState probe(long requestStart, double total, long processStart, long modelReady) {
    var coldStart = new ColdStartResult(requestStart, 1.0, total - 5, total, 200, 300, null, processStart, modelReady);
    return new StepState(step(), StepState.Phase.Succeeded, new LoadResult(1, ResultMode.COLD_START, "cold-start-1",
        "cold-start", "http://x", "m", null, 0, 1, requestStart, requestStart + (long) total, List.of(), coldStart, null, null));
  }

  static Step step() {
    return new Step(null, TargetKind.SERVERLESS, "cold-start-1", null, "r1", "job", "cold-start-1.json");
  }

  static Pod pod(String created, String scheduled, String initialised, String ready) {
    return new PodBuilder()
        .withNewMetadata().withName("p").withCreationTimestamp(created).endMetadata()
        .withNewStatus()
        .addNewCondition().withType("PodScheduled").withStatus("True").withLastTransitionTime(scheduled).endCondition()
        .addNewCondition().withType("Initialized").withStatus("True").withLastTransitionTime(initialised).endCondition()
        .addNewCondition().withType("ContainersReady").withStatus("True").withLastTransitionTime(ready).endCondition()
        .addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime(ready).endCondition()
        .endStatus()
        .build();
  }
}
