package dev.mlbench.analysis.simulator;

import org.HdrHistogram.Histogram;

import dev.mlbench.analysis.stats.PercentileEstimate;
import dev.mlbench.analysis.stats.Percentiles;

/**
 * What a simulated span of a Knative revision cost and how its requests fared.
 *
 * @param requests requests that arrived
 * @param simulatedSeconds the span simulated: the arrivals' span, or longer when the last requests ended later
 * @param instanceSeconds pod lifetime summed over pods, from creation (the cold start included) to removal or
 *     the end of the span: what instance-based billing charges
 * @param busyInstanceSeconds pod time with at least one request in flight: what request-based billing charges
 * @param coldStarts pods started on demand, each paying a cold start (pods kept warm by {@code minScale} from
 *     the start are not counted)
 * @param coldStartedRequests requests that waited for a starting pod
 * @param peakPods most pods alive at once, starting and draining ones included
 * @param meanConcurrency time-averaged requests in the system (waiting or in service)
 * @param latencyMicros latency of every request from arrival to completion, waits for a cold start included
 */
public record SimulationResult(
    long requests,
    double simulatedSeconds,
    double instanceSeconds,
    double busyInstanceSeconds,
    long coldStarts,
    long coldStartedRequests,
    int peakPods,
    double meanConcurrency,
    Histogram latencyMicros) {

  /** Share of requests that waited for a cold start; 0 without requests. */
  public double coldStartProbability() {
    return requests == 0 ? 0 : (double) coldStartedRequests / requests;
  }

  /** A latency percentile with its confidence interval, in microseconds. */
  public PercentileEstimate latency(double percentile) {
    return Percentiles.estimate(latencyMicros, percentile);
  }
}
