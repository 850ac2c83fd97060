package dev.mlbench.analysis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class EmpiricalDurationsTest {

  @Test
  void drawsFromAHistogramFollowItsDistribution() {
    SplittableRandom random = new SplittableRandom(4);
    Histogram measured = new Histogram(3);
    for (int i = 0; i < 100_000; i++) {
      measured.recordValue(20_000 + Math.round(-Math.log(1 - random.nextDouble()) * 80_000));
    }
    EmpiricalDurations durations = EmpiricalDurations.fromHistogram(measured);

    Histogram drawn = new Histogram(3);
    for (int i = 0; i < 200_000; i++) {
      drawn.recordValue(durations.drawMicros(random));
    }

    assertEquals(measured.getMean(), durations.meanMicros(), measured.getMean() * 1e-3);
    assertEquals(measured.getMean(), drawn.getMean(), measured.getMean() * 0.01);
    for (double percentile : new double[] {10, 50, 90, 99}) {
      double expected = measured.getValueAtPercentile(percentile);
      assertEquals(expected, drawn.getValueAtPercentile(percentile), expected * 0.02, "p" + percentile);
    }
    assertTrue(drawn.getMinValue() >= measured.lowestEquivalentValue(measured.getMinValue()));
  }

  @Test
  void coldStartsAreDrawnFromTheMeasuredTotalsOnly() {
    EmpiricalDurations coldStarts = EmpiricalDurations.ofMillis(List.of(1_500.0, 2_000.0, 4_250.5));
    SplittableRandom random = new SplittableRandom(8);
    int[] seen = new int[3];
    for (int i = 0; i < 30_000; i++) {
      long micros = coldStarts.drawMicros(random);
      assertTrue(Set.of(1_500_000L, 2_000_000L, 4_250_500L).contains(micros), "" + micros);
      seen[micros == 1_500_000L ? 0 : micros == 2_000_000L ? 1 : 2]++;
    }
    for (int count : seen) {
      assertEquals(10_000, count, 5 * Math.sqrt(10_000));
    }
    assertEquals((1_500_000 + 2_000_000 + 4_250_500) / 3.0, coldStarts.meanMicros(), 1e-6);
  }

  @Test
  void anEmptyMeasurementCannotBeDrawnFrom() {
    assertThrows(IllegalArgumentException.class, () -> EmpiricalDurations.ofMillis(List.of()));
    assertThrows(IllegalArgumentException.class, () -> EmpiricalDurations.fromHistogram(new Histogram(3)));
  }
}
