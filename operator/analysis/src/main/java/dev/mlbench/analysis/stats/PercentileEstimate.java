package dev.mlbench.analysis.stats;

/**
 * A percentile read from a latency histogram with its confidence interval, in the histogram's unit
 * (microseconds for the result contract).
 *
 * @param percentile the percentile asked for, e.g. 99.9
 * @param samples values recorded in the histogram
 * @param value the histogram's value at the percentile, as {@code LatencySummary} reports it; 0 when not
 *     {@code sufficient}
 * @param lower lower end of the confidence interval; 0 when not {@code sufficient}
 * @param upper upper end of the confidence interval; 0 when not {@code sufficient}
 * @param sufficient whether there were enough samples to estimate this percentile at all
 * @param reason why the estimate is missing; null when {@code sufficient}
 */
public record PercentileEstimate(
    double percentile,
    long samples,
    long value,
    long lower,
    long upper,
    boolean sufficient,
    String reason) {

  static PercentileEstimate insufficient(double percentile, long samples, String reason) {
    return new PercentileEstimate(percentile, samples, 0, 0, 0, false, reason);
  }
}
