package dev.mlbench.loadgen.schedule;

/** The intended send times of an open-loop run, produced one at a time so memory stays constant. */
public interface ArrivalSchedule {

  long END = Long.MAX_VALUE;

  /** Offset from the run start in nanoseconds of the next intended send (never decreasing), or {@link #END}. */
  long nextNanos();
}
