package dev.mlbench.analysis.cost;

import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

/**
 * The steady request rate at which serverless stops being cheaper than a replicated target (container or VM),
 * solved on the 30-day cost functions of {@link CostModel}. The replicated target's cost is a step function of
 * the rate (one more replica every {@code capacityPerReplica} req/s); within each step the solver checks both
 * ends and bisects, which finds the first crossing as long as serverless gains cost at least as fast per
 * request as the other target does.
 */
public final class BreakEven {

  public static final double SECONDS_PER_MONTH = HourlyDemand.PROJECTION_DAYS * 24 * 3600.0;
  private static final double HOURS_PER_MONTH = HourlyDemand.PROJECTION_DAYS * 24;
  private static final int BISECTION_STEPS = 200;

  /** The serverless side: its function, cold starts a month (from the simulation) and footprint. */
  public record ServerlessOption(FunctionProfile function, double coldStartsPerMonth, Footprint footprint) {

    public ServerlessOption withServiceTime(ServiceTime serviceTime) {
      return new ServerlessOption(function.withServiceTime(serviceTime), coldStartsPerMonth, footprint);
    }
  }

  /** A target whose cost grows in whole replicas. */
  public sealed interface ReplicatedOption permits ContainerOption, VmOption {

    double capacityPerReplica();

    int minReplicas();

    double monthlyCost(CostModel model, double ratePerSecond, int replicas);
  }

  public record ContainerOption(PodShape pod, double capacityPerReplica, int minReplicas, Footprint footprint) implements ReplicatedOption {

    @Override
    public double monthlyCost(CostModel model, double ratePerSecond, int replicas) {
      return model.container(pod, replicas * HOURS_PER_MONTH, ratePerSecond * SECONDS_PER_MONTH, footprint).total();
    }
  }

  public record VmOption(String instanceType, double capacityPerReplica, int minReplicas, Footprint footprint) implements ReplicatedOption {

    @Override
    public double monthlyCost(CostModel model, double ratePerSecond, int replicas) {
      return model.vm(instanceType, replicas, HOURS_PER_MONTH, ratePerSecond * SECONDS_PER_MONTH, footprint).total();
    }
  }

  /**
   * Break-even rates (req/s) for the fast and the slow end of the service time, e.g. the bounds of its
   * confidence interval. A faster function is cheaper, so {@code atLowServiceTime} is the higher rate.
   * Empty: serverless stays cheaper up to the solver's maximum rate.
   */
  public record Band(OptionalDouble atLowServiceTime, OptionalDouble atHighServiceTime) {
  }

  private final CostModel model;
  private final double maxRatePerSecond;

  /** @param maxRatePerSecond the highest rate searched; above it the answer is "serverless stays cheaper" */
  public BreakEven(CostModel model, double maxRatePerSecond) {
    if (!(maxRatePerSecond > 0)) {
      throw new IllegalArgumentException("the highest rate searched must be positive, was " + maxRatePerSecond);
    }
    this.model = model;
    this.maxRatePerSecond = maxRatePerSecond;
  }

  /** Serverless's cost over a 30-day month of steady traffic at {@code ratePerSecond}. */
  public double serverlessMonthlyCost(ServerlessOption serverless, double ratePerSecond) {
    ServerlessUsage usage = ServerlessUsage.perRequest(ratePerSecond * SECONDS_PER_MONTH, serverless.coldStartsPerMonth());
    return model.serverless(serverless.function(), usage, serverless.footprint()).total();
  }

  /** The lowest steady rate, in req/s, at which serverless costs at least as much as {@code other}. */
  public OptionalDouble rate(ServerlessOption serverless, ReplicatedOption other) {
    DoubleUnaryOperator serverlessCost = rate -> serverlessMonthlyCost(serverless, rate);
    double capacity = other.capacityPerReplica();
    int firstReplicas = Math.max(1, other.minReplicas());
    for (int replicas = firstReplicas; ; replicas++) {
      double low = replicas == firstReplicas ? 0 : (replicas - 1) * capacity;
      if (low >= maxRatePerSecond) {
        return OptionalDouble.empty();
      }
      double high = Math.min(replicas * capacity, maxRatePerSecond);
      int stepReplicas = replicas;
      DoubleUnaryOperator serverlessExcess = rate -> serverlessCost.applyAsDouble(rate) - other.monthlyCost(model, rate, stepReplicas);
      if (serverlessExcess.applyAsDouble(low) >= 0) {
        return OptionalDouble.of(low);
      }
      if (serverlessExcess.applyAsDouble(high) >= 0) {
        return OptionalDouble.of(firstNonNegative(serverlessExcess, low, high));
      }
    }
  }

  public Band band(ServerlessOption serverless, ServiceTime lowServiceTime, ServiceTime highServiceTime, ReplicatedOption other) {
    return new Band(rate(serverless.withServiceTime(lowServiceTime), other), rate(serverless.withServiceTime(highServiceTime), other));
  }

  private static double firstNonNegative(DoubleUnaryOperator function, double negativeAt, double nonNegativeAt) {
    double low = negativeAt;
    double high = nonNegativeAt;
    for (int step = 0; step < BISECTION_STEPS && high - low > Math.ulp(high); step++) {
      double middle = (low + high) / 2;
      if (function.applyAsDouble(middle) >= 0) {
        high = middle;
      } else {
        low = middle;
      }
    }
    return high;
  }
}
