package dev.mlbench.analysis.cost;

import java.util.EnumMap;
import java.util.Map;

import dev.mlbench.api.v1alpha1.PerTargetHours;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TcoSpec;

/** One year's total cost of ownership of a target, in dollars. */
public record Tco(double cloud, double development, double operations) {

  public double total() {
    return cloud + development + operations;
  }

  /** 12 × the monthly cloud cost + development hours × rate + operations hours a month × 12 × rate. */
  public static Tco oneYear(double monthlyCloud, double developmentHours, double operationsHoursPerMonth, double hourlyRate) {
    return new Tco(12 * monthlyCloud, developmentHours * hourlyRate, 12 * operationsHoursPerMonth * hourlyRate);
  }

  /** The TCO of each target in {@code monthlyCloud}, with the hours and rate of {@code spec.cost.tco}. */
  public static Map<TargetKind, Tco> oneYear(Map<TargetKind, Double> monthlyCloud, TcoSpec tco) {
    Map<TargetKind, Tco> result = new EnumMap<>(TargetKind.class);
    monthlyCloud.forEach((target, monthly) -> result.put(target,
        oneYear(monthly, hours(tco.development, target), hours(tco.operations, target), tco.hourlyRate)));
    return result;
  }

  private static double hours(PerTargetHours hours, TargetKind target) {
    return switch (target) {
      case SERVERLESS -> hours.serverless;
      case CONTAINER -> hours.container;
      case VM -> hours.vm;
    };
  }
}
