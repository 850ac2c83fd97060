package dev.mlbench.loadgen.schedule;

/** How arrivals are spread under a rate profile. */
public enum ArrivalSpacing {
  /** Evenly spaced in Λ: deterministic, exact counts. */
  UNIFORM,
  /** A (non-homogeneous) Poisson process from the seed: exponential gaps in Λ. */
  POISSON
}
