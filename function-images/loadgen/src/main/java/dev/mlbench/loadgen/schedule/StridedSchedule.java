package dev.mlbench.loadgen.schedule;

/**
 * Every {@code stride}-th arrival of the first {@code limit}, starting at {@code offset}: how one schedule
 * is split across event-loop threads without sharing state, each thread replaying the full seeded sequence.
 */
public final class StridedSchedule implements ArrivalSchedule {

  private final ArrivalSchedule schedule;
  private final int stride;
  private final long limit;
  private long index;
  private long skip;

  public StridedSchedule(ArrivalSchedule schedule, int offset, int stride, long limit) {
    this.schedule = schedule;
    this.stride = stride;
    this.limit = limit;
    this.skip = offset;
  }

  @Override
  public long nextNanos() {
    long next = END;
    for (long i = 0; i <= skip; i++) {
      if (index >= limit) {
        return END;
      }
      next = schedule.nextNanos();
      index++;
      if (next == END) {
        return END;
      }
    }
    skip = stride - 1;
    return next;
  }
}
