package dev.mlbench.loadgen.schedule;

/** λ(t) = rate. */
public record ConstantRate(double ratePerSecond) implements RateProfile {

  @Override
  public double expectedArrivals(double seconds) {
    return ratePerSecond * seconds;
  }

  @Override
  public double timeOfArrival(double cumulativeArrivals) {
    return ratePerSecond == 0 ? Double.POSITIVE_INFINITY : cumulativeArrivals / ratePerSecond;
  }
}
