package dev.mlbench.analysis.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Poisson arrivals whose rate is constant within each interval of a traffic profile, e.g. the 720 hours or
 * 43,200 minutes of a 30-day projection. Within an interval, gaps between arrivals are exponential.
 */
public final class RateProfile implements Arrivals {

  private final Duration interval;
  private final double[] requestsPerSecond;

  /**
   * @param interval length of each interval
   * @param requestsPerSecond mean arrival rate in each interval, one entry per interval
   */
  public RateProfile(Duration interval, double[] requestsPerSecond) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    for (double rate : requestsPerSecond) {
      if (!(rate >= 0) || Double.isInfinite(rate)) {
        throw new IllegalArgumentException("rates must be finite and not negative, was " + rate);
      }
    }
    this.interval = interval;
    this.requestsPerSecond = requestsPerSecond.clone();
  }

  /** A profile of request counts per hour. */
  public static RateProfile perHour(double... requestsPerHour) {
    return new RateProfile(Duration.ofHours(1), Arrays.stream(requestsPerHour).map(count -> count / 3600).toArray());
  }

  /** A profile of request counts per minute, as a per-minute trace gives them. */
  public static RateProfile perMinute(double... requestsPerMinute) {
    return new RateProfile(Duration.ofMinutes(1), Arrays.stream(requestsPerMinute).map(count -> count / 60).toArray());
  }

  /** One rate for the whole span. */
  public static RateProfile constant(double requestsPerSecond, Duration span) {
    return new RateProfile(span, new double[] {requestsPerSecond});
  }

  @Override
  public Duration span() {
    return interval.multipliedBy(requestsPerSecond.length);
  }

  /** Requests the profile expects in its span. */
  public double expectedRequests() {
    return Arrays.stream(requestsPerSecond).sum() * interval.toNanos() / 1e9;
  }

  @Override
  public ArrivalStream stream(SplittableRandom random) {
    double intervalMicros = interval.toNanos() / 1000.0;
    return new ArrivalStream() {
      private int index;
      private double nowMicros;

      @Override
      public long nextMicros() {
        while (index < requestsPerSecond.length) {
          double intervalEnd = (index + 1) * intervalMicros;
          double rate = requestsPerSecond[index];
          if (rate > 0) {
            double next = nowMicros - Math.log(1 - random.nextDouble()) * 1e6 / rate;
            if (next < intervalEnd) {
              nowMicros = next;
              return (long) next;
            }
          }
          // exponential gaps are memoryless, so restarting at the boundary with the next rate is exact
          nowMicros = intervalEnd;
          index++;
        }
        return END;
      }
    };
  }
}
