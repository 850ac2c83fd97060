package dev.mlbench.loadgen.run;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.mlbench.loadgen.http.Connection;
import dev.mlbench.loadgen.http.Exchange;
import dev.mlbench.loadgen.schedule.ArrivalSchedule;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Sends one event loop's share of an open-loop schedule. A due request takes the next free connection;
 * when none is free it waits for one, its latency still counted from its intended time, and is dropped
 * once it is {@code maxLag} late. The schedule never waits for responses.
 */
final class OpenLoopWorker implements Connection.Listener {

  private final EventLoop loop;
  private final ArrivalSchedule schedule;
  private final PhaseRecorder warmup;
  private final PhaseRecorder measured;
  private final long warmupNanos;
  private final long maxLagNanos;
  private final long timeoutNanos;
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private final CompletableFuture<OpenLoopWorker> done = new CompletableFuture<>();
  private List<Connection> connections;
  private long startNanos;
  private long next;
  private long lastScheduledOffsetNanos = -1;
  private long lastSendNanos;
  private int inFlight;
  private boolean dispatching;
  private boolean dispatchAgain;
  private ScheduledFuture<?> wakeup;
  private ScheduledFuture<?> timeoutSweep;

  OpenLoopWorker(EventLoop loop, ArrivalSchedule schedule, PhaseRecorder warmup, PhaseRecorder measured, long warmupNanos,
      long maxLagNanos, long timeoutNanos) {
    this.loop = loop;
    this.schedule = schedule;
    this.warmup = warmup;
    this.measured = measured;
    this.warmupNanos = warmupNanos;
    this.maxLagNanos = maxLagNanos;
    this.timeoutNanos = timeoutNanos;
  }

  CompletableFuture<OpenLoopWorker> start(List<Connection> ownConnections, long runStartNanos) {
    loop.execute(() -> {
      connections = ownConnections;
      idle.addAll(ownConnections);
      startNanos = runStartNanos;
      next = advance();
      long sweepMillis = Math.max(10, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(timeoutNanos) / 10));
      timeoutSweep = loop.scheduleAtFixedRate(this::expireTimedOut, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
      dispatch();
    });
    return done;
  }

  long lastScheduledOffsetNanos() {
    return lastScheduledOffsetNanos;
  }

  long lastSendNanos() {
    return lastSendNanos;
  }

  @Override
  public void onExchange(Connection connection, Exchange exchange) {
    inFlight--;
    phaseOf(exchange.intendedNanos() - startNanos).record(exchange);
    idle.addLast(connection);
    dispatch();
  }

  private void dispatch() {
    if (dispatching) {
      dispatchAgain = true;
      return;
    }
    dispatching = true;
    try {
      do {
        dispatchAgain = false;
        sendDue();
      } while (dispatchAgain);
    } finally {
      dispatching = false;
    }
  }

  private void sendDue() {
    long now = System.nanoTime();
    while (next != ArrivalSchedule.END && startNanos + next <= now) {
      long intended = startNanos + next;
      PhaseRecorder phase = phaseOf(next);
      if (now - intended > maxLagNanos) {
        phase.dropped();
        next = advance();
        continue;
      }
      Connection connection = idle.pollFirst();
      if (connection == null) {
        return;
      }
      phase.sent();
      inFlight++;
      lastSendNanos = now;
      next = advance();
      connection.send(intended);
      now = System.nanoTime();
    }
    if (next == ArrivalSchedule.END) {
      if (inFlight == 0) {
        finish();
      }
    } else if (!idle.isEmpty() && wakeup == null) {
      wakeup = loop.schedule(() -> {
        wakeup = null;
        dispatch();
      }, startNanos + next - now, TimeUnit.NANOSECONDS);
    }
  }

  private long advance() {
    long offset = schedule.nextNanos();
    if (offset != ArrivalSchedule.END) {
      lastScheduledOffsetNanos = offset;
    }
    return offset;
  }

  private PhaseRecorder phaseOf(long offsetNanos) {
    return offsetNanos < warmupNanos ? warmup : measured;
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
    if (done.isDone()) {
      return;
    }
    timeoutSweep.cancel(false);
    if (wakeup != null) {
      wakeup.cancel(false);
    }
    done.complete(this);
  }
}
