package dev.mlbench.analysis.simulator;

import java.util.Arrays;

/** A binary min-heap of request completions (time, pod) in primitive arrays: no object per request. */
final class CompletionQueue {

  private long[] times = new long[256];
  private int[] pods = new int[256];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  /** The earliest completion time, or {@code Long.MAX_VALUE} when empty. */
  long peekTime() {
    return size == 0 ? Long.MAX_VALUE : times[0];
  }

  int peekPod() {
    return pods[0];
  }

  void add(long time, int pod) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      pods = Arrays.copyOf(pods, size * 2);
    }
    int child = size++;
    while (child > 0) {
      int parent = (child - 1) >>> 1;
      if (times[parent] <= time) {
        break;
      }
      times[child] = times[parent];
      pods[child] = pods[parent];
      child = parent;
    }
    times[child] = time;
    pods[child] = pod;
  }

  void removeFirst() {
    long lastTime = times[--size];
    int lastPod = pods[size];
    int parent = 0;
    int half = size >>> 1;
    while (parent < half) {
      int child = 2 * parent + 1;
      if (child + 1 < size && times[child + 1] < times[child]) {
        child++;
      }
      if (lastTime <= times[child]) {
        break;
      }
      times[parent] = times[child];
      pods[parent] = pods[child];
      parent = child;
    }
    times[parent] = lastTime;
    pods[parent] = lastPod;
  }
}
