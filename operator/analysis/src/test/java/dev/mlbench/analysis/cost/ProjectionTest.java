package dev.mlbench.analysis.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.CostSpec.Provider;
import dev.mlbench.api.v1alpha1.TargetKind;
import dev.mlbench.api.v1alpha1.TcoSpec;
import dev.mlbench.api.v1alpha1.TrafficSpec;
import dev.mlbench.api.v1alpha1.TrafficSpec.Shape;

class ProjectionTest {

  private static final double CENT = 0.005;
  private static final Footprint NO_FOOTPRINT = new Footprint(0, 0, 0, Gateway.NONE);
  private static final CostModel AWS = new CostModel(PriceCatalog.of(Provider.AWS), false);

  @Test
  void everyShapeProjectsThirtyDaysOfTheDailyRequests() {
    for (Shape shape : new Shape[] {Shape.STEADY, Shape.DIURNAL, Shape.BURSTY}) {
      HourlyDemand demand = HourlyDemand.of(shape, 2_400_000);
      assertEquals(720, demand.hours());
      assertEquals(72_000_000, demand.totalRequests(), 1e-3, shape.name());
    }
  }

  @Test
  void diurnalPeaksAtTwoPmAtOnePointSixTimesTheMean() {
    HourlyDemand demand = HourlyDemand.of(Shape.DIURNAL, 2_400_000);
    // mean hour 100,000 requests; 14:00 weighted 1 + 0.6, 02:00 weighted 1 − 0.6
    assertEquals(160_000, demand.requests(14), 1e-6);
    assertEquals(40_000, demand.requests(2), 1e-6);
    assertEquals(160_000, demand.requests(24 + 14), 1e-6);
  }

  @Test
  void burstyHasTwoHoursAtEightTimesTheBase() {
    HourlyDemand demand = HourlyDemand.of(Shape.BURSTY, 3_800_000);
    // 22 base hours + 2 × 8 = 38 base-hour units a day: base 100,000, bursts at 10:00 and 19:00 800,000
    assertEquals(100_000, demand.requests(9), 1e-6);
    assertEquals(800_000, demand.requests(10), 1e-6);
    assertEquals(800_000, demand.requests(19), 1e-6);
  }

  @Test
  void traceGivesTheShapeAndRequestsPerDayTheVolume() {
    long[] perMinute = new long[90];
    Arrays.fill(perMinute, 0, 60, 1);
    Arrays.fill(perMinute, 60, 90, 4);
    HourlyDemand demand = HourlyDemand.fromTrace(perMinute, 24_000, 1);
    // the 90 minutes repeat minute by minute: hour 0 = trace minutes 0-59 = 60; hour 1 = minutes 60-89 (120) + 0-29 (30)
    // = 150; hour 2 = minutes 30-89 = 30 + 120 = 150; then again. A day: 16 repetitions × 180 = 2,880 trace requests,
    // scaled to 24,000: × 25/3
    assertEquals(500, demand.requests(0), 1e-9);
    assertEquals(1250, demand.requests(1), 1e-9);
    assertEquals(1250, demand.requests(2), 1e-9);
    assertEquals(500, demand.requests(3), 1e-9);
    assertEquals(24_000, demand.totalRequests(), 1e-6);
  }

  @Test
  void aTraceProjectionKeepsOneScaledRepetitionForTheSimulation() {
    long[] perMinute = new long[120];
    Arrays.fill(perMinute, 0, 60, 10);
    Arrays.fill(perMinute, 60, 120, 30);
    TraceProjection projection = TraceProjection.of(perMinute, 96_000, 30);
    // two hours repeat 360 times in 30 days; 2,400 trace requests per repetition, 12 a day, scaled to 96,000 a day: × 10/3
    assertEquals(120, projection.cycleMinutes());
    assertEquals(360, projection.cycles(), 1e-12);
    assertEquals(100.0 / 3, projection.cycleRequestsPerMinute()[0], 1e-9);
    assertEquals(100, projection.cycleRequestsPerMinute()[119], 1e-9);
    assertEquals(2_000, projection.hourly().requests(0), 1e-9);
    assertEquals(6_000, projection.hourly().requests(1), 1e-9);
    assertEquals(2_000, projection.hourly().requests(718), 1e-9);
    assertEquals(96_000 * 30, projection.hourly().totalRequests(), 1e-6);
  }

  @Test
  void aTraceLongerThanTheProjectionIsCut() {
    long[] perMinute = new long[31 * 1440];
    Arrays.fill(perMinute, 1);
    perMinute[perMinute.length - 1] = 1_000_000;
    TraceProjection projection = TraceProjection.of(perMinute, 1440, 30);
    // the last day (and its spike) falls outside the 30 days
    assertEquals(30 * 1440, projection.cycleMinutes());
    assertEquals(1, projection.cycles(), 1e-12);
    assertEquals(60, projection.hourly().requests(719), 1e-9);
  }

