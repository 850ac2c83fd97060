package dev.mlbench.analysis.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.mlbench.analysis.simulator.Arrivals.ArrivalStream;

class RateProfileTest {

  @Test
  void eachIntervalReceivesItsRequestsAndQuietIntervalsNone() {
    RateProfile profile = RateProfile.perMinute(6_000, 0, 600);
    int[] perMinute = new int[3];
    long previous = 0;
    ArrivalStream stream = profile.stream(new SplittableRandom(2));
    for (long arrival = stream.nextMicros(); arrival != ArrivalStream.END; arrival = stream.nextMicros()) {
      assertTrue(arrival >= previous, "arrivals come in order");
      previous = arrival;
      perMinute[(int) (arrival / 60_000_000L)]++;
    }

    assertEquals(6_000, perMinute[0], 5 * Math.sqrt(6_000));
    assertEquals(0, perMinute[1]);
    assertEquals(600, perMinute[2], 5 * Math.sqrt(600));
    assertEquals(Duration.ofMinutes(3), profile.span());
    assertEquals(6_600, profile.expectedRequests(), 1e-9);
  }

  @Test
  void hourlyCountsBecomeRatesPerSecond() {
    RateProfile profile = RateProfile.perHour(3_600, 7_200);

    assertEquals(Duration.ofHours(2), profile.span());
    assertEquals(10_800, profile.expectedRequests(), 1e-9);
  }

  @Test
  void explicitArrivalsAreReplayedInOrder() {
    ArrivalTimes times = ArrivalTimes.ofSeconds(new double[] {2.5, 0.5, 1}, Duration.ofSeconds(3));
    ArrivalStream stream = times.stream(new SplittableRandom(1));

    assertEquals(500_000, stream.nextMicros());
    assertEquals(1_000_000, stream.nextMicros());
    assertEquals(2_500_000, stream.nextMicros());
    assertEquals(ArrivalStream.END, stream.nextMicros());
  }

  @Test
  void negativeRatesAndArrivalsAfterTheSpanAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> RateProfile.perMinute(5, -1));
    assertThrows(IllegalArgumentException.class, () -> ArrivalTimes.ofSeconds(new double[] {5}, Duration.ofSeconds(4)));
  }
}
