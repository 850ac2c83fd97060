package dev.mlbench.loadgen.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulesTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @TempDir
  Path dir;

  @Test
  void sameSeedGivesTheSameSendTimesForEveryPattern() throws IOException {
    TraceCounts trace = TraceCounts.read(plainTrace(120, 30, 0, 600), null);
    for (ArrivalSpacing spacing : ArrivalSpacing.values()) {
      assertSameForSameSeed(seed -> new ProfileSchedule(new ConstantRate(300), spacing, 20 * SECOND, seed));
      assertSameForSameSeed(seed -> new ProfileSchedule(new BurstRate(200, 5, 10), spacing, 30 * SECOND, seed));
      assertSameForSameSeed(seed -> new ProfileSchedule(new RampRate(1, 200, 20), spacing, 20 * SECOND, seed));
    }
    assertSameForSameSeed(seed -> new TraceSchedule(trace, 4 * 60 * SECOND, seed));
  }

  @Test
  void differentSeedsGiveDifferentRandomSchedules() throws IOException {
    TraceCounts trace = TraceCounts.read(plainTrace(120), null);
    assertFalse(Arrays.equals(times(new ProfileSchedule(new ConstantRate(300), ArrivalSpacing.POISSON, 5 * SECOND, 1)),
        times(new ProfileSchedule(new ConstantRate(300), ArrivalSpacing.POISSON, 5 * SECOND, 2))));
    assertFalse(Arrays.equals(times(new TraceSchedule(trace, 60 * SECOND, 1)), times(new TraceSchedule(trace, 60 * SECOND, 2))));
  }

  @Test
  void poissonInterArrivalsFitTheExponentialAndUniformOnesDoNot() {
    double rate = 500;
    ExponentialDistribution exponential = new ExponentialDistribution(null, SECOND / rate);
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();

    double[] poissonGaps = gaps(times(new ProfileSchedule(new ConstantRate(rate), ArrivalSpacing.POISSON, 20 * SECOND, 42)));
    double[] uniformGaps = gaps(times(new ProfileSchedule(new ConstantRate(rate), ArrivalSpacing.UNIFORM, 20 * SECOND, 42)));

    assertTrue(poissonGaps.length > 9_000);
    assertTrue(ks.kolmogorovSmirnovTest(exponential, poissonGaps) > 0.05, "Poisson gaps should fit Exp(rate)");
    assertTrue(ks.kolmogorovSmirnovTest(exponential, uniformGaps) < 1e-6, "the test must reject evenly spaced gaps");
  }

  @Test
  void constantSendsRateTimesDuration() {
    assertEquals(12_000, times(new ProfileSchedule(new ConstantRate(200), ArrivalSpacing.UNIFORM, 60 * SECOND, 1)).length);
    assertWithinPoissonNoise(12_000, times(new ProfileSchedule(new ConstantRate(200), ArrivalSpacing.POISSON, 60 * SECOND, 1)).length);
  }

  @Test
  void burstAlternatesPeakAndBaseRatesWithTheConfiguredCounts() {
    // rate 200, baseRate 5, period 60s, duration 3m: per period 30 s × 200 + 30 s × 5 = 6150, three periods
    long[] uniform = times(new ProfileSchedule(new BurstRate(200, 5, 60), ArrivalSpacing.UNIFORM, 180 * SECOND, 7));
    assertWithinOnePercent(18_450, uniform.length);
    assertWithinOnePercent(6_000, countBetween(uniform, 60 * SECOND, 90 * SECOND));
    assertWithinOnePercent(150, countBetween(uniform, 90 * SECOND, 120 * SECOND));
    assertWithinPoissonNoise(18_450, times(new ProfileSchedule(new BurstRate(200, 5, 60), ArrivalSpacing.POISSON, 180 * SECOND, 7)).length);
    long[] onOff = times(new ProfileSchedule(new BurstRate(200, 0, 60), ArrivalSpacing.UNIFORM, 90 * SECOND, 7));
    assertEquals(12_000, onOff.length);
    assertEquals(0, countBetween(onOff, 30 * SECOND, 60 * SECOND));
  }

  @Test
  void rampRisesLinearlyWithTheConfiguredCounts() {
    // from 1 to 200 over 2 min: (1 + 200) / 2 × 120 s = 12060; the last 10 s: (≈183.4 + 200) / 2 × 10 ≈ 1917
    long[] up = times(new ProfileSchedule(new RampRate(1, 200, 120), ArrivalSpacing.UNIFORM, 120 * SECOND, 3));
    assertWithinOnePercent(12_060, up.length);
    assertWithinOnePercent(1_917, countBetween(up, 110 * SECOND, 120 * SECOND));
    assertWithinPoissonNoise(12_060, times(new ProfileSchedule(new RampRate(1, 200, 120), ArrivalSpacing.POISSON, 120 * SECOND, 3)).length);
    // from 200 down to 0 over 1 min: 6000 in all, (100 + 0) / 2 × 30 s = 1500 in the second half
    long[] down = times(new ProfileSchedule(new RampRate(200, 0, 60), ArrivalSpacing.UNIFORM, 60 * SECOND, 3));
    assertWithinOnePercent(6_000, down.length);
    assertWithinOnePercent(1_500, countBetween(down, 30 * SECOND, 60 * SECOND));
  }

  @Test
  void traceReplaysEachMinutesCountExactly() throws IOException {
    long[] perMinute = {120, 0, 3000, 45};
    long[] times = times(new TraceSchedule(TraceCounts.read(plainTrace(perMinute), null), 4 * 60 * SECOND, 11));
    for (int minute = 0; minute < perMinute.length; minute++) {
      assertEquals(perMinute[minute], countBetween(times, minute * 60 * SECOND, (minute + 1) * 60 * SECOND), "minute " + minute);
    }
    assertTrue(isSorted(times));
  }

  @Test
  void traceSpreadsArrivalsUniformlyWithinTheMinute() throws IOException {
    long[] times = times(new TraceSchedule(TraceCounts.read(plainTrace(6000), null), 60 * SECOND, 5));
    double[] positions = LongStream.of(times).mapToDouble(t -> t / (60.0 * SECOND)).toArray();
    assertTrue(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(null, 0, 1), positions) > 0.05);
  }

  @Test
  void readsTheAzureFunctionsTraceFormatByFunction() throws IOException {
    StringJoiner header = new StringJoiner(",", "HashOwner,HashApp,HashFunction,Trigger,", "\n");
    StringJoiner first = new StringJoiner(",", "o1,a1,f1aaaa,http,", "\n");
    StringJoiner second = new StringJoiner(",", "o2,a2,f2bbbb,timer,", "\n");
    for (int minute = 1; minute <= 1440; minute++) {
      header.add(Integer.toString(minute));
      first.add(Integer.toString(minute % 7));
      second.add(Integer.toString(minute == 3 ? 99 : 0));
    }
    Path file = Files.writeString(dir.resolve("invocations_per_function_md.anon.d01.csv"), header + first.toString() + second);
    TraceCounts firstRow = TraceCounts.read(file, null);
    assertEquals(1440, firstRow.minutes());
    assertEquals(1, firstRow.countInMinute(0));
    TraceCounts secondRow = TraceCounts.read(file, "f2b");
    assertEquals(99, secondRow.total());
    assertEquals(99, secondRow.countInMinute(2));
    long[] times = times(new TraceSchedule(secondRow, 1440 * 60 * SECOND, 1));
    assertEquals(99, countBetween(times, 120 * SECOND, 180 * SECOND));
  }

  @Test
  void stridedSchedulesPartitionTheScheduleAndHonourTheRequestCap() {
    Supplier<ArrivalSchedule> full = () -> new ProfileSchedule(new ConstantRate(1000), ArrivalSpacing.POISSON, 5 * SECOND, 9);
    long[] all = times(full.get());
    long[] merged = LongStream.concat(LongStream.concat(
        LongStream.of(times(new StridedSchedule(full.get(), 0, 3, Long.MAX_VALUE))),
        LongStream.of(times(new StridedSchedule(full.get(), 1, 3, Long.MAX_VALUE)))),
        LongStream.of(times(new StridedSchedule(full.get(), 2, 3, Long.MAX_VALUE)))).sorted().toArray();
    assertArrayEquals(all, merged);
    long capped = times(new StridedSchedule(full.get(), 0, 2, 101)).length + times(new StridedSchedule(full.get(), 1, 2, 101)).length;
    assertEquals(101, capped);
  }

  private void assertSameForSameSeed(LongFunction<ArrivalSchedule> schedule) {
    long[] first = times(schedule.apply(42));
    assertTrue(first.length > 100);
    assertArrayEquals(first, times(schedule.apply(42)));
  }

  private Path plainTrace(long... counts) throws IOException {
    StringBuilder text = new StringBuilder("# per-minute invocations\n");
    for (long count : counts) {
      text.append(count).append('\n');
    }
    return Files.writeString(Files.createTempFile(dir, "trace", ".txt"), text);
  }

  static long[] times(ArrivalSchedule schedule) {
    LongStream.Builder builder = LongStream.builder();
    for (long t = schedule.nextNanos(); t != ArrivalSchedule.END; t = schedule.nextNanos()) {
      builder.add(t);
    }
    return builder.build().toArray();
  }

  private static double[] gaps(long[] times) {
    double[] gaps = new double[times.length - 1];
    for (int i = 1; i < times.length; i++) {
      gaps[i - 1] = times[i] - times[i - 1];
    }
    return gaps;
  }

  private static long countBetween(long[] times, long fromNanos, long toNanos) {
    return LongStream.of(times).filter(t -> t >= fromNanos && t < toNanos).count();
  }

  private static boolean isSorted(long[] times) {
    for (int i = 1; i < times.length; i++) {
      if (times[i] < times[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /** A Poisson count has standard deviation √n: allow four of them. */
  private static void assertWithinPoissonNoise(double expected, double actual) {
    assertTrue(Math.abs(actual - expected) <= 4 * Math.sqrt(expected), () -> actual + " is not within 4 σ of " + expected);
  }

  private static void assertWithinOnePercent(double expected, double actual) {
    assertTrue(Math.abs(actual - expected) <= 0.01 * expected, () -> actual + " is not within 1 % of " + expected);
  }
}
