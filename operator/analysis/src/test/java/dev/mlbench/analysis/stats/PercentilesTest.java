package dev.mlbench.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  private static final double MEAN_MICROS = 100_000;

  @Test
  void histogramPercentileMatchesExactSortedPercentileWithinHistogramPrecision() {
    SplittableRandom random = new SplittableRandom(7);
    long[] samples = new long[50_000];
    Histogram histogram = new Histogram(3);
    for (int i = 0; i < samples.length; i++) {
      samples[i] = exponentialMicros(random);
      histogram.recordValue(samples[i]);
    }
    Arrays.sort(samples);
    for (double percentile : new double[] {50, 90, 99, 99.9}) {
      long exact = samples[(int) Math.ceil(percentile / 100 * samples.length) - 1];
      PercentileEstimate estimate = Percentiles.estimate(histogram, percentile);
      assertTrue(estimate.sufficient());
      assertEquals(exact, estimate.value(), histogram.sizeOfEquivalentValueRange(exact), "p" + percentile);
      assertTrue(estimate.lower() <= exact && exact <= estimate.upper(),
          "p" + percentile + " " + exact + " outside [" + estimate.lower() + ", " + estimate.upper() + "]");
    }
  }

  @Test
  void confidenceIntervalsCoverTheTrueQuantileAboutNinetyFivePercentOfTheTime() {
    SplittableRandom random = new SplittableRandom(42);
    int trials = 1000;
    int coveredMedian = 0;
    int coveredP90 = 0;
    double trueMedian = -Math.log(0.5) * MEAN_MICROS;
    double trueP90 = -Math.log(0.1) * MEAN_MICROS;
    for (int trial = 0; trial < trials; trial++) {
      Histogram histogram = new Histogram(3);
      for (int i = 0; i < 500; i++) {
        histogram.recordValue(exponentialMicros(random));
      }
      PercentileEstimate median = Percentiles.estimate(histogram, 50);
      PercentileEstimate p90 = Percentiles.estimate(histogram, 90);
      coveredMedian += median.lower() <= trueMedian && trueMedian <= median.upper() ? 1 : 0;
      coveredP90 += p90.lower() <= trueP90 && trueP90 <= p90.upper() ? 1 : 0;
    }
    assertCoverageNearNinetyFivePercent(coveredMedian / (double) trials, "p50");
    assertCoverageNearNinetyFivePercent(coveredP90 / (double) trials, "p90");
  }

  @Test
  void tailPercentilesNeedTenSamplesBeyondThem() {
    Histogram histogram = new Histogram(3);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      histogram.recordValue(exponentialMicros(random));
    }

    PercentileEstimate p999 = Percentiles.estimate(histogram, 99.9);
    assertFalse(p999.sufficient());
    assertEquals(0, p999.value());
    assertEquals("insufficient samples: p99.9 needs at least 10000 so that 10 lie beyond it, have 200", p999.reason());
    assertFalse(Percentiles.estimate(histogram, 99).sufficient());
    assertTrue(Percentiles.estimate(histogram, 95).sufficient());
    assertEquals(10_000, Percentiles.requiredSamples(99.9));
    assertEquals(1_000, Percentiles.requiredSamples(99));
    assertEquals(20, Percentiles.requiredSamples(50));
    assertEquals(1_000, Percentiles.requiredSamples(1));
  }

  @Test
  void emptyHistogramHasNoPercentiles() {
    PercentileEstimate[] estimates = Percentiles.estimate(new Histogram(3), 50, 99);
    assertFalse(estimates[0].sufficient());
    assertFalse(estimates[1].sufficient());
  }

  @Test
  void intervalIsNarrowerWithMoreSamples() {
    SplittableRandom random = new SplittableRandom(3);
    Histogram small = new Histogram(3);
    Histogram large = new Histogram(3);
    for (int i = 0; i < 100_000; i++) {
      long value = exponentialMicros(random);
      large.recordValue(value);
      if (i < 2_000) {
        small.recordValue(value);
      }
    }
    PercentileEstimate fromSmall = Percentiles.estimate(small, 99);
    PercentileEstimate fromLarge = Percentiles.estimate(large, 99);
    assertTrue(fromLarge.upper() - fromLarge.lower() < (fromSmall.upper() - fromSmall.lower()) / 3.0);
  }

  private static void assertCoverageNearNinetyFivePercent(double coverage, String percentile) {
    assertTrue(coverage >= 0.92 && coverage <= 0.98, percentile + " coverage " + coverage);
  }

  private static long exponentialMicros(SplittableRandom random) {
    return Math.round(-Math.log(1 - random.nextDouble()) * MEAN_MICROS);
  }
}
