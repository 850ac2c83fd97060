package dev.mlbench.analysis.simulator;

import java.time.Duration;
import java.util.SplittableRandom;

/** When requests arrive at the simulated revision. */
public sealed interface Arrivals permits RateProfile, ArrivalTimes {

  /** How long the arrivals last: the simulated span, to which idle pods are billed. */
  Duration span();

  /** A stream of arrival times in microseconds from 0, non-decreasing, drawing from {@code random}. */
  ArrivalStream stream(SplittableRandom random);

  /** Arrival times one after another. */
  interface ArrivalStream {

    /** Marks the end of the arrivals. */
    long END = Long.MAX_VALUE;

    /** The next arrival time in microseconds, or {@link #END}. */
    long nextMicros();
  }
}
