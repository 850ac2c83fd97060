package dev.mlbench.loadgen.run;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.mlbench.loadgen.http.Connection;
import dev.mlbench.loadgen.http.Exchange;
import dev.mlbench.loadgen.http.Outcome;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One event loop's connections of a concurrency level: each sends its next request as soon as the last one
 * ended, until the level's end or the request budget. Latency runs from the actual send, so a stalled
 * server holds back the load that would have shown the stall: closed-loop results say so.
 */
final class ClosedLoopWorker implements Connection.Listener {

  /** After a connection failure, a pause before the next attempt, so a dead target is not hammered. */
  private static final long RETRY_PAUSE_MILLIS = 10;

  private final EventLoop loop;
  private final PhaseRecorder warmup;
  private final PhaseRecorder measured;
  private final AtomicLong budget;
  private final long timeoutNanos;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private List<Connection> connections;
  private long warmupEndNanos;
  private long endNanos;
  private int active;
  private ScheduledFuture<?> timeoutSweep;

  ClosedLoopWorker(EventLoop loop, PhaseRecorder warmup, PhaseRecorder measured, AtomicLong budget, long timeoutNanos) {
    this.loop = loop;
    this.warmup = warmup;
    this.measured = measured;
    this.budget = budget;
    this.timeoutNanos = timeoutNanos;
  }

  CompletableFuture<Void> start(List<Connection> ownConnections, long startNanos, long warmupEnd, long end) {
    loop.execute(() -> {
      connections = ownConnections;
      warmupEndNanos = warmupEnd;
      endNanos = end;
      active = ownConnections.size();
      long sweepMillis = Math.max(10, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(timeoutNanos) / 10));
      timeoutSweep = loop.scheduleAtFixedRate(this::expireTimedOut, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
      if (active == 0) {
        finish();
      }
      loop.schedule(() -> ownConnections.forEach(this::sendNext), startNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    });
    return done;
  }

  @Override
  public void onExchange(Connection connection, Exchange exchange) {
    phaseAt(exchange.intendedNanos()).record(exchange);
    if (exchange.outcome() == Outcome.CONNECTION) {
      loop.schedule(() -> sendNext(connection), RETRY_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      sendNext(connection);
    }
  }

  private void sendNext(Connection connection) {
    long now = System.nanoTime();
    if (now >= endNanos || budget.decrementAndGet() < 0) {
      active--;
      if (active == 0) {
        finish();
      }
      return;
    }
    phaseAt(now).sent();
    connection.send(now);
  }

  private PhaseRecorder phaseAt(long nanos) {
    return nanos < warmupEndNanos ? warmup : measured;
  }

  private void expireTimedOut() {
    long now = System.nanoTime();
    for (Connection connection : connections) {
      if (connection.inFlight() && now - connection.attemptNanos() > timeoutNanos) {
        connection.expire();
      }
    }
  }

  private void finish() {
    if (!done.isDone()) {
      timeoutSweep.cancel(false);
      done.complete(null);
    }
  }
}
