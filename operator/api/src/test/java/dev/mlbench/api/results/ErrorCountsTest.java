package dev.mlbench.api.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorCountsTest {

  @Test
  void addsUpPerClassAcrossPodsAndInTotal() {
    ErrorCounts podA = new ErrorCounts(1, 2, 3, 4, 5, 6);
    ErrorCounts podB = new ErrorCounts(10, 0, 0, 1, 0, 2);

    assertEquals(new ErrorCounts(11, 2, 3, 5, 5, 8), podA.plus(podB));
    assertEquals(21, podA.total());
    assertEquals(0, ErrorCounts.NONE.total());
  }
}
