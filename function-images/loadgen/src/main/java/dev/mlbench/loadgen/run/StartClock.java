package dev.mlbench.loadgen.run;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** When a run starts on the {@link System#nanoTime()} clock: a moment from now, or a wall-clock start shared by the pods. */
final class StartClock {

  /** Time to hand the start to every event loop before the first send. */
  private static final long HAND_OVER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private StartClock() {
  }

  /** {@code startAt} when it is still ahead, else right away; null means right away. */
  static long startNanos(Instant startAt) {
    long untilStart = startAt == null ? 0 : Duration.between(Instant.now(), startAt).toNanos();
    return System.nanoTime() + Math.max(HAND_OVER_NANOS, untilStart);
  }
}
