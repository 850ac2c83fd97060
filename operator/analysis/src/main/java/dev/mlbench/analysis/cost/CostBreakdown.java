package dev.mlbench.analysis.cost;

/** Dollars by component: compute (incl. billed INIT), per-request fees, storage, data transfer out, API gateway. */
public record CostBreakdown(double compute, double requests, double storage, double transfer, double gateway) {

  public double total() {
    return compute + requests + storage + transfer + gateway;
  }

  public CostBreakdown times(double factor) {
    return new CostBreakdown(compute * factor, requests * factor, storage * factor, transfer * factor, gateway * factor);
  }
}
