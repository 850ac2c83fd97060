package dev.mlbench.analysis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.ServerlessTargetSpec;
import dev.mlbench.api.v1alpha1.ServerlessTargetSpec.Metric;

class AutoscalerSimulatorTest {

  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void steadyTrafficThatNeverLetsThePodIdleHasNoColdStartAfterTheFirst() {
    AutoscalerSimulator simulator = simulator(AutoscalerSettings.knativeDefaults(), constantMillis(50), 1000);

    SimulationResult result = simulator.simulate(RateProfile.constant(20, HOUR), 1);

    assertEquals(1, result.coldStarts());
    assertEquals(1, result.peakPods());
    assertTrue(result.coldStartedRequests() > 0 && result.coldStartedRequests() < 60, "" + result.coldStartedRequests());
    assertEquals(3600, result.instanceSeconds(), 1.0);
    assertEquals(72_000, result.requests(), 5 * Math.sqrt(72_000));
  }

  @Test
  void idleGapsLongerThanGracePlusWindowCostOneColdStartEach() {
    AutoscalerSimulator simulator = simulator(AutoscalerSettings.knativeDefaults(), constantMillis(50), 2000);

    SimulationResult result = simulator.simulate(bursts(10, 150, 5), 1);

    assertEquals(10, result.coldStarts());
    assertEquals(50, result.coldStartedRequests());
    assertEquals(1.0, result.coldStartProbability());
    double podLifetimePerBurst = result.instanceSeconds() / 10;
    // cold start 2 s + burst + stable window 60 s + grace 30 s, give or take a bucket and a tick
    assertTrue(podLifetimePerBurst >= 92 && podLifetimePerBurst <= 96, "" + podLifetimePerBurst);
    // the last request of a burst arrives 0.8 s in and still waits 1.2 s for the pod, then 50 ms in service
    assertEquals(1_250_000, result.latencyMicros().getMinValue(), 1_000);
  }

  @Test
  void idleGapsShorterThanTheStableWindowKeepThePodWarm() {
    AutoscalerSimulator simulator = simulator(AutoscalerSettings.knativeDefaults(), constantMillis(50), 2000);

    SimulationResult result = simulator.simulate(bursts(10, 40, 5), 1);

    assertEquals(1, result.coldStarts());
    assertEquals(5, result.coldStartedRequests());
  }

  @Test
  void aShorterStableWindowScalesToZeroSooner() {
    AutoscalerSettings settings = AutoscalerSettings.knativeDefaults().withStableWindow(Duration.ofSeconds(6));
    AutoscalerSimulator simulator = simulator(settings, constantMillis(50), 2000);

    SimulationResult result = simulator.simulate(bursts(4, 60, 5), 1);

    assertEquals(4, result.coldStarts());
    double podLifetimePerBurst = result.instanceSeconds() / 4;
    assertTrue(podLifetimePerBurst >= 38 && podLifetimePerBurst <= 42, "" + podLifetimePerBurst);
  }

  @Test
  void minScaleOneNeverColdStarts() {
    AutoscalerSimulator simulator = simulator(AutoscalerSettings.knativeDefaults().withScale(1, 10), constantMillis(50), 2000);

    SimulationResult result = simulator.simulate(bursts(10, 150, 5), 1);

    assertEquals(0, result.coldStarts());
    assertEquals(0, result.coldStartProbability());
    assertEquals(1500, result.instanceSeconds(), 1e-6);
  }

  @Test
  void meanConcurrencyFollowsLittlesLaw() {
    EmpiricalDurations service = exponentialMillis(100);
    AutoscalerSimulator simulator = simulator(AutoscalerSettings.knativeDefaults().withScale(1, 10), service, 1000);

    SimulationResult result = simulator.simulate(RateProfile.constant(50, HOUR), 3);

    double arrivalRate = result.requests() / result.simulatedSeconds();
    assertEquals(arrivalRate * service.meanMicros() / 1e6, result.meanConcurrency(), 0.02 * result.meanConcurrency());
    assertEquals(arrivalRate * result.latencyMicros().getMean() / 1e6, result.meanConcurrency(), 0.01 * result.meanConcurrency());
  }

  @Test
  void onePodServingOneRequestAtATimeIsAnMm1Queue() {
    AutoscalerSettings settings = AutoscalerSettings.knativeDefaults().withScale(1, 1).withContainerConcurrency(1);
    AutoscalerSimulator simulator = simulator(settings, exponentialMillis(100), 1000);

    SimulationResult result = simulator.simulate(RateProfile.constant(5, Duration.ofHours(4)), 4);

    // M/M/1 with arrival rate 5/s and service rate 10/s: mean time in system 1 / (10 - 5) = 200 ms
    assertEquals(200_000, result.latencyMicros().getMean(), 200_000 * 0.06);
    assertEquals(0.5, result.busyInstanceSeconds() / result.instanceSeconds(), 0.02);
  }

  @Test
  void loadAboveOnePodsTargetScalesOutToDemandOverTargetTimesUtilisation() {
    AutoscalerSettings settings = AutoscalerSettings.knativeDefaults().withTarget(10);
    AutoscalerSimulator simulator = simulator(settings, exponentialMillis(100), 1000);

    SimulationResult result = simulator.simulate(RateProfile.constant(200, HOUR), 5);

    // 200 req/s × 0.1 s = 20 in flight; 10 × 70 % = 7 per pod: 3 pods
    double meanPods = result.instanceSeconds() / result.simulatedSeconds();
    assertTrue(meanPods > 2.9 && meanPods < 3.6, "" + meanPods);
    assertTrue(result.peakPods() >= 3, "" + result.peakPods());
  }

