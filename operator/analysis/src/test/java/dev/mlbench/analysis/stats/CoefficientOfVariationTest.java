package dev.mlbench.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class CoefficientOfVariationTest {

  @Test
  void histogramCoefficientMatchesRawValuesWithinHistogramPrecision() {
    double[] values = new double[1_000];
    Histogram histogram = new Histogram(3);
    for (int i = 0; i < values.length; i++) {
      values[i] = 1_000 + (i * 7919L) % 1_000;
      histogram.recordValue((long) values[i]);
    }
    DescriptiveStatistics reference = new DescriptiveStatistics(values);

    double expected = reference.getStandardDeviation() / reference.getMean();
    assertEquals(expected, CoefficientOfVariation.of(values), 1e-12);
    assertEquals(expected, CoefficientOfVariation.of(histogram), 1e-3);
  }

  @Test
  void constantOrSingleValuesDoNotVary() {
    assertEquals(0, CoefficientOfVariation.of(5.0, 5.0, 5.0));
    assertEquals(0, CoefficientOfVariation.of(5.0));
    assertEquals(0, CoefficientOfVariation.of(new Histogram(3)));
  }
}
