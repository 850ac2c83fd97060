package dev.mlbench.analysis.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Arrivals at given times, e.g. replayed from a trace or built for a closed-form case. */
public final class ArrivalTimes implements Arrivals {

  private final long[] micros;
  private final Duration span;

  /**
   * @param micros arrival times in microseconds from 0, in any order
   * @param span the simulated span; at least the last arrival
   */
  public ArrivalTimes(long[] micros, Duration span) {
    this.micros = micros.clone();
    Arrays.sort(this.micros);
    if (this.micros.length > 0 && this.micros[0] < 0) {
      throw new IllegalArgumentException("arrival times must not be negative");
    }
    long spanMicros = span.toNanos() / 1000;
    if (this.micros.length > 0 && this.micros[this.micros.length - 1] > spanMicros) {
      throw new IllegalArgumentException("span " + span + " ends before the last arrival");
    }
    this.span = span;
  }

  /** Arrival times in seconds from 0. */
  public static ArrivalTimes ofSeconds(double[] seconds, Duration span) {
    return new ArrivalTimes(Arrays.stream(seconds).mapToLong(s -> Math.round(s * 1e6)).toArray(), span);
  }

  @Override
  public Duration span() {
    return span;
  }

  @Override
  public ArrivalStream stream(SplittableRandom random) {
    return new ArrivalStream() {
      private int index;

      @Override
      public long nextMicros() {
        return index < micros.length ? micros[index++] : END;
      }
    };
  }
}