  @Test
  void theBenchmarksTrafficSpecSelectsTheShape() {
    TrafficSpec traffic = new TrafficSpec();
    traffic.requestsPerDay = 2_400_000;
    traffic.shape = Shape.TRACE;
    long[] perMinute = new long[1440];
    perMinute[0] = 1;
    HourlyDemand demand = HourlyDemand.of(traffic, perMinute);
    // all the trace's requests fall in hour 0, so each day's 2.4 million do too
    assertEquals(2_400_000, demand.requests(24), 1e-6);
    assertEquals(0, demand.requests(25));
    assertThrows(IllegalArgumentException.class, () -> HourlyDemand.of(traffic, null));
  }

  @Test
  void traceShapeNeedsItsCounts() {
    assertThrows(IllegalArgumentException.class, () -> HourlyDemand.of(Shape.TRACE, 1000));
    assertThrows(IllegalArgumentException.class, () -> HourlyDemand.fromTrace(new long[60], 1000, 30));
  }

  @Test
  void containerReplicasFollowTheHourlyDemandAtTheMeasuredCapacity() {
    // 15 req/s steady = 1,296,000 requests a day; 10 req/s per replica → 2 replicas every hour
    MonthlyProjection projection = new MonthlyProjection(AWS, HourlyDemand.of(Shape.STEADY, 15 * 86_400));
    PodShape task = new PodShape(0.25, 512, Architecture.X86_64);
    // 1,440 replica-hours × (0.25 × $0.04048 + 0.5 × $0.004445) = $17.7732
    assertEquals(17.77, projection.container(task, 10, 1, NO_FOOTPRINT).total(), CENT);
  }

  @Test
  void diurnalContainerScalesWhileTheVmPoolIsBoughtForThePeak() {
    // mean 10 req/s: hours run from 4 req/s (02:00) to 16 req/s (14:00)
    MonthlyProjection projection = new MonthlyProjection(AWS, HourlyDemand.of(Shape.DIURNAL, 864_000));
    int[] replicas = projection.replicasPerHour(5, 1);
    assertEquals(4, replicas[14]);
    assertEquals(1, replicas[2]);
    // the pool needs 16 / 5 → 4 nodes at the peak, paid 720 h: 4 × 720 × $0.096 = $276.48
    assertEquals(276.48, projection.vm("m5.large", 5, 1, NO_FOOTPRINT).total(), CENT);
  }

  @Test
  void serverlessProjectionBillsTheMonthsRequests() {
    MonthlyProjection projection = new MonthlyProjection(AWS, HourlyDemand.of(Shape.DIURNAL, 100_000));
    FunctionProfile function = new FunctionProfile(ServiceTime.of(1000), new PodShape(1, 512, Architecture.X86_64), Double.NaN, 0);
    // 3,000,000 requests a month: as the hand-worked Lambda bill, $25.60
    assertEquals(25.60, projection.serverless(function, 0, null, NO_FOOTPRINT).total(), CENT);
  }

  @Test
  void oneYearTcoAddsCloudDevelopmentAndOperations() {
    // 12 × $1,166.67 + 80 h × $100 + 2.5 h × 12 × $100 = $14,000.04 + $8,000 + $3,000
    Tco serverless = Tco.oneYear(1166.67, 80, 2.5, 100);
    assertEquals(14_000.04, serverless.cloud(), CENT);
    assertEquals(25_000.04, serverless.total(), CENT);

    Map<TargetKind, Tco> byTarget = Tco.oneYear(Map.of(TargetKind.CONTAINER, 1500.0, TargetKind.VM, 2000.0), new TcoSpec());
    // container: 12 × $1,500 + 100 h × $100 + 4.2 h × 12 × $100 = $18,000 + $10,000 + $5,040
    assertEquals(33_040.00, byTarget.get(TargetKind.CONTAINER).total(), CENT);
    // vm: 12 × $2,000 + 120 h × $100 + 6.7 h × 12 × $100 = $24,000 + $12,000 + $8,040
    assertEquals(44_040.00, byTarget.get(TargetKind.VM).total(), CENT);
  }

  @Test
  void replicasForAnExactMultipleOfCapacityIsNotRoundedUp() {
    assertEquals(3, MonthlyProjection.replicasFor(30, 10, 1));
    assertEquals(3, MonthlyProjection.replicasFor(0.1 * 3 * 100, 10, 0));
    assertEquals(4, MonthlyProjection.replicasFor(30.01, 10, 0));
    assertEquals(0, MonthlyProjection.replicasFor(0, 10, 0));
  }
}
