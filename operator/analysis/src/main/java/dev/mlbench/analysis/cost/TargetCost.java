package dev.mlbench.analysis.cost;

/** One target's cost over a month of {@code requests}. */
public record TargetCost(double requests, CostBreakdown monthly) {

  public double total() {
    return monthly.total();
  }

  /** Monthly cost spread over the month's requests, per million; NaN for a month without requests. */
  public CostBreakdown perMillionRequests() {
    return monthly.times(requests > 0 ? 1e6 / requests : Double.NaN);
  }
}
