package dev.mlbench.analysis.stats;

import org.HdrHistogram.AbstractHistogram;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/** Sample standard deviation divided by the mean: how spread out latencies or cold starts are. */
public final class CoefficientOfVariation {

  private CoefficientOfVariation() {
  }

  /** Of the values in a histogram; 0 with fewer than two samples or a zero mean. */
  public static double of(AbstractHistogram histogram) {
    long n = histogram.getTotalCount();
    double mean = histogram.getMean();
    if (n < 2 || mean == 0) {
      return 0;
    }
    // HdrHistogram gives the population deviation; rescale to the sample one, as for raw values
    double sampleDeviation = histogram.getStdDeviation() * Math.sqrt((double) n / (n - 1));
    return sampleDeviation / mean;
  }

  /** Of raw values, e.g. cold-start totals; 0 with fewer than two values or a zero mean. */
  public static double of(double... values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = new Mean().evaluate(values);
    return mean == 0 ? 0 : new StandardDeviation(true).evaluate(values) / mean;
  }
}
