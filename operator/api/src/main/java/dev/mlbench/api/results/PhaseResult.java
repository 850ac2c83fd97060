package dev.mlbench.api.results;

/**
 * The measured part of one scenario (open loop) or of one concurrency level (closed loop). Warm-up
 * requests are not counted anywhere in it.
 *
 * @param name {@code open-loop} or {@code concurrency-<level>}, the level of all load pods together
 * @param loop how the load was offered; closed-loop latencies include coordinated omission
 * @param concurrency requests this pod held in flight: its share of the level named in {@code name}, the
 *     whole level with one pod, so the pods' values add up to the level (closed loop only, otherwise null)
 * @param targetRatePerSecond mean rate of this pod's part of the arrival schedule over the measured window
 *     (open loop only, otherwise null)
 * @param measuredDurationMillis wall-clock length of the measured window: from the end of the warm-up to
 *     the later of the scheduled end and the last actual send
 * @param scheduled requests the schedule intended in the window (open loop: {@code sent + dropped};
 *     closed loop: equal to {@code sent})
 * @param sent requests written to a connection
 * @param succeeded 2xx responses with a valid OIP v2 body; only these are in the latency histogram
 * @param dropped requests not sent because no connection was free within the allowed lag of their
 *     intended send time (open loop only)
 * @param errors failed requests by class
 * @param achievedRatePerSecond {@code sent / measuredDuration}
 * @param throughputPerSecond {@code succeeded / measuredDuration}
 * @param responseBytes bytes received on the wire for the requests of the window, headers included
 * @param latency percentiles of {@code histogram}
 * @param histogram latencies of successful requests in microseconds, as {@link HistogramCodec} encodes
 *     them; open loop: completion minus intended send time; closed loop: completion minus send time
 */
public record PhaseResult(
    String name,
    LoopKind loop,
    Integer concurrency,
    Double targetRatePerSecond,
    long measuredDurationMillis,
    long scheduled,
    long sent,
    long succeeded,
    long dropped,
    ErrorCounts errors,
    double achievedRatePerSecond,
    double throughputPerSecond,
    long responseBytes,
    LatencySummary latency,
    String histogram) {
}
