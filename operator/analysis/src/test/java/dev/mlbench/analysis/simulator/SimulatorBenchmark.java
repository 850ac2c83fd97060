package dev.mlbench.analysis.simulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;

/**
 * Prints how many requests the autoscaler simulator handles per second of CPU (this thread's CPU time, so
 * other load on the machine does not count): one day of a diurnal hourly profile averaging 200 req/s (about
 * 17 million requests) against a 100 ms exponential service time, Knative's defaults with target 10. Not a test; from the repository root:
 * <pre>
 * ./mvnw -B -o -q -pl operator/analysis -am test-compile
 * cd operator/analysis
 * ../../mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath
 * java -cp "target/classes:target/test-classes:$(cat target/benchmark.classpath)" \
 *     dev.mlbench.analysis.simulator.SimulatorBenchmark
 * </pre>
 */
public final class SimulatorBenchmark {

  private SimulatorBenchmark() {
  }

  public static void main(String[] args) {
    SplittableRandom random = new SplittableRandom(1);
    Histogram serviceMicros = new Histogram(3);
    for (int i = 0; i < 1_000_000; i++) {
      serviceMicros.recordValue(Math.round(-Math.log(1 - random.nextDouble()) * 100_000));
    }
    double[] requestsPerHour = new double[24];
    for (int hour = 0; hour < 24; hour++) {
      requestsPerHour[hour] = 200 * 3600 * (1 + 0.8 * Math.sin(2 * Math.PI * hour / 24));
    }
    AutoscalerSimulator simulator = new AutoscalerSimulator(AutoscalerSettings.knativeDefaults().withTarget(10),
        EmpiricalDurations.fromHistogram(serviceMicros), EmpiricalDurations.ofMillis(List.of(1800.0, 2400.0, 3100.0)));
    RateProfile day = RateProfile.perHour(requestsPerHour);

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int run = 0; run < 5; run++) {
      long started = threads.getCurrentThreadCpuTime();
      SimulationResult result = simulator.simulate(day, run);
      double seconds = (threads.getCurrentThreadCpuTime() - started) / 1e9;
      System.out.printf("run %d: %,d requests in %.2f CPU s = %,.0f requests per CPU second; %,.0f instance-seconds, %d cold starts,"
              + " peak %d pods, p99 %.1f ms%n", run, result.requests(), seconds, result.requests() / seconds,
          result.instanceSeconds(), result.coldStarts(), result.peakPods(),
          result.latencyMicros().getValueAtPercentile(99) / 1000.0);
    }
    System.out.println("simulated span " + day.span());
  }
}
