package dev.mlbench.analysis.simulator;

import java.util.Arrays;

/** A set of pod indexes with O(1) add, remove and access by position. */
final class PodSet {

  private int[] members = new int[16];
  private int[] positions = new int[16];
  private int size;

  PodSet() {
    Arrays.fill(positions, -1);
  }

  int size() {
    return size;
  }

  int get(int position) {
    return members[position];
  }

  boolean contains(int pod) {
    return pod < positions.length && positions[pod] >= 0;
  }

  void add(int pod) {
    if (pod >= positions.length) {
      int oldLength = positions.length;
      positions = Arrays.copyOf(positions, Math.max(pod + 1, oldLength * 2));
      Arrays.fill(positions, oldLength, positions.length, -1);
    }
    if (positions[pod] >= 0) {
      return;
    }
    if (size == members.length) {
      members = Arrays.copyOf(members, size * 2);
    }
    members[size] = pod;
    positions[pod] = size++;
  }

  void remove(int pod) {
    if (!contains(pod)) {
      return;
    }
    int position = positions[pod];
    int last = members[--size];
    members[position] = last;
    positions[last] = position;
    positions[pod] = -1;
  }
}
