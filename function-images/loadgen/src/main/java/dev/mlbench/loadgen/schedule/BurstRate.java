package dev.mlbench.loadgen.schedule;

/**
 * A square wave: each period starts with half a period at the peak rate, then half a period at the base
 * rate.
 */
public record BurstRate(double peakRatePerSecond, double baseRatePerSecond, double periodSeconds) implements RateProfile {

  @Override
  public double expectedArrivals(double seconds) {
    double periods = Math.floor(seconds / periodSeconds);
    double intoPeriod = seconds - periods * periodSeconds;
    return periods * perPeriod() + withinPeriod(intoPeriod);
  }

  @Override
  public double timeOfArrival(double cumulativeArrivals) {
    double perPeriod = perPeriod();
    if (perPeriod == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double periods = Math.floor(cumulativeArrivals / perPeriod);
    double remainder = cumulativeArrivals - periods * perPeriod;
    double half = periodSeconds / 2;
    double peakArrivals = peakRatePerSecond * half;
    double intoPeriod = remainder < peakArrivals || baseRatePerSecond == 0
        ? remainder / peakRatePerSecond
        : half + (remainder - peakArrivals) / baseRatePerSecond;
    return periods * periodSeconds + intoPeriod;
  }

  private double perPeriod() {
    return (peakRatePerSecond + baseRatePerSecond) * periodSeconds / 2;
  }

  private double withinPeriod(double seconds) {
    double half = periodSeconds / 2;
    return seconds <= half
        ? peakRatePerSecond * seconds
        : peakRatePerSecond * half + baseRatePerSecond * (seconds - half);
  }
}
