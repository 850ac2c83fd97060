package dev.mlbench.analysis.stats;

/**
 * Where a scalability curve stops scaling.
 *
 * @param concurrency first level past the knee
 * @param rule which of {@link ScalabilityCurve}'s rules found it, with the numbers
 */
public record Knee(int concurrency, String rule) {
}
