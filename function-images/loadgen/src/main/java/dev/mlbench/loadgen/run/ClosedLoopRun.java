package dev.mlbench.loadgen.run;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dev.mlbench.api.results.LoopKind;
import dev.mlbench.api.results.PhaseResult;
import dev.mlbench.loadgen.config.ScenarioConfig;
import dev.mlbench.loadgen.http.Connection;
import dev.mlbench.loadgen.http.Transport;
import io.netty.channel.EventLoop;

/**
 * A closed-loop concurrency sweep: each level holds its number of requests in flight for its duration, the
 * leading warm-up of each level left out of its result; with several load pods, each holds its shard's
 * share of the level.
 */
public final class ClosedLoopRun {

  private final ScenarioConfig config;
  private final PrintStream progress;

  public ClosedLoopRun(ScenarioConfig config, PrintStream progress) {
    this.config = config;
    this.progress = progress;
  }

  public List<PhaseResult> run() {
    List<PhaseResult> results = new ArrayList<>();
    AtomicLong budget = new AtomicLong(config.shard().share(config.maxRequests()));
    try (Transport transport = new Transport(config.threads());
        ProgressReporter reporter = new ProgressReporter(progress)) {
      TargetConnections target = new TargetConnections(transport, config);
      Instant startAt = config.startAt();
      for (int level : config.levels()) {
        if (budget.get() <= 0) {
          break;
        }
        results.add(runLevel(level, startAt, transport, target, budget, reporter));
        startAt = null;
      }
    }
    return results;
  }

  private PhaseResult runLevel(int level, Instant startAt, Transport transport, TargetConnections target,
      AtomicLong budget, ProgressReporter reporter) {
    String name = "concurrency-" + level;
    PhaseRecorder warmup = new PhaseRecorder();
    PhaseRecorder measured = new PhaseRecorder();
    long warmupNanos = config.warmup().toNanos();
    long durationNanos = config.durationPerLevel().toNanos();
    int connections = (int) config.shard().share(level);
    if (connections == 0) {
      // the other pods hold this level; wait it out so the following levels start together
      sleep(StartClock.startNanos(startAt) - System.nanoTime() + durationNanos);
      return measured.toResult(name, LoopKind.CLOSED_LOOP, 0, null, durationNanos - warmupNanos, 0);
    }
    int threads = Math.min(config.threads(), connections);
    List<ClosedLoopWorker> workers = new ArrayList<>();
    List<List<Connection>> perWorker = new ArrayList<>();
    List<Connection> all = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      EventLoop loop = transport.group().next();
      ClosedLoopWorker worker = new ClosedLoopWorker(loop, warmup, measured, budget, config.timeout().toNanos());
      List<Connection> own = new ArrayList<>();
      for (int c = i; c < connections; c += threads) {
        own.add(target.create(loop, worker));
      }
      workers.add(worker);
      perWorker.add(own);
      all.addAll(own);
    }
    target.openAll(all);
    long startNanos = StartClock.startNanos(startAt);
    long warmupEndNanos = startNanos + warmupNanos;
    long endNanos = startNanos + durationNanos;
    reporter.show(warmupNanos > 0 ? name + " warm-up" : name, warmupNanos > 0 ? warmup : measured);
    List<CompletableFuture<Void>> finished = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      finished.add(workers.get(i).start(perWorker.get(i), startNanos, warmupEndNanos, endNanos));
    }
    CompletableFuture<Void> levelDone = CompletableFuture.allOf(finished.toArray(CompletableFuture[]::new));
    if (warmupNanos > 0) {
      awaitUntil(levelDone, warmupEndNanos, false);
      reporter.show(name, measured);
    }
    awaitUntil(levelDone, endNanos + config.timeout().toNanos() + TimeUnit.SECONDS.toNanos(5), true);
    long stoppedNanos = System.nanoTime();
    all.forEach(Connection::close);
    long window = Math.max(1, Math.min(endNanos, stoppedNanos) - warmupEndNanos);
    return measured.toResult(name, LoopKind.CLOSED_LOOP, connections, null, window, measured.sentCount());
  }

  private static void sleep(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void awaitUntil(CompletableFuture<?> future, long untilNanos, boolean mustFinish) {
    try {
      future.get(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (mustFinish) {
        throw new IllegalStateException("closed-loop level did not end within its duration and timeout", e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("closed-loop worker failed", e.getCause());
    }
  }
}
