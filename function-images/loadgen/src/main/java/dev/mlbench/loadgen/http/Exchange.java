package dev.mlbench.loadgen.http;

/**
 * One finished request. All times are {@link System#nanoTime()} readings, 0 for what did not happen:
 * {@code intendedNanos} is when the schedule wanted the request sent; {@code connectStartNanos} and
 * {@code connectedNanos} are set only when the request had to open its connection.
 */
public record Exchange(
    long intendedNanos,
    long connectStartNanos,
    long connectedNanos,
    long firstByteNanos,
    long endNanos,
    Outcome outcome,
    int status,
    long responseBytes) {

  public long latencyFromIntendedNanos() {
    return endNanos - intendedNanos;
  }
}
