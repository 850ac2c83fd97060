package dev.mlbench.analysis.stats;

/**
 * Outcome of a two-sided Mann-Whitney U test between the latencies of two targets.
 *
 * @param firstSamples latencies of the first target
 * @param secondSamples latencies of the second target
 * @param u U of the first sample: pairs in which the first target's latency is larger, ties counted half
 * @param z standardised U, tie-corrected; positive when the first target tends to be slower
 * @param pValue two-sided p-value of the normal approximation
 */
public record MannWhitneyResult(long firstSamples, long secondSamples, double u, double z, double pValue) {

  /**
   * Probability that a latency of the first target exceeds one of the second, ties counted half (the
   * common-language effect size): 0.5 means neither tends to be slower.
   */
  public double probabilityFirstIsSlower() {
    return u / ((double) firstSamples * secondSamples);
  }

  /** Whether the difference is significant at level {@code alpha} (e.g. 0.05). */
  public boolean significantAt(double alpha) {
    return pValue < alpha;
  }
}
