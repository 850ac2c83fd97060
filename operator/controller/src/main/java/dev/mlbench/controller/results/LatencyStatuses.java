package dev.mlbench.controller.results;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.AbstractHistogram;

import dev.mlbench.analysis.stats.PercentileEstimate;
import dev.mlbench.analysis.stats.Percentiles;
import dev.mlbench.api.v1alpha1.Interval;
import dev.mlbench.api.v1alpha1.LatencyIntervals;
import dev.mlbench.api.v1alpha1.LatencyStatus;

/**
 * A latency histogram (microseconds) as the status reports it, in milliseconds: mean, max, and each percentile with its
 * 95 % confidence interval, or, without enough samples for the minimum-sample rule, named as insufficient instead.
 */
public final class LatencyStatuses {

  private LatencyStatuses() {
  }

  public static LatencyStatus of(AbstractHistogram micros) {
    LatencyStatus latency = new LatencyStatus();
    long samples = micros.getTotalCount();
    latency.samples = samples;
    latency.mean = samples == 0 ? 0 : ms(micros.getMean());
    latency.max = samples == 0 ? 0 : ms(micros.getMaxValue());
    latency.ci95 = new LatencyIntervals();
    List<String> insufficient = new ArrayList<>();
    PercentileEstimate p50 = Percentiles.estimate(micros, 50);
    PercentileEstimate p90 = Percentiles.estimate(micros, 90);
    PercentileEstimate p95 = Percentiles.estimate(micros, 95);
    PercentileEstimate p99 = Percentiles.estimate(micros, 99);
    PercentileEstimate p999 = Percentiles.estimate(micros, 99.9);
    latency.p50 = value(p50, insufficient);
    latency.ci95.p50 = interval(p50);
    latency.p90 = value(p90, insufficient);
    latency.ci95.p90 = interval(p90);
    latency.p95 = value(p95, insufficient);
    latency.ci95.p95 = interval(p95);
    latency.p99 = value(p99, insufficient);
    latency.ci95.p99 = interval(p99);
    latency.p999 = value(p999, insufficient);
    latency.ci95.p999 = interval(p999);
    latency.insufficientSamples = insufficient.isEmpty() ? null : insufficient;
    if (latency.ci95.p50 == null) {
      latency.ci95 = null;
    }
    return latency;
  }

  /** How the status names a percentile: p50, p99.9. */
  public static String label(double percentile) {
    return "p" + (percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile));
  }

  private static Double value(PercentileEstimate estimate, List<String> insufficient) {
    if (!estimate.sufficient()) {
      insufficient.add(label(estimate.percentile()));
      return null;
    }
    return ms(estimate.value());
  }

  private static Interval interval(PercentileEstimate estimate) {
    return estimate.sufficient() ? new Interval(ms(estimate.lower()), ms(estimate.upper())) : null;
  }

  private static double ms(double micros) {
    return Math.round(micros) / 1000.0;
  }
}
