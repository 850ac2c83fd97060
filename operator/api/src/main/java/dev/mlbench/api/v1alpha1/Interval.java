package dev.mlbench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A confidence interval, in the unit of the figure it belongs to. */
public class Interval {

  @JsonPropertyDescription("Lower end.")
  public double lower;

  @JsonPropertyDescription("Upper end.")
  public double upper;

  public Interval() {
  }

  public Interval(double lower, double upper) {
    this.lower = lower;
    this.upper = upper;
  }
}
