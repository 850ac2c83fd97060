package dev.mlbench.analysis.cost;

import java.util.function.DoubleUnaryOperator;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Measured time one request occupies a function, as a weighted set of values in milliseconds. Billing
 * rounds each request, so the billed mean is taken over the distribution, not from the mean.
 */
public final class ServiceTime {

  private final double[] millis;
  private final double[] weights;
  private final double totalWeight;

  private ServiceTime(double[] millis, double[] weights) {
    double total = 0;
    for (int i = 0; i < millis.length; i++) {
      if (!(millis[i] >= 0) || !(weights[i] >= 0)) {
        throw new IllegalArgumentException("service times and their weights must be 0 or more");
      }
      total += weights[i];
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("a service time needs at least one value");
    }
    this.millis = millis;
    this.weights = weights;
    this.totalWeight = total;
  }

  /** Every request takes {@code millis}. */
  public static ServiceTime of(double millis) {
    return new ServiceTime(new double[] {millis}, new double[] {1});
  }

  /** The distribution of a histogram recorded in microseconds, as the result contract's histograms are. */
  public static ServiceTime fromMicrosecondHistogram(AbstractHistogram histogram) {
    int buckets = 0;
    for (HistogramIterationValue ignored : histogram.recordedValues()) {
      buckets++;
    }
    double[] millis = new double[buckets];
    double[] weights = new double[buckets];
    int i = 0;
    for (HistogramIterationValue value : histogram.recordedValues()) {
      millis[i] = histogram.medianEquivalentValue(value.getValueIteratedTo()) / 1000.0;
      weights[i] = value.getCountAtValueIteratedTo();
      i++;
    }
    return new ServiceTime(millis, weights);
  }

  public double meanMillis() {
    return mean(DoubleUnaryOperator.identity());
  }

  /** The mean of {@code billing} applied to each request's time. */
  public double mean(DoubleUnaryOperator billing) {
    double sum = 0;
    for (int i = 0; i < millis.length; i++) {
      sum += billing.applyAsDouble(millis[i]) * weights[i];
    }
    return sum / totalWeight;
  }
}
