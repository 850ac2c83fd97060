package dev.mlbench.loadgen.schedule;

/**
 * A request rate over time, given by its cumulative count Λ(t) = ∫₀ᵗ λ. Arrivals are placed by inverting
 * Λ: the n-th of a uniform process at Λ⁻¹(n), the n-th of a Poisson process at Λ⁻¹(E₁+…+Eₙ) with unit
 * exponentials Eᵢ (time rescaling), so every profile can be offered with either spacing.
 */
public interface RateProfile {

  /** Λ(t): requests expected between 0 and {@code seconds}. */
  double expectedArrivals(double seconds);

  /** Λ⁻¹(n) in seconds; {@link Double#POSITIVE_INFINITY} when the profile never accumulates {@code n}. */
  double timeOfArrival(double cumulativeArrivals);
}
