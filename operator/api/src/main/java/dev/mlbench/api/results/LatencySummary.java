package dev.mlbench.api.results;

import org.HdrHistogram.AbstractHistogram;

/**
 * Latency percentiles of successful requests, in microseconds, read from an HdrHistogram (values are
 * exact to its three significant digits).
 */
public record LatencySummary(
    long count,
    double meanMicros,
    long p50Micros,
    long p90Micros,
    long p95Micros,
    long p99Micros,
    long p999Micros,
    long maxMicros) {

  public static LatencySummary of(AbstractHistogram histogramMicros) {
    if (histogramMicros.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
    }
    return new LatencySummary(
        histogramMicros.getTotalCount(),
        histogramMicros.getMean(),
        histogramMicros.getValueAtPercentile(50),
        histogramMicros.getValueAtPercentile(90),
        histogramMicros.getValueAtPercentile(95),
        histogramMicros.getValueAtPercentile(99),
        histogramMicros.getValueAtPercentile(99.9),
        histogramMicros.getMaxValue());
  }
}
