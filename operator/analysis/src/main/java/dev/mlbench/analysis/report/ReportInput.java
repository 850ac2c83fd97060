package dev.mlbench.analysis.report;

import java.util.Map;

import org.HdrHistogram.Histogram;

import dev.mlbench.api.v1alpha1.MLBenchmarkSpec;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;

/**
 * Everything the report shows.
 *
 * @param histograms merged latency histograms in microseconds, keyed {@code model/target/scenario} (target as in the CR,
 *     e.g. {@code serverless}); may be empty
 * @param paperComparison whether to print the seed paper's values beside the measured ones
 */
public record ReportInput(String name, String namespace, MLBenchmarkSpec spec, MLBenchmarkStatus status,
    Map<String, Histogram> histograms, boolean paperComparison) {

  public ReportInput {
    spec = spec == null ? new MLBenchmarkSpec() : spec;
    status = status == null ? new MLBenchmarkStatus() : status;
    histograms = histograms == null ? Map.of() : Map.copyOf(histograms);
  }

  public static String histogramKey(String model, String target, String scenario) {
    return model + "/" + target + "/" + scenario;
  }
}
