package dev.mlbench.analysis.stats;

import java.util.Arrays;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Mann-Whitney U test computed from two latency histograms, which hold counts per bucket rather than
 * raw samples.
 *
 * <p>Samples in the same bucket (the same highest equivalent value) are ties. U is counted exactly from the
 * bucket counts in one merged pass over both histograms, so the test costs the number of buckets, not of
 * samples, and works for millions of requests. The p-value is the normal approximation that commons-math's
 * {@code MannWhitneyUTest} uses, with the variance corrected for ties, which bucketing makes common:
 * {@code Var U = n1 n2 / 12 * ((n + 1) - sum(t^3 - t) / (n (n - 1)))}. Without ties it equals
 * commons-math's p-value on the same samples; with ties it is the tie-corrected value that, for example,
 * SciPy's {@code mannwhitneyu(method="asymptotic", use_continuity=False)} gives.
 */
public final class MannWhitney {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private MannWhitney() {
  }

  /** Tests whether the latencies recorded in {@code first} and {@code second} come from one distribution. */
  public static MannWhitneyResult test(AbstractHistogram first, AbstractHistogram second) {
    long n1 = first.getTotalCount();
    long n2 = second.getTotalCount();
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException("both histograms need samples, have " + n1 + " and " + n2);
    }
    long[][] firstBuckets = buckets(first);
    long[][] secondBuckets = buckets(second);
    long[] firstValues = firstBuckets[0];
    long[] firstCounts = firstBuckets[1];
    long[] secondValues = secondBuckets[0];
    long[] secondCounts = secondBuckets[1];

    double twiceU = 0;
    double tieCubes = 0;
    long secondBelow = 0;
    int i = 0;
    int j = 0;
    while (i < firstValues.length || j < secondValues.length) {
      long value = Math.min(i < firstValues.length ? firstValues[i] : Long.MAX_VALUE,
          j < secondValues.length ? secondValues[j] : Long.MAX_VALUE);
      long a = i < firstValues.length && firstValues[i] == value ? firstCounts[i++] : 0;
      long b = j < secondValues.length && secondValues[j] == value ? secondCounts[j++] : 0;
      twiceU += (double) a * (2 * secondBelow + b);
      double tied = a + b;
      tieCubes += tied * tied * tied - tied;
      secondBelow += b;
    }
    double u = twiceU / 2;
    double n = (double) n1 + n2;
    double variance = (double) n1 * n2 / 12 * ((n + 1) - tieCubes / (n * (n - 1)));
    if (variance <= 0) {
      return new MannWhitneyResult(n1, n2, u, 0, 1);
    }
    double z = (u - (double) n1 * n2 / 2) / Math.sqrt(variance);
    double pValue = Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    return new MannWhitneyResult(n1, n2, u, z, pValue);
  }

  private static long[][] buckets(AbstractHistogram histogram) {
    int size = 0;
    long[] values = new long[64];
    long[] counts = new long[64];
    for (HistogramIterationValue bucket : histogram.recordedValues()) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
        counts = Arrays.copyOf(counts, size * 2);
      }
      values[size] = bucket.getValueIteratedTo();
      counts[size] = bucket.getCountAtValueIteratedTo();
      size++;
    }
    return new long[][] {Arrays.copyOf(values, size), Arrays.copyOf(counts, size)};
  }
}
