package dev.mlbench.analysis.simulator;

/** Arrival times of requests waiting for a pod, first in first out, in a growing ring. */
final class ArrivalBuffer {

  private long[] arrivals = new long[256];
  private int head;
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  void add(long arrivalMicros) {
    if (size == arrivals.length) {
      long[] grown = new long[size * 2];
      for (int i = 0; i < size; i++) {
        grown[i] = arrivals[(head + i) & (arrivals.length - 1)];
      }
      arrivals = grown;
      head = 0;
    }
    arrivals[(head + size++) & (arrivals.length - 1)] = arrivalMicros;
  }

  long removeFirst() {
    long first = arrivals[head];
    head = (head + 1) & (arrivals.length - 1);
    size--;
    return first;
  }

}
