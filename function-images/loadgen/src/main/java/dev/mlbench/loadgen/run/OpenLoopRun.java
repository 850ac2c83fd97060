package dev.mlbench.loadgen.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.mlbench.api.results.LoopKind;
import dev.mlbench.api.results.PhaseResult;
import dev.mlbench.loadgen.config.ScenarioConfig;
import dev.mlbench.loadgen.config.Shard;
import dev.mlbench.loadgen.http.Connection;
import dev.mlbench.loadgen.http.Transport;
import dev.mlbench.loadgen.schedule.ArrivalSchedule;
import dev.mlbench.loadgen.schedule.BurstRate;
import dev.mlbench.loadgen.schedule.ConstantRate;
import dev.mlbench.loadgen.schedule.ProfileSchedule;
import dev.mlbench.loadgen.schedule.RampRate;
import dev.mlbench.loadgen.schedule.StridedSchedule;
import dev.mlbench.loadgen.schedule.TraceSchedule;
import io.netty.channel.EventLoop;

/**
 * An open-loop scenario: the seeded schedule is split across load pods (shards) and their event loops by
 * arrival index — arrival j goes to shard j mod N — each loop replaying the whole sequence and sending its
 * part, so the union is the same schedule on every run.
 */
public final class OpenLoopRun {


  private final ScenarioConfig config;
  private final PrintStream progress;

  public OpenLoopRun(ScenarioConfig config, PrintStream progress) {
    this.config = config;
    this.progress = progress;
  }

  /**
   * The full arrival schedule of the scenario, warm-up included, identical for equal configurations and
   * seeds.
   */
  public static ArrivalSchedule schedule(ScenarioConfig config) {
    long durationNanos = config.duration().toNanos();
    return switch (config.pattern()) {
      case CONSTANT, POISSON -> new ProfileSchedule(new ConstantRate(config.rate()), config.arrivals(), durationNanos, config.seed());
      case BURST -> new ProfileSchedule(new BurstRate(config.rate(), config.baseRate(), config.period().toNanos() / 1e9),
          config.arrivals(), durationNanos, config.seed());
      case RAMP -> new ProfileSchedule(new RampRate(config.from(), config.to(), durationNanos / 1e9), config.arrivals(),
          durationNanos, config.seed());
      case TRACE -> new TraceSchedule(config.trace(), durationNanos, config.seed());
      case CONCURRENCY -> throw new IllegalArgumentException("concurrency is a closed-loop pattern");
    };
  }

  public PhaseResult run() {
    PhaseRecorder warmup = new PhaseRecorder();
    PhaseRecorder measured = new PhaseRecorder();
    long warmupNanos = config.warmup().toNanos();
    try (Transport transport = new Transport(config.threads())) {
      TargetConnections target = new TargetConnections(transport, config);
      List<OpenLoopWorker> workers = new ArrayList<>();
      List<Connection> all = new ArrayList<>();
      List<List<Connection>> perWorker = new ArrayList<>();
      int threads = Math.min(config.threads(), config.connections());
      Shard shard = config.shard();
      for (int i = 0; i < threads; i++) {
        EventLoop loop = transport.group().next();
        OpenLoopWorker worker = new OpenLoopWorker(loop, new StridedSchedule(schedule(config),
            shard.index() + shard.count() * i, shard.count() * threads, config.maxRequests()),
            warmup, measured, warmupNanos, config.maxLag().toNanos(), config.timeout().toNanos());
        List<Connection> own = new ArrayList<>();
        for (int c = i; c < config.connections(); c += threads) {
          own.add(target.create(loop, worker));
        }
        workers.add(worker);
        perWorker.add(own);
        all.addAll(own);
      }
      target.openAll(all);
      try (ProgressReporter reporter = new ProgressReporter(progress)) {
        reporter.show(warmupNanos > 0 ? "warm-up" : "open-loop", warmupNanos > 0 ? warmup : measured);
        long startNanos = StartClock.startNanos(config.startAt());
        List<CompletableFuture<OpenLoopWorker>> finished = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
          finished.add(workers.get(i).start(perWorker.get(i), startNanos));
        }
        if (warmupNanos > 0) {
          awaitQuietly(CompletableFuture.allOf(finished.toArray(CompletableFuture[]::new)), startNanos + warmupNanos);
          reporter.show("open-loop", measured);
        }
        await(CompletableFuture.allOf(finished.toArray(CompletableFuture[]::new)),
            config.duration().toNanos() + config.maxLag().toNanos() + 2 * config.timeout().toNanos());
        all.forEach(Connection::close);
        return result(warmup, measured, workers, startNanos, warmupNanos);
      }
    }
  }

  private PhaseResult result(PhaseRecorder warmup, PhaseRecorder measured, List<OpenLoopWorker> workers, long startNanos,
      long warmupNanos) {
    long scheduled = measured.sentCount() + measured.droppedCount();
    long lastScheduledOffset = workers.stream().mapToLong(OpenLoopWorker::lastScheduledOffsetNanos).max().orElse(-1);
    long lastSend = workers.stream().mapToLong(OpenLoopWorker::lastSendNanos).max().orElse(0);
    boolean capped = warmup.sentCount() + warmup.droppedCount() + scheduled >= config.shard().share(config.maxRequests());
    long nominalEndOffset = capped ? Math.max(lastScheduledOffset, warmupNanos) : config.duration().toNanos();
    long nominalWindow = Math.max(1, nominalEndOffset - warmupNanos);
    long measuredWindow = Math.max(nominalWindow, lastSend - (startNanos + warmupNanos));
    return measured.toResult("open-loop", LoopKind.OPEN_LOOP, null, scheduled / (nominalWindow / 1e9), measuredWindow, scheduled);
  }

  private static void awaitQuietly(CompletableFuture<?> future, long untilNanos) {
    try {
      future.get(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException expected) {
      // the warm-up ended while the run goes on
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("open-loop worker failed", e.getCause());
    }
  }

  private static void await(CompletableFuture<?> future, long withinNanos) {
    try {
      future.get(withinNanos + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("open-loop run did not end within its duration, max lag and timeout", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("open-loop worker failed", e.getCause());
    }
  }
}
