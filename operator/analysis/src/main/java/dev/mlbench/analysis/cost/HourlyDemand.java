package dev.mlbench.analysis.cost;

import java.util.Arrays;

import dev.mlbench.api.v1alpha1.TrafficSpec;
import dev.mlbench.api.v1alpha1.TrafficSpec.Shape;

/**
 * Requests in each hour of a projection, hour 0 starting at midnight UTC. Shapes of a day, each averaging
 * {@code requestsPerDay}:
 * <ul>
 * <li>steady: every hour the same;
 * <li>diurnal: hour h weighted {@code 1 + 0.6 cos(2π (h - 14) / 24)}, peak 1.6× the mean at 14:00, trough 0.4× at 02:00;
 * <li>bursty: two one-hour bursts, at 10:00 and 19:00, of 8× the other hours (5.05× the mean);
 * <li>trace: per-minute counts repeated minute by minute over the projection, summed by hour and scaled to
 * {@code requestsPerDay} ({@link TraceProjection}).
 * </ul>
 */
public final class HourlyDemand {

  public static final int PROJECTION_DAYS = 30;

  private static final int HOURS_PER_DAY = 24;
  private static final double DIURNAL_AMPLITUDE = 0.6;
  private static final int DIURNAL_PEAK_HOUR = 14;
  private static final int[] BURST_HOURS = {10, 19};
  private static final double BURST_FACTOR = 8;

  private final double[] requestsPerHour;

  private HourlyDemand(double[] requestsPerHour) {
    this.requestsPerHour = requestsPerHour;
  }

  /**
   * The 30-day projection {@code spec.cost.traffic} describes.
   *
   * @param tracePerMinute the per-minute counts of the trace ConfigMap for shape {@code trace}, otherwise ignored
   */
  public static HourlyDemand of(TrafficSpec traffic, long[] tracePerMinute) {
    if (traffic.shape == Shape.TRACE) {
      if (tracePerMinute == null) {
        throw new IllegalArgumentException("traffic shape trace needs the per-minute counts of its configMapRef");
      }
      return fromTrace(tracePerMinute, traffic.requestsPerDay, PROJECTION_DAYS);
    }
    return of(traffic.shape, traffic.requestsPerDay, PROJECTION_DAYS);
  }

  /** The 30-day projection of {@code shape} (not {@code trace}, which needs its counts). */
  public static HourlyDemand of(Shape shape, double requestsPerDay) {
    return of(shape, requestsPerDay, PROJECTION_DAYS);
  }

  public static HourlyDemand of(Shape shape, double requestsPerDay, int days) {
    double[] dayWeights = switch (shape) {
      case STEADY -> steadyDay();
      case DIURNAL -> diurnalDay();
      case BURSTY -> burstyDay();
      case TRACE -> throw new IllegalArgumentException("traffic shape trace needs its per-minute counts: use HourlyDemand.fromTrace");
    };
    return repeat(dayWeights, requestsPerDay, days);
  }

  /** A projection shaped like a trace of per-minute request counts, as {@link TraceProjection} lays it out. */
  public static HourlyDemand fromTrace(long[] perMinute, double requestsPerDay, int days) {
    return TraceProjection.of(perMinute, requestsPerDay, days).hourly();
  }

  static HourlyDemand ofHours(double[] requestsPerHour) {
    return new HourlyDemand(requestsPerHour.clone());
  }

  public int hours() {
    return requestsPerHour.length;
  }

  public double requests(int hour) {
    return requestsPerHour[hour];
  }

  public double ratePerSecond(int hour) {
    return requestsPerHour[hour] / 3600;
  }

  public double totalRequests() {
    return Arrays.stream(requestsPerHour).sum();
  }

  public double peakRatePerSecond() {
    return Arrays.stream(requestsPerHour).max().orElse(0) / 3600;
  }

  private static double[] steadyDay() {
    double[] day = new double[HOURS_PER_DAY];
    Arrays.fill(day, 1);
    return day;
  }

  private static double[] diurnalDay() {
    double[] day = new double[HOURS_PER_DAY];
    for (int hour = 0; hour < HOURS_PER_DAY; hour++) {
      day[hour] = 1 + DIURNAL_AMPLITUDE * Math.cos(2 * Math.PI * (hour - DIURNAL_PEAK_HOUR) / HOURS_PER_DAY);
    }
    return day;
  }

  private static double[] burstyDay() {
    double[] day = steadyDay();
    for (int hour : BURST_HOURS) {
      day[hour] = BURST_FACTOR;
    }
    return day;
  }

  private static void requireProjection(double requestsPerDay, int days) {
    if (!(requestsPerDay >= 0) || days < 1) {
      throw new IllegalArgumentException("a projection needs requestsPerDay >= 0 and at least one day");
    }
  }

  private static HourlyDemand repeat(double[] dayWeights, double requestsPerDay, int days) {
    requireProjection(requestsPerDay, days);
    double[] projection = new double[days * HOURS_PER_DAY];
    for (int hour = 0; hour < projection.length; hour++) {
      projection[hour] = dayWeights[hour % HOURS_PER_DAY];
    }
    return scaledTo(projection, requestsPerDay * days);
  }

  private static HourlyDemand scaledTo(double[] weights, double total) {
    double sum = Arrays.stream(weights).sum();
    double[] requests = new double[weights.length];
    for (int hour = 0; hour < weights.length; hour++) {
      requests[hour] = total * weights[hour] / sum;
    }
    return new HourlyDemand(requests);
  }
}
