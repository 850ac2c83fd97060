package dev.mlbench.loadgen.schedule;

import java.util.SplittableRandom;

/**
 * Replays per-minute counts exactly: minute m gets exactly its count of arrivals, placed at seeded uniform
 * random times within the minute (the arrival times of a Poisson process given its count). Sorted
 * uniforms are drawn one at a time — the next is the minimum of the k still to place — so a minute with
 * millions of requests needs no memory.
 */
public final class TraceSchedule implements ArrivalSchedule {

  private static final long NANOS_PER_MINUTE = 60_000_000_000L;

  private final TraceCounts counts;
  private final long durationNanos;
  private final SplittableRandom random;
  private int minute = -1;
  private long remainingInMinute;
  private double position;

  public TraceSchedule(TraceCounts counts, long durationNanos, long seed) {
    this.counts = counts;
    this.durationNanos = durationNanos;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public long nextNanos() {
    while (remainingInMinute == 0) {
      minute++;
      if (minute >= counts.minutes()) {
        return END;
      }
      remainingInMinute = counts.countInMinute(minute);
      position = 0;
    }
    position += (1 - position) * (1 - Math.pow(random.nextDouble(), 1.0 / remainingInMinute));
    remainingInMinute--;
    long nanos = minute * NANOS_PER_MINUTE + (long) (position * NANOS_PER_MINUTE);
    return nanos < durationNanos ? nanos : END;
  }
}
