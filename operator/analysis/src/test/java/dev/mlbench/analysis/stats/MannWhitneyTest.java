package dev.mlbench.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.HdrHistogram.Histogram;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

class MannWhitneyTest {

  @Test
  void pValueFromHistogramsEqualsCommonsMathOnTheSameSamplesWithoutTies() {
    // distinct values under 2048 are exact in a 3-digit histogram, so it holds the very same samples
    double[] first = IntStream.range(0, 2_000).filter(v -> v % 3 == 0 || v > 1_500).asDoubleStream().toArray();
    double[] second = IntStream.range(0, 2_000).filter(v -> v % 3 != 0 && v <= 1_500).asDoubleStream().toArray();

    MannWhitneyResult result = MannWhitney.test(histogramOf(first), histogramOf(second));

    MannWhitneyUTest reference = new MannWhitneyUTest();
    double referenceU = reference.mannWhitneyU(first, second);
    assertEquals(referenceU, Math.max(result.u(), (double) first.length * second.length - result.u()), 1e-9);
    assertEquals(reference.mannWhitneyUTest(first, second), result.pValue(), 1e-12);
    assertTrue(result.pValue() < 1e-6, "p " + result.pValue());
  }

  @Test
  void tiedBucketsUseTheTieCorrectedVariance() {
    double[] first = IntStream.range(0, 300).mapToDouble(i -> (i * 37) % 101).toArray();
    double[] second = IntStream.range(0, 250).mapToDouble(i -> (i * 53) % 89 + 20).toArray();

    MannWhitneyResult result = MannWhitney.test(histogramOf(first), histogramOf(second));

    // scipy.stats.mannwhitneyu(first, second, use_continuity=False, method="asymptotic")
    assertEquals(27180.5, result.u(), 1e-9);
    assertEquals(2.680230224575639e-08, result.pValue(), 1e-15);
    assertTrue(result.pValue() < new MannWhitneyUTest().mannWhitneyUTest(first, second));
    assertTrue(result.z() < 0);
    assertTrue(result.probabilityFirstIsSlower() < 0.5);
  }

  @Test
  void samplesOfOneDistributionAreNotSignificantlyDifferent() {
    SplittableRandom random = new SplittableRandom(5);
    Histogram first = new Histogram(3);
    Histogram second = new Histogram(3);
    for (int i = 0; i < 200_000; i++) {
      first.recordValue(80_000 + random.nextLong(40_000));
      second.recordValue(80_000 + random.nextLong(40_000));
    }

    MannWhitneyResult result = MannWhitney.test(first, second);

    assertFalse(result.significantAt(0.01), "p " + result.pValue());
    assertEquals(0.5, result.probabilityFirstIsSlower(), 0.01);
  }

  @Test
  void aSlowerTargetIsSignificantlySlower() {
    SplittableRandom random = new SplittableRandom(6);
    Histogram slower = new Histogram(3);
    Histogram faster = new Histogram(3);
    for (int i = 0; i < 5_000; i++) {
      slower.recordValue(110_000 + random.nextLong(40_000));
      faster.recordValue(100_000 + random.nextLong(40_000));
    }

    MannWhitneyResult result = MannWhitney.test(slower, faster);

    assertTrue(result.significantAt(0.001), "p " + result.pValue());
    assertTrue(result.z() > 0);
    assertTrue(result.probabilityFirstIsSlower() > 0.6);
  }

  @Test
  void identicalSingleBucketHistogramsGiveNoEvidence() {
    Histogram first = new Histogram(3);
    Histogram second = new Histogram(3);
    first.recordValueWithCount(1_000, 50);
    second.recordValueWithCount(1_000, 70);

    MannWhitneyResult result = MannWhitney.test(first, second);

    assertEquals(1.0, result.pValue());
    assertEquals(0.5, result.probabilityFirstIsSlower());
  }

  private static Histogram histogramOf(double[] values) {
    Histogram histogram = new Histogram(3);
    for (double value : values) {
      histogram.recordValue((long) value);
    }
    return histogram;
  }
}
