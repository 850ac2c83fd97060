package dev.mlbench.analysis.cost;

/**
 * A month of serverless use. With {@code busyInstanceSeconds} null each request is billed its own rounded
 * duration (Lambda, Azure Functions, Cloud Run at concurrency 1); otherwise the instance time with requests in
 * flight is billed, as Cloud Run's request-based billing does when requests share an instance.
 *
 * @param requests requests served
 * @param coldStarts instances started on demand (from the autoscaler simulation), each billed the profile's
 *     INIT time where the provider bills INIT
 * @param busyInstanceSeconds instance time with at least one request in flight, start-up excluded
 *     ({@code SimulationResult.busyInstanceSeconds()}), or null
 */
public record ServerlessUsage(double requests, double coldStarts, Double busyInstanceSeconds) {

  public ServerlessUsage {
    if (!(requests >= 0) || !(coldStarts >= 0) || (busyInstanceSeconds != null && !(busyInstanceSeconds >= 0))) {
      throw new IllegalArgumentException("serverless usage must not be negative");
    }
  }

  public static ServerlessUsage perRequest(double requests, double coldStarts) {
    return new ServerlessUsage(requests, coldStarts, null);
  }

  public static ServerlessUsage sharedInstances(double requests, double coldStarts, double busyInstanceSeconds) {
    return new ServerlessUsage(requests, coldStarts, busyInstanceSeconds);
  }
}
