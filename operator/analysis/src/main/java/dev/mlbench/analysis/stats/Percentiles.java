package dev.mlbench.analysis.stats;

import java.util.Arrays;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Percentiles of a latency histogram with distribution-free 95 % confidence intervals.
 *
 * <p>The interval is the binomial order-statistic interval: the number of samples at or below the true
 * p-quantile is Binomial(n, p), so the sorted samples of ranks {@code l} and {@code u} with
 * {@code P(B < l) < 2.5 %} and {@code P(B >= u) < 2.5 %} bracket it with at least 95 % probability. The
 * ranks come from the exact binomial distribution. A histogram keeps each value only to its bucket, so the
 * lower bound is the lowest value of the bucket of rank {@code l} and the upper bound the highest value of
 * the bucket of rank {@code u}: the interval contains the one the raw samples would give.
 *
 * <p>A percentile is estimated only from at least {@link #MIN_SAMPLES_BEYOND} samples beyond it (above it
 * for upper percentiles, below for lower ones): a p99.9 needs 10,000 samples, a p99 1,000, a p50 20.
 */
public final class Percentiles {

  /** Confidence level of the intervals. */
  public static final double CONFIDENCE = 0.95;

  /** Samples that must lie beyond a percentile for it to be estimated. */
  public static final int MIN_SAMPLES_BEYOND = 10;

  private Percentiles() {
  }

  /**
   * Estimates one percentile.
   *
   * @param histogram recorded values, e.g. latencies in microseconds
   * @param percentile strictly between 0 and 100, e.g. 99.9
   */
  public static PercentileEstimate estimate(AbstractHistogram histogram, double percentile) {
    if (!(percentile > 0 && percentile < 100)) {
      throw new IllegalArgumentException("percentile must be strictly between 0 and 100, was " + percentile);
    }
    long samples = histogram.getTotalCount();
    long required = requiredSamples(percentile);
    if (samples < required) {
      return PercentileEstimate.insufficient(percentile, samples, "insufficient samples: " + label(percentile)
          + " needs at least " + required + " so that " + MIN_SAMPLES_BEYOND + " lie beyond it, have " + samples);
    }
    if (samples > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " samples: " + samples);
    }
    BinomialDistribution atOrBelow = new BinomialDistribution(null, (int) samples, percentile / 100);
    double alpha = 1 - CONFIDENCE;
    long lowerRank = Math.max(1, atOrBelow.inverseCumulativeProbability(alpha / 2));
    long upperRank = Math.min(samples, atOrBelow.inverseCumulativeProbability(1 - alpha / 2) + 1L);
    long[] bucketBounds = bucketBoundsAtRanks(histogram, lowerRank, upperRank);
    return new PercentileEstimate(percentile, samples, histogram.getValueAtPercentile(percentile),
        bucketBounds[0], bucketBounds[1], true, null);
  }

  /** Estimates several percentiles of one histogram, in the order given. */
  public static PercentileEstimate[] estimate(AbstractHistogram histogram, double... percentiles) {
    return Arrays.stream(percentiles).mapToObj(p -> estimate(histogram, p)).toArray(PercentileEstimate[]::new);
  }

  /** Fewest samples from which {@code percentile} is estimated: {@link #MIN_SAMPLES_BEYOND} beyond it. */
  public static long requiredSamples(double percentile) {
    double tailShare = Math.min(percentile, 100 - percentile) / 100;
    // the tolerance keeps 10 / 0.001 = 10000.000000000002 at 10000
    return (long) Math.ceil(MIN_SAMPLES_BEYOND / tailShare - 1e-6);
  }

  /** The lowest value of the bucket of {@code lowerRank} and the highest of the bucket of {@code upperRank}. */
  private static long[] bucketBoundsAtRanks(AbstractHistogram histogram, long lowerRank, long upperRank) {
    long[] bounds = new long[2];
    boolean lowerFound = false;
    long cumulative = 0;
    for (HistogramIterationValue bucket : histogram.recordedValues()) {
      cumulative += bucket.getCountAtValueIteratedTo();
      if (!lowerFound && cumulative >= lowerRank) {
        bounds[0] = histogram.lowestEquivalentValue(bucket.getValueIteratedTo());
        lowerFound = true;
      }
      if (cumulative >= upperRank) {
        bounds[1] = histogram.highestEquivalentValue(bucket.getValueIteratedTo());
        break;
      }
    }
    return bounds;
  }

  /** How a percentile is written: p99, p99.9. */
  static String label(double percentile) {
    return "p" + (percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile));
  }
}
