package dev.mlbench.analysis.stats;

import org.HdrHistogram.AbstractHistogram;

/**
 * One level of a closed-loop concurrency sweep, all load pods together.
 *
 * @param concurrency requests held in flight
 * @param throughputPerSecond successful responses per second
 * @param latencyMicros latencies of the level's successful requests, in microseconds
 */
public record ScalabilityLevel(int concurrency, double throughputPerSecond, AbstractHistogram latencyMicros) {

  public ScalabilityLevel {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
  }

  /** Median latency in microseconds. */
  public long p50Micros() {
    return latencyMicros.getValueAtPercentile(50);
  }
}