  @Test
  void maxScaleCapsThePods() {
    AutoscalerSettings settings = AutoscalerSettings.knativeDefaults().withTarget(1).withScale(0, 5);
    AutoscalerSimulator simulator = simulator(settings, exponentialMillis(100), 1000);

    SimulationResult result = simulator.simulate(RateProfile.constant(200, Duration.ofMinutes(10)), 5);

    assertEquals(5, result.peakPods());
  }

  @Test
  void requestsBeyondContainerConcurrencyWaitForAFreeSlot() {
    AutoscalerSettings settings = AutoscalerSettings.knativeDefaults().withScale(0, 1).withContainerConcurrency(1);
    AutoscalerSimulator simulator = simulator(settings, constantMillis(100), 1000);

    SimulationResult result = simulator.simulate(
        new ArrivalTimes(new long[] {0, 0, 0, 0, 0}, Duration.ofMinutes(5)), 6);

    assertEquals(1, result.coldStarts());
    assertEquals(1, result.coldStartedRequests());
    long longest = result.latencyMicros().getMaxValue();
    assertEquals(1_500_000, longest, result.latencyMicros().sizeOfEquivalentValueRange(longest) + 1_000);
  }

  @Test
  void aSuddenSurgeIsMetByPanicModeBeforeTheStableWindowCatchesUp() {
    RateProfile surge = new RateProfile(Duration.ofSeconds(20), new double[] {10, 10, 10, 300});
    AutoscalerSettings panicking = settings(200);
    AutoscalerSettings neverPanicking = settings(1000);

    SimulationResult withPanic = simulator(panicking, exponentialMillis(100), 1000).simulate(surge, 7);
    SimulationResult withoutPanic = simulator(neverPanicking, exponentialMillis(100), 1000).simulate(surge, 7);

    // 300 req/s × 0.1 s = 30 in flight needs 5 pods of 7; 20 s of it moves the 60 s average to 10: 2 pods
    assertTrue(withPanic.peakPods() >= 5, "" + withPanic.peakPods());
    assertTrue(withoutPanic.peakPods() <= 3, "" + withoutPanic.peakPods());
  }

  @Test
  void scaleDownDelayKeepsThePodThatMuchLongerBeforeScalingToZero() {
    ServerlessTargetSpec spec = new ServerlessTargetSpec();
    spec.scaleDownDelay = "60s";
    AutoscalerSimulator simulator = simulator(AutoscalerSettings.from(spec), constantMillis(50), 2000);

    SimulationResult result = simulator.simulate(bursts(4, 300, 5), 1);

    assertEquals(4, result.coldStarts());
    double podLifetimePerBurst = result.instanceSeconds() / 4;
    assertTrue(podLifetimePerBurst >= 152 && podLifetimePerBurst <= 157, "" + podLifetimePerBurst);
  }

  @Test
  void theSameSeedGivesTheSameResultAndAnotherSeedAnotherOne() {
    AutoscalerSimulator simulator = simulator(AutoscalerSettings.knativeDefaults().withTarget(5), exponentialMillis(100), 1000);
    RateProfile profile = RateProfile.perMinute(600, 0, 0, 3000, 60, 0, 1200);

    SimulationResult first = simulator.simulate(profile, 9);
    SimulationResult again = simulator.simulate(profile, 9);
    SimulationResult other = simulator.simulate(profile, 10);

    assertEquals(first.requests(), again.requests());
    assertEquals(first.instanceSeconds(), again.instanceSeconds());
    assertEquals(first.coldStarts(), again.coldStarts());
    assertEquals(first.latencyMicros(), again.latencyMicros());
    assertNotEquals(first.latencyMicros(), other.latencyMicros());
  }

  private static AutoscalerSimulator simulator(AutoscalerSettings settings, EmpiricalDurations service, double coldStartMillis) {
    return new AutoscalerSimulator(settings, service, EmpiricalDurations.ofMillis(List.of(coldStartMillis)));
  }

  private static AutoscalerSettings settings(double panicThresholdPercentage) {
    return new AutoscalerSettings(Metric.CONCURRENCY, 10, 70, Duration.ofSeconds(60), 10, panicThresholdPercentage,
        Duration.ofSeconds(30), Duration.ZERO, 1, 100, 0, 1000, 2, Duration.ofSeconds(2));
  }

  /** {@code count} bursts {@code gapSeconds} apart, each of {@code size} requests within its first second. */
  private static ArrivalTimes bursts(int count, int gapSeconds, int size) {
    long[] times = new long[count * size];
    for (int burst = 0; burst < count; burst++) {
      for (int i = 0; i < size; i++) {
        times[burst * size + i] = burst * gapSeconds * 1_000_000L + i * 200_000L;
      }
    }
    return new ArrivalTimes(times, Duration.ofSeconds((long) count * gapSeconds));
  }

  private static EmpiricalDurations constantMillis(long millis) {
    return EmpiricalDurations.ofMillis(List.of((double) millis));
  }

  private static EmpiricalDurations exponentialMillis(double meanMillis) {
    SplittableRandom random = new SplittableRandom(99);
    Histogram histogram = new Histogram(3);
    for (int i = 0; i < 200_000; i++) {
      histogram.recordValue(Math.round(-Math.log(1 - random.nextDouble()) * meanMillis * 1000));
    }
    return EmpiricalDurations.fromHistogram(histogram);
  }
}
