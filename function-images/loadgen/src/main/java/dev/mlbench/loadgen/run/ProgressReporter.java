package dev.mlbench.loadgen.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.mlbench.loadgen.http.Outcome;

/** Prints one line a second to stderr: elapsed, phase, sent, ok, errors, dropped, send rate, p99 so far. */
final class ProgressReporter implements AutoCloseable {

  private final PrintStream out;
  private final long startNanos;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "mlbench-progress");
    thread.setDaemon(true);
    return thread;
  });
  private volatile String label;
  private volatile PhaseRecorder phase;
  private long lastSent;
  private long lastTickNanos;

  ProgressReporter(PrintStream out) {
    this.out = out;
    this.startNanos = System.nanoTime();
    this.lastTickNanos = startNanos;
    ticker.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
  }

  synchronized void show(String phaseLabel, PhaseRecorder recorder) {
    label = phaseLabel;
    phase = recorder;
    lastSent = recorder.sentCount();
    lastTickNanos = System.nanoTime();
  }

  private synchronized void print() {
    PhaseRecorder current = phase;
    if (current == null) {
      return;
    }
    long now = System.nanoTime();
    long sent = current.sentCount();
    double rate = (sent - lastSent) / ((now - lastTickNanos) / 1e9);
    lastSent = sent;
    lastTickNanos = now;
    out.printf(Locale.ROOT, "[%7.1fs] %-16s sent %d  ok %d  errors %d  dropped %d  rate %.1f/s  p99 %.3f ms%n",
        (now - startNanos) / 1e9, label, sent, current.count(Outcome.SUCCESS), current.errorCount(), current.droppedCount(),
        rate, current.percentileMicros(99) / 1000.0);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
