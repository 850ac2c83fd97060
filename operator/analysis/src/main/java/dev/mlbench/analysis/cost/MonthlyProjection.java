package dev.mlbench.analysis.cost;

/**
 * A month of each target serving an {@link HourlyDemand}. Container and VM are sized hour by hour from the
 * measured capacity of one replica at the SLO; the VM pool is bought for its peak and paid every hour,
 * while container replicas follow the demand (an autoscaler at hourly resolution). Serverless use comes from
 * the autoscaler simulation as plain numbers.
 */
public final class MonthlyProjection {

  /** Rounding slack, so that a rate of exactly n × capacity needs n replicas, not n + 1. */
  private static final double ROUNDING_SLACK = 1e-9;

  private final CostModel model;
  private final HourlyDemand demand;

  public MonthlyProjection(CostModel model, HourlyDemand demand) {
    this.model = model;
    this.demand = demand;
  }

  /** Replicas that serve {@code ratePerSecond} at {@code capacityPerReplica} req/s each, at least {@code minReplicas}. */
  public static int replicasFor(double ratePerSecond, double capacityPerReplica, int minReplicas) {
    if (!(capacityPerReplica > 0)) {
      throw new IllegalArgumentException("capacity per replica at the SLO must be positive, was " + capacityPerReplica);
    }
    return Math.max(minReplicas, (int) Math.ceil(ratePerSecond / capacityPerReplica - ROUNDING_SLACK));
  }

  /** Replicas each hour needs: enough for its mean rate at {@code capacityPerReplica} req/s, never below {@code minReplicas}. */
  public int[] replicasPerHour(double capacityPerReplica, int minReplicas) {
    int[] replicas = new int[demand.hours()];
    for (int hour = 0; hour < replicas.length; hour++) {
      replicas[hour] = replicasFor(demand.ratePerSecond(hour), capacityPerReplica, minReplicas);
    }
    return replicas;
  }

  public TargetCost container(PodShape pod, double capacityPerReplica, int minReplicas, Footprint footprint) {
    long replicaHours = 0;
    for (int replicas : replicasPerHour(capacityPerReplica, minReplicas)) {
      replicaHours += replicas;
    }
    return model.container(pod, replicaHours, demand.totalRequests(), footprint);
  }

  public TargetCost vm(String instanceType, double capacityPerNode, int minNodes, Footprint footprint) {
    int nodes = replicasFor(demand.peakRatePerSecond(), capacityPerNode, minNodes);
    return model.vm(instanceType, nodes, demand.hours(), demand.totalRequests(), footprint);
  }

  /**
   * @param coldStarts instances the autoscaler simulation started over the month
   * @param busyInstanceSeconds instance time with requests in flight from the simulation, or null to bill each
   *     request's rounded duration (see {@link ServerlessUsage})
   */
  public TargetCost serverless(FunctionProfile function, double coldStarts, Double busyInstanceSeconds, Footprint footprint) {
    return model.serverless(function, new ServerlessUsage(demand.totalRequests(), coldStarts, busyInstanceSeconds), footprint);
  }
}
