package dev.mlbench.analysis.simulator;

import java.time.Duration;

import dev.mlbench.api.Durations;
import dev.mlbench.api.v1alpha1.ServerlessTargetSpec;
import dev.mlbench.api.v1alpha1.ServerlessTargetSpec.Metric;

/**
 * The Knative Pod Autoscaler (KPA) settings of one revision, as the simulator applies them.
 *
 * @param metric what the autoscaler averages: in-flight requests (queued ones included) or requests per second
 * @param target the metric's goal per pod (Knative's {@code target}, default 100)
 * @param targetUtilizationPercentage share of the target at which pods are added (default 70)
 * @param stableWindow period the stable metric is averaged over, whole seconds from 6 s (default 60 s)
 * @param panicWindowPercentage panic window as a share of the stable window (default 10)
 * @param panicThresholdPercentage panic-window demand, relative to the ready pods' capacity, that starts
 *     panic mode (default 200)
 * @param scaleToZeroGracePeriod how long the last pod is kept after the stable window saw no traffic
 *     (cluster-wide, default 30 s)
 * @param scaleDownDelay how long a lower pod count must be wanted before it is applied (default 0)
 * @param minScale fewest pods; 0 allows scale to zero
 * @param maxScale most pods
 * @param containerConcurrency requests one pod serves at once; 0 is unlimited
 * @param maxScaleUpRate most pods after a decision, as a multiple of the ready pods (default 1000)
 * @param maxScaleDownRate fewest pods after a decision, as a divisor of the ready pods (default 2)
 * @param tickInterval how often the autoscaler decides, whole seconds (Knative: 2 s)
 */
public record AutoscalerSettings(
    Metric metric,
    double target,
    double targetUtilizationPercentage,
    Duration stableWindow,
    double panicWindowPercentage,
    double panicThresholdPercentage,
    Duration scaleToZeroGracePeriod,
    Duration scaleDownDelay,
    int minScale,
    int maxScale,
    int containerConcurrency,
    double maxScaleUpRate,
    double maxScaleDownRate,
    Duration tickInterval) {

  public AutoscalerSettings {
    requirePositive("target", target);
    if (!(targetUtilizationPercentage > 0 && targetUtilizationPercentage <= 100)) {
      throw new IllegalArgumentException("targetUtilizationPercentage must be in (0, 100], was " + targetUtilizationPercentage);
    }
    requireWholeSeconds("stableWindow", stableWindow);
    if (stableWindow.compareTo(Duration.ofSeconds(6)) < 0) {
      throw new IllegalArgumentException("stableWindow must be at least 6s, was " + stableWindow);
    }
    requirePositive("panicWindowPercentage", panicWindowPercentage);
    requirePositive("panicThresholdPercentage", panicThresholdPercentage);
    requireNotNegative("scaleToZeroGracePeriod", scaleToZeroGracePeriod);
    requireNotNegative("scaleDownDelay", scaleDownDelay);
    if (minScale < 0 || maxScale < 1 || minScale > maxScale) {
      throw new IllegalArgumentException("need 0 <= minScale <= maxScale and maxScale >= 1, were " + minScale + " and " + maxScale);
    }
    if (containerConcurrency < 0) {
      throw new IllegalArgumentException("containerConcurrency must not be negative, was " + containerConcurrency);
    }
    if (maxScaleUpRate <= 1 || maxScaleDownRate <= 1) {
      throw new IllegalArgumentException("maxScaleUpRate and maxScaleDownRate must be more than 1");
    }
    requireWholeSeconds("tickInterval", tickInterval);
  }

  /** Knative's defaults: target 100 concurrent requests, 70 %, 60 s window, unlimited concurrency and scale. */
  public static AutoscalerSettings knativeDefaults() {
    return new AutoscalerSettings(Metric.CONCURRENCY, 100, 70, Duration.ofSeconds(60), 10, 200, Duration.ofSeconds(30),
        Duration.ZERO, 0, Integer.MAX_VALUE, 0, 1000, 2, Duration.ofSeconds(2));
  }

  /** The settings an MLBenchmark's serverless target gives its revision; the rest are Knative's defaults. */
  public static AutoscalerSettings from(ServerlessTargetSpec spec) {
    AutoscalerSettings defaults = knativeDefaults();
    return new AutoscalerSettings(spec.metric, spec.target, spec.targetUtilizationPercentage,
        Durations.parse(spec.window), spec.panicWindowPercentage, spec.panicThresholdPercentage,
        defaults.scaleToZeroGracePeriod, Durations.parse(spec.scaleDownDelay), spec.minScale, spec.maxScale,
        spec.containerConcurrency, defaults.maxScaleUpRate, defaults.maxScaleDownRate, defaults.tickInterval);
  }

  /** These settings with another per-pod target. */
  public AutoscalerSettings withTarget(double newTarget) {
    return new AutoscalerSettings(metric, newTarget, targetUtilizationPercentage, stableWindow, panicWindowPercentage,
        panicThresholdPercentage, scaleToZeroGracePeriod, scaleDownDelay, minScale, maxScale, containerConcurrency,
        maxScaleUpRate, maxScaleDownRate, tickInterval);
  }

  /** These settings with other scale bounds. */
  public AutoscalerSettings withScale(int newMinScale, int newMaxScale) {
    return new AutoscalerSettings(metric, target, targetUtilizationPercentage, stableWindow, panicWindowPercentage,
        panicThresholdPercentage, scaleToZeroGracePeriod, scaleDownDelay, newMinScale, newMaxScale, containerConcurrency,
        maxScaleUpRate, maxScaleDownRate, tickInterval);
  }

  /** These settings with another {@code containerConcurrency}. */
  public AutoscalerSettings withContainerConcurrency(int newContainerConcurrency) {
    return new AutoscalerSettings(metric, target, targetUtilizationPercentage, stableWindow, panicWindowPercentage,
        panicThresholdPercentage, scaleToZeroGracePeriod, scaleDownDelay, minScale, maxScale, newContainerConcurrency,
        maxScaleUpRate, maxScaleDownRate, tickInterval);
  }

  /** These settings with another stable window. */
  public AutoscalerSettings withStableWindow(Duration newStableWindow) {
    return new AutoscalerSettings(metric, target, targetUtilizationPercentage, newStableWindow, panicWindowPercentage,
        panicThresholdPercentage, scaleToZeroGracePeriod, scaleDownDelay, minScale, maxScale, containerConcurrency,
        maxScaleUpRate, maxScaleDownRate, tickInterval);
  }

  /** The metric per pod the autoscaler aims at: target times utilisation. */
  public double targetPerPod() {
    return target * targetUtilizationPercentage / 100;
  }

  /** The panic window in whole seconds, at least one. */
  long panicWindowSeconds() {
    return Math.max(1, Math.round(stableWindow.toSeconds() * panicWindowPercentage / 100));
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void requireNotNegative(String name, Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }

  private static void requireWholeSeconds(String name, Duration value) {
    if (value.toSeconds() < 1 || value.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException(name + " must be a whole number of seconds, at least 1, was " + value);
    }
  }
}
