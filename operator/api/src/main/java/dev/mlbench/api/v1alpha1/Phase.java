package dev.mlbench.api.v1alpha1;

/** Forward-only stage of a benchmark run, derived from its conditions. */
public enum Phase {
  Pending,
  Deploying,
  Measuring,
  Analyzing,
  Succeeded,
  Failed
}
