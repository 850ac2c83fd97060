package dev.mlbench.loadgen.schedule;

/** λ(t) = from + (to − from)·t/duration: a linear ramp, up or down. */
public record RampRate(double fromRatePerSecond, double toRatePerSecond, double durationSeconds) implements RateProfile {

  @Override
  public double expectedArrivals(double seconds) {
    return fromRatePerSecond * seconds + slopeHalf() * seconds * seconds;
  }

  @Override
  public double timeOfArrival(double cumulativeArrivals) {
    if (cumulativeArrivals == 0) {
      return 0;
    }
    double discriminant = fromRatePerSecond * fromRatePerSecond + 4 * slopeHalf() * cumulativeArrivals;
    if (discriminant < 0) {
      return Double.POSITIVE_INFINITY;
    }
    double denominator = fromRatePerSecond + Math.sqrt(discriminant);
    // the root of slopeHalf·t² + from·t − n = 0 in the form that stays exact when the slope is ~0
    return denominator <= 0 ? Double.POSITIVE_INFINITY : 2 * cumulativeArrivals / denominator;
  }

  private double slopeHalf() {
    return (toRatePerSecond - fromRatePerSecond) / (2 * durationSeconds);
  }
}
