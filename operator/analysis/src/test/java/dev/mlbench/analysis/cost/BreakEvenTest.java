package dev.mlbench.analysis.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.mlbench.analysis.cost.BreakEven.ContainerOption;
import dev.mlbench.analysis.cost.BreakEven.ServerlessOption;
import dev.mlbench.analysis.cost.BreakEven.VmOption;
import dev.mlbench.api.v1alpha1.CostSpec.Provider;

class BreakEvenTest {

  private static final Footprint NO_FOOTPRINT = new Footprint(0, 0, 0, Gateway.NONE);
  private static final BreakEven AWS = new BreakEven(new CostModel(PriceCatalog.of(Provider.AWS), false), 100_000);
  private static final ServerlessOption LAMBDA_1GB_100MS = new ServerlessOption(
      new FunctionProfile(ServiceTime.of(100), new PodShape(1, 1024, Architecture.X86_64), Double.NaN, 0), 0, NO_FOOTPRINT);

  @Test
  void lambdaAgainstOneM5LargeBreaksEvenWhereTheirMonthlyCostsMeet() {
    // Lambda, per request: 0.1 s × 1 GB × $0.0000166667 + $0.20 / 1M = $0.00000186667
    // 30 days at r req/s: r × 2,592,000 × $0.00000186667 = r × $4.8384
    // one m5.large, enough up to 50 req/s: 720 h × $0.096 = $69.12
    // r × 4.8384 = 69.12  →  r = 14.2857 req/s (≈ 1.234 million requests a day)
    OptionalDouble rate = AWS.rate(LAMBDA_1GB_100MS, new VmOption("m5.large", 50, 1, NO_FOOTPRINT));
    assertEquals(14.2857, rate.orElseThrow(), 0.001);
  }

  @Test
  void lambdaAgainstAFargateTask() {
    // one 1 vCPU / 2 GB task, enough up to 20 req/s: 720 h × ($0.04048 + 2 × $0.004445) = $35.5464
    // r × 4.8384 = 35.5464  →  r = 7.3467 req/s
    OptionalDouble rate = AWS.rate(LAMBDA_1GB_100MS, new ContainerOption(new PodShape(1, 2048, Architecture.X86_64), 20, 1, NO_FOOTPRINT));
    assertEquals(7.3467, rate.orElseThrow(), 0.001);
  }

  @Test
  void serverlessStaysCheaperWhenEachNodeServesLittle() {
    // one m5.large per 10 req/s: the step ((n−1)·10, n·10] costs n × $69.12, while Lambda at its top end,
    // n·10 req/s, costs n × 10 × $4.8384 = n × $48.384: below the VM in every step
    OptionalDouble rate = AWS.rate(LAMBDA_1GB_100MS, new VmOption("m5.large", 10, 1, NO_FOOTPRINT));
    assertTrue(rate.isEmpty(), "serverless stays cheaper up to the searched maximum, was " + rate);
  }

  @Test
  void freeTierPushesTheBreakEvenIntoTheSecondReplica() {
    BreakEven withFreeTier = new BreakEven(new CostModel(PriceCatalog.of(Provider.AWS), true), 100_000);
    // a 0.25 vCPU / 0.5 GB Fargate task serves 3 req/s: 720 h × $0.0123425 = $8.8866 per task
    // Lambda with the free tier: r × $4.8384 − 400,000 GB-s × $0.0000166667 − 1M × $0.20/1M = r × 4.8384 − $6.86668
    // step 1 (up to 3 req/s): Lambda at 3 req/s = $7.6486 < $8.8866, no break-even
    // step 2 (3–6 req/s, 2 tasks = $17.7732): r × 4.8384 − 6.86668 = 17.7732 → r = 24.63988 / 4.8384 = 5.0926 req/s
    OptionalDouble rate = withFreeTier.rate(LAMBDA_1GB_100MS,
        new ContainerOption(new PodShape(0.25, 512, Architecture.X86_64), 3, 1, NO_FOOTPRINT));
    assertEquals(5.0926, rate.orElseThrow(), 0.001);
  }

  @Test
  void bandFromTheLowAndHighServiceTime() {
    // 50 ms: 0.05 × $0.0000166667 + $0.0000002 = $0.00000103333 → r × $2.67840 = 69.12 → 25.806 req/s
    // 200 ms: 0.2 × $0.0000166667 + $0.0000002 = $0.00000353333 → r × $9.15840 = 69.12 → 7.547 req/s
    BreakEven.Band band = AWS.band(LAMBDA_1GB_100MS, ServiceTime.of(50), ServiceTime.of(200),
        new VmOption("m5.large", 50, 1, NO_FOOTPRINT));
    assertEquals(25.806, band.atLowServiceTime().orElseThrow(), 0.001);
    assertEquals(7.547, band.atHighServiceTime().orElseThrow(), 0.001);
  }

  @Test
  void serverlessCostlierFromTheStartBreaksEvenAtZero() {
    // 4,000 GB of model storage for Lambda alone: 4,000 × $0.023 = $92 a month before any request, > $69.12
    ServerlessOption heavy = new ServerlessOption(LAMBDA_1GB_100MS.function(), 0, new Footprint(4000, 0, 0, Gateway.NONE));
    assertEquals(0, AWS.rate(heavy, new VmOption("m5.large", 50, 1, NO_FOOTPRINT)).orElseThrow());
  }
}
