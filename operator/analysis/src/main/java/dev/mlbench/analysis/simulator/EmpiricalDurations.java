package dev.mlbench.analysis.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A measured duration distribution to draw from: service times from a latency histogram, or cold starts
 * from their measured totals. A histogram bucket is drawn with its recorded frequency and the value
 * uniformly within the bucket, so draws are as precise as the histogram and not stuck on its bucket edges.
 */
public final class EmpiricalDurations {

  private static final int GUIDE_SIZE = 4096;

  private final long[] cumulativeCounts;
  private final long[] lowestMicros;
  private final long[] widthMicros;
  private final int[] guide;
  private final long total;

  private EmpiricalDurations(long[] counts, long[] lowestMicros, long[] widthMicros) {
    if (counts.length == 0) {
      throw new IllegalArgumentException("an empirical distribution needs at least one value");
    }
    this.lowestMicros = lowestMicros;
    this.widthMicros = widthMicros;
    this.cumulativeCounts = new long[counts.length];
    long sum = 0;
    for (int i = 0; i < counts.length; i++) {
      sum += counts[i];
      cumulativeCounts[i] = sum;
    }
    if (sum >= 1L << 50) {
      throw new IllegalArgumentException("too many samples: " + sum);
    }
    this.total = sum;
    // the guide table starts each search near its answer, so a draw costs O(1) on average
    this.guide = new int[GUIDE_SIZE];
    int bucket = 0;
    for (int slot = 0; slot < GUIDE_SIZE; slot++) {
      long firstDrawOfSlot = (slot * total + GUIDE_SIZE - 1) / GUIDE_SIZE;
      while (cumulativeCounts[bucket] <= firstDrawOfSlot && bucket < counts.length - 1) {
        bucket++;
      }
      guide[slot] = bucket;
    }
  }

  /** Service times from a histogram of microseconds, e.g. a decoded {@code PhaseResult} histogram. */
  public static EmpiricalDurations fromHistogram(AbstractHistogram histogramMicros) {
    int size = 0;
    long[] counts = new long[64];
    long[] lowest = new long[64];
    long[] widths = new long[64];
    for (HistogramIterationValue bucket : histogramMicros.recordedValues()) {
      if (size == counts.length) {
        counts = Arrays.copyOf(counts, size * 2);
        lowest = Arrays.copyOf(lowest, size * 2);
        widths = Arrays.copyOf(widths, size * 2);
      }
      long value = bucket.getValueIteratedTo();
      counts[size] = bucket.getCountAtValueIteratedTo();
      lowest[size] = histogramMicros.lowestEquivalentValue(value);
      widths[size] = histogramMicros.sizeOfEquivalentValueRange(value);
      size++;
    }
    return new EmpiricalDurations(Arrays.copyOf(counts, size), Arrays.copyOf(lowest, size), Arrays.copyOf(widths, size));
  }

  /** Each of the measured durations, in milliseconds, equally likely (e.g. cold-start totals). */
  public static EmpiricalDurations ofMillis(List<Double> millis) {
    long[] counts = new long[millis.size()];
    long[] lowest = new long[millis.size()];
    long[] widths = new long[millis.size()];
    for (int i = 0; i < millis.size(); i++) {
      double value = millis.get(i);
      if (!(value >= 0)) {
        throw new IllegalArgumentException("durations must not be negative, was " + value + " ms");
      }
      counts[i] = 1;
      lowest[i] = Math.round(value * 1000);
      widths[i] = 1;
    }
    return new EmpiricalDurations(counts, lowest, widths);
  }

  /** Mean of the draws, in microseconds. */
  public double meanMicros() {
    double weighted = 0;
    long previous = 0;
    for (int i = 0; i < cumulativeCounts.length; i++) {
      long count = cumulativeCounts[i] - previous;
      previous = cumulativeCounts[i];
      weighted += count * (lowestMicros[i] + (widthMicros[i] - 1) / 2.0);
    }
    return weighted / total;
  }

  long drawMicros(SplittableRandom random) {
    long draw = random.nextLong(total);
    int bucket = guide[(int) (draw * GUIDE_SIZE / total)];
    while (cumulativeCounts[bucket] <= draw) {
      bucket++;
    }
    long width = widthMicros[bucket];
    return width == 1 ? lowestMicros[bucket] : lowestMicros[bucket] + random.nextLong(width);
  }
}
