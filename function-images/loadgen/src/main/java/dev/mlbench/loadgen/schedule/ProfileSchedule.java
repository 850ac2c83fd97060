package dev.mlbench.loadgen.schedule;

import java.util.SplittableRandom;

/** Arrivals under a {@link RateProfile} until a duration, spaced uniformly or as a seeded Poisson process. */
public final class ProfileSchedule implements ArrivalSchedule {

  private static final double NANOS_PER_SECOND = 1e9;

  private final RateProfile profile;
  private final ArrivalSpacing spacing;
  private final long durationNanos;
  private final SplittableRandom random;
  private double cumulative;
  private boolean first = true;

  public ProfileSchedule(RateProfile profile, ArrivalSpacing spacing, long durationNanos, long seed) {
    this.profile = profile;
    this.spacing = spacing;
    this.durationNanos = durationNanos;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public long nextNanos() {
    cumulative += step();
    double seconds = profile.timeOfArrival(cumulative);
    if (Double.isInfinite(seconds) || Double.isNaN(seconds)) {
      return END;
    }
    long nanos = Math.round(seconds * NANOS_PER_SECOND);
    return nanos < durationNanos ? nanos : END;
  }

  private double step() {
    if (spacing == ArrivalSpacing.POISSON) {
      return -Math.log(1 - random.nextDouble());
    }
    if (first) {
      first = false;
      return 0;
    }
    return 1;
  }
}
