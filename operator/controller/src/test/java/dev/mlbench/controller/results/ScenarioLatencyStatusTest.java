package dev.mlbench.controller.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import dev.mlbench.api.results.ErrorCounts;
import dev.mlbench.api.results.HistogramCodec;
import dev.mlbench.api.results.LatencySummary;
import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.LoopKind;
import dev.mlbench.api.results.PhaseResult;
import dev.mlbench.api.results.ResultMode;
import dev.mlbench.api.v1alpha1.LatencyStatus;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.ScenarioSpec;
import dev.mlbench.api.v1alpha1.ScenarioStatus;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.Workload;
import dev.mlbench.controller.run.Lane;
import dev.mlbench.controller.run.Step;
import dev.mlbench.controller.run.StepState;

/** How measured latencies reach the status: each percentile with its 95 % interval, or named as having too few samples. */
class ScenarioLatencyStatusTest {

  @Test
  void twoHundredSamplesGiveAMedianWithAnIntervalAroundTheExactValueAndNoP99OrP999() {
    long[] micros = lognormalMicros(200, 7);
    ScenarioStatus status = ScenarioStatuses.of(finished(open(micros)), lane());
    LatencyStatus latency = status.latency;

    assertThat(latency.samples).isEqualTo(200);
    assertThat(latency.p999).as("p99.9 needs 10,000 samples").isNull();
    assertThat(latency.p99).as("p99 needs 1,000 samples").isNull();
    assertThat(latency.insufficientSamples).containsExactly("p99", "p99.9");
    assertThat(latency.ci95.p99).isNull();
    assertThat(latency.ci95.p999).isNull();

    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    // the exact median of the raw samples, rank ceil(0.5 × 200) = 100 (1-based)
    double exactMedianMs = sorted[99] / 1000.0;
    assertThat(latency.p50).isNotNull();
    assertThat(latency.ci95.p50.lower).isLessThanOrEqualTo(exactMedianMs).isLessThanOrEqualTo(latency.p50 + 0.01);
    assertThat(latency.ci95.p50.upper).isGreaterThanOrEqualTo(exactMedianMs).isGreaterThanOrEqualTo(latency.p50);
    assertThat(latency.ci95.p50.upper).as("the interval is an interval, not the whole range")
        .isLessThan(sorted[sorted.length - 1] / 1000.0);
    // p95 needs 10 / 0.05 = 200 samples: exactly enough
    double exactP95Ms = sorted[189] / 1000.0;
    assertThat(latency.p95).isNotNull();
    assertThat(latency.ci95.p95.lower).isLessThanOrEqualTo(exactP95Ms);
    assertThat(latency.ci95.p95.upper).isGreaterThanOrEqualTo(exactP95Ms);
    assertThat(latency.mean).isPositive();
    assertThat(latency.max).isEqualTo(new Histogram(3).highestEquivalentValue(sorted[199]) / 1000.0, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void eachConcurrencyLevelCarriesItsOwnIntervalsAndInsufficientPercentiles() {
    PhaseResult busy = closed(4, lognormalMicros(5_000, 11));
    PhaseResult sparse = closed(1, lognormalMicros(15, 13));
    ScenarioStatus status = ScenarioStatuses.of(finished(busy, sparse), lane());

    LatencyStatus four = status.levels.get(0).latency;
    assertThat(four.samples).isEqualTo(5_000);
    assertThat(four.p99).isNotNull();
    assertThat(four.ci95.p99.lower).isLessThanOrEqualTo(four.p99);
    assertThat(four.ci95.p99.upper).isGreaterThanOrEqualTo(four.p99);
    assertThat(four.insufficientSamples).containsExactly("p99.9");

    LatencyStatus one = status.levels.get(1).latency;
    assertThat(one.samples).isEqualTo(15);
    assertThat(one.p50).as("a median needs 20 samples").isNull();
    assertThat(one.ci95).isNull();
    assertThat(one.insufficientSamples).containsExactly("p50", "p90", "p95", "p99", "p99.9");
    assertThat(one.max).isPositive();
  }

  @Test
  void tenThousandSamplesReportEveryPercentile() {
    LatencyStatus latency = LatencyStatuses.of(histogram(lognormalMicros(10_000, 3)));
    assertThat(latency.insufficientSamples).isNull();
    assertThat(latency.p999).isNotNull();
    assertThat(latency.ci95.p999.lower).isLessThanOrEqualTo(latency.p999);
    assertThat(latency.ci95.p999.upper).isGreaterThanOrEqualTo(latency.p999);
    assertThat(latency.p50).isLessThan(latency.p90).isLessThan(latency.p999);
  }

  private static long[] lognormalMicros(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] micros = new long[n];
    for (int i = 0; i < n; i++) {
      double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
      micros[i] = Math.round(10_000 * Math.exp(0.5 * gaussian));
    }
    return micros;
  }

  private static Histogram histogram(long[] micros) {
    Histogram histogram = new Histogram(3);
    for (long value : micros) {
      histogram.recordValue(value);
    }
    return histogram;
  }

  private static PhaseResult open(long[] micros) {
    Histogram histogram = histogram(micros);
    return new PhaseResult("open-loop", LoopKind.OPEN_LOOP, null, 20.0, 10_000, micros.length, micros.length, micros.length, 0,
        ErrorCounts.NONE, micros.length / 10.0, micros.length / 10.0, 100L * micros.length, LatencySummary.of(histogram),
        HistogramCodec.encode(histogram));
  }

  private static PhaseResult closed(int concurrency, long[] micros) {
    Histogram histogram = histogram(micros);
    return new PhaseResult("concurrency-" + concurrency, LoopKind.CLOSED_LOOP, concurrency, null, 10_000, micros.length,
        micros.length, micros.length, 0, ErrorCounts.NONE, micros.length / 10.0, micros.length / 10.0, 100L * micros.length,
        LatencySummary.of(histogram), HistogramCodec.encode(histogram));
  }

  private static StepState finished(PhaseResult... phases) {
    ScenarioSpec scenario = new ScenarioSpec();
    scenario.name = "steady";
    scenario.pattern = phases[0].loop() == LoopKind.OPEN_LOOP ? ScenarioSpec.Pattern.CONSTANT : ScenarioSpec.Pattern.CONCURRENCY;
    Step step = new Step(model(), TargetKind.CONTAINER, "steady", scenario, "r1", "job-steady", "steady.json");
    LoadResult result = new LoadResult(1, ResultMode.LOAD, "steady", scenario.pattern.name(), "container", "m", 42L, 0, 1,
        0, 10_000, List.of(phases), null, null, null);
    return new StepState(step, StepState.Phase.Succeeded, result);
  }

  private static Lane lane() {
    return new Lane(model(), TargetKind.CONTAINER, "http://m", true, null, "results", List.of());
  }

  private static ModelSpec model() {
    ModelSpec model = new ModelSpec();
    model.name = "m";
    model.workload = Workload.TIMESERIES;
    return model;
  }
}
