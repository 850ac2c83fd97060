package dev.mlbench.analysis.report;

import java.util.Map;

import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.Workload;

/** The seed paper's Tables 1–3 (REFERENCE §5), in the order serverless, container, VM. */
final class PaperReference {

  /** Table 1: average latency in ms per workload. */
  static final Map<Workload, double[]> AVERAGE_LATENCY_MS = Map.of(
      Workload.IMAGE_CLASSIFICATION, new double[] {120, 150, 180},
      Workload.SENTIMENT, new double[] {80, 100, 130},
      Workload.TIMESERIES, new double[] {150, 170, 200},
      Workload.RECOMMENDATION, new double[] {100, 130, 160});

  /** Table 2 (NLP sentiment): CPU % and memory %. */
  static final double[] CPU_PERCENT = {65, 50, 30};
  static final double[] MEMORY_PERCENT = {75, 80, 70};

  /** Table 3 (recommendation), 1-year TCO in US dollars. */
  static final double[] CLOUD = {14_000, 18_000, 24_000};
  static final double[] DEVELOPMENT = {8_000, 10_000, 12_000};
  static final double[] OPERATIONS = {3_000, 5_000, 8_000};
  static final double[] TOTAL = {25_000, 33_000, 44_000};

  private PaperReference() {
  }

  static double of(double[] values, TargetKind target) {
    return values[target.ordinal()];
  }
}
