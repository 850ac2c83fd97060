package dev.mlbench.loadgen.run;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import dev.mlbench.api.results.ErrorCounts;
import dev.mlbench.api.results.HistogramCodec;
import dev.mlbench.api.results.LatencySummary;
import dev.mlbench.api.results.LoopKind;
import dev.mlbench.api.results.PhaseResult;
import dev.mlbench.loadgen.http.Exchange;
import dev.mlbench.loadgen.http.Outcome;

/**
 * Counts and latencies of one phase, recorded from any event-loop thread in constant memory: an
 * HdrHistogram {@link Recorder} (wait-free for writers) drained into a cumulative histogram by readers.
 */
public final class PhaseRecorder {

  /** Latencies beyond an hour are clamped: no request lives that long (timeout and max lag bound it). */
  static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
  private static final int SIGNIFICANT_DIGITS = 3;

  private final Recorder recorder = new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
  private final Histogram cumulative = new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
  private Histogram recycled;
  private final LongAdder sent = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder responseBytes = new LongAdder();
  private final Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);

  public PhaseRecorder() {
    for (Outcome outcome : Outcome.values()) {
      outcomes.put(outcome, new LongAdder());
    }
  }

  public void sent() {
    sent.increment();
  }

  public void dropped() {
    dropped.increment();
  }

  /** Records a finished request; only successes enter the histogram, with latency from the intended send time. */
  public void record(Exchange exchange) {
    outcomes.get(exchange.outcome()).increment();
    responseBytes.add(exchange.responseBytes());
    if (exchange.outcome() == Outcome.SUCCESS) {
      long micros = TimeUnit.NANOSECONDS.toMicros(exchange.latencyFromIntendedNanos());
      recorder.recordValue(Math.max(0, Math.min(micros, HIGHEST_MICROS)));
    }
  }

  public long sentCount() {
    return sent.sum();
  }

  public long droppedCount() {
    return dropped.sum();
  }

  public long count(Outcome outcome) {
    return outcomes.get(outcome).sum();
  }

  public long errorCount() {
    long finished = 0;
    for (LongAdder adder : outcomes.values()) {
      finished += adder.sum();
    }
    return finished - count(Outcome.SUCCESS);
  }

  /** The latency at {@code percentile} of all successes so far, in microseconds. */
  public synchronized long percentileMicros(double percentile) {
    drain();
    return cumulative.getValueAtPercentile(percentile);
  }

  /**
   * @param scheduled requests intended in the window; for a closed loop the sent ones
   * @param targetRatePerSecond the schedule's mean rate over the window (open loop), else null
   */
  public synchronized PhaseResult toResult(String name, LoopKind loop, Integer concurrency, Double targetRatePerSecond,
      long measuredDurationNanos, long scheduled) {
    drain();
    double seconds = measuredDurationNanos / 1e9;
    long sentRequests = sent.sum();
    long succeeded = count(Outcome.SUCCESS);
    return new PhaseResult(name, loop, concurrency, targetRatePerSecond,
        TimeUnit.NANOSECONDS.toMillis(measuredDurationNanos), scheduled, sentRequests, succeeded, dropped.sum(), errorCounts(),
        seconds > 0 ? sentRequests / seconds : 0, seconds > 0 ? succeeded / seconds : 0, responseBytes.sum(),
        LatencySummary.of(cumulative), HistogramCodec.encode(cumulative));
  }

  private ErrorCounts errorCounts() {
    return new ErrorCounts(count(Outcome.TIMEOUT), count(Outcome.CONNECTION), count(Outcome.HTTP_4XX),
        count(Outcome.HTTP_5XX), count(Outcome.HTTP_OTHER), count(Outcome.MALFORMED));
  }

  private void drain() {
    recycled = recorder.getIntervalHistogram(recycled);
    cumulative.add(recycled);
  }
}
