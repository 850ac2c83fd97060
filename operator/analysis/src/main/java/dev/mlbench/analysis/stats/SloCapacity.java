package dev.mlbench.analysis.stats;

/**
 * The most throughput a sweep's target sustains while its SLO percentile stays under the SLO latency.
 *
 * @param requestsPerSecond the capacity; a lower bound when {@code bound} is {@link Bound#AT_LEAST}, 0 when
 *     {@link Bound#NONE}
 * @param bound how the capacity was found
 * @param sufficientSamples whether every level the answer rests on had enough samples for the percentile
 *     (see {@link Percentiles#requiredSamples})
 * @param explanation the levels and latencies the answer comes from, for a person
 */
public record SloCapacity(double requestsPerSecond, Bound bound, boolean sufficientSamples, String explanation) {

  /** How a capacity was found. */
  public enum Bound {
    /** Interpolated between the last level within the SLO and the first one over it. */
    INTERPOLATED,
    /** Every level met the SLO: the capacity is at least the highest throughput measured. */
    AT_LEAST,
    /** Even the lowest level missed the SLO. */
    NONE
  }
}
