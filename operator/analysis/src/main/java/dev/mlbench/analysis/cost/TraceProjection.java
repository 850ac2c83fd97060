package dev.mlbench.analysis.cost;

/**
 * A projection shaped by a per-minute trace. The trace's minutes are laid end to end from midnight UTC of the first day and
 * repeated until the projection is full (a longer trace is cut); then every minute is scaled by one factor so that the
 * projection holds {@code requestsPerDay × days} requests: the trace gives the shape, {@code requestsPerDay} the volume.
 *
 * @param hourly the projection summed by hour, for the replicas each hour needs
 * @param cycleRequestsPerMinute one repetition of the scaled trace, minute by minute (the whole projection when the trace
 *     is as long as it or longer), for the serverless simulation
 * @param cycles how many repetitions of {@code cycleRequestsPerMinute} the projection holds, a fraction when the last is cut
 */
public record TraceProjection(HourlyDemand hourly, double[] cycleRequestsPerMinute, double cycles) {

  private static final int MINUTES_PER_HOUR = 60;
  private static final int MINUTES_PER_DAY = 1440;

  public TraceProjection {
    cycleRequestsPerMinute = cycleRequestsPerMinute.clone();
  }

  @Override
  public double[] cycleRequestsPerMinute() {
    return cycleRequestsPerMinute.clone();
  }

  public static TraceProjection of(long[] perMinute, double requestsPerDay, int days) {
    if (!(requestsPerDay >= 0) || days < 1) {
      throw new IllegalArgumentException("a projection needs requestsPerDay >= 0 and at least one day");
    }
    if (perMinute.length == 0) {
      throw new IllegalArgumentException("the traffic trace has no minutes");
    }
    int projectionMinutes = days * MINUTES_PER_DAY;
    int cycleMinutes = Math.min(perMinute.length, projectionMinutes);
    double projected = 0;
    for (int minute = 0; minute < projectionMinutes; minute++) {
      long count = perMinute[minute % perMinute.length];
      if (count < 0) {
        throw new IllegalArgumentException("the traffic trace has a negative count in minute " + (minute % perMinute.length));
      }
      projected += count;
    }
    if (projected == 0) {
      throw new IllegalArgumentException("the traffic trace has no requests, so it gives no shape");
    }
    double scale = requestsPerDay * days / projected;
    double[] hours = new double[days * 24];
    for (int minute = 0; minute < projectionMinutes; minute++) {
      hours[minute / MINUTES_PER_HOUR] += perMinute[minute % perMinute.length] * scale;
    }
    double[] cycle = new double[cycleMinutes];
    for (int minute = 0; minute < cycleMinutes; minute++) {
      cycle[minute] = perMinute[minute] * scale;
    }
    return new TraceProjection(HourlyDemand.ofHours(hours), cycle, projectionMinutes / (double) cycleMinutes);
  }

  public int cycleMinutes() {
    return cycleRequestsPerMinute.length;
  }
}
