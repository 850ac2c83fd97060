package dev.mlbench.analysis.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.CostSpec.Provider;

/** Serverless bills worked out by hand from the providers' published billing rules, each to the cent. */
class FaasBillingTest {

  private static final double CENT = 0.005;
  private static final Footprint NO_FOOTPRINT = new Footprint(0, 0, 0, Gateway.NONE);

  private static CostModel model(Provider provider, boolean freeTier) {
    return new CostModel(PriceCatalog.of(provider), freeTier);
  }

  private static FunctionProfile function(double serviceMillis, double memoryMib, Architecture architecture) {
    return new FunctionProfile(ServiceTime.of(serviceMillis), new PodShape(1, memoryMib, architecture), Double.NaN, 0);
  }

  @Test
  void lambda512MbThreeMillionOneSecondRequestsWithoutFreeTier() {
    TargetCost cost = model(Provider.AWS, false)
        .serverless(function(1000, 512, Architecture.X86_64), ServerlessUsage.perRequest(3_000_000, 0), NO_FOOTPRINT);

    // 3,000,000 requests × 1 s × 0.5 GB = 1,500,000 GB-s × $0.0000166667 = $25.00005
    assertEquals(25.00, cost.monthly().compute(), CENT);
    // 3 × $0.20 per 1M = $0.60
    assertEquals(0.60, cost.monthly().requests(), CENT);
    assertEquals(25.60, cost.total(), CENT);
    // $25.60 / 3 million requests
    assertEquals(8.53, cost.perMillionRequests().total(), CENT);
  }

  @Test
  void lambda512MbThreeMillionOneSecondRequestsWithFreeTier() {
    TargetCost cost = model(Provider.AWS, true)
        .serverless(function(1000, 512, Architecture.X86_64), ServerlessUsage.perRequest(3_000_000, 0), NO_FOOTPRINT);

    // (1,500,000 − 400,000 free) GB-s = 1,100,000 GB-s × $0.0000166667 = $18.33337
    assertEquals(18.33, cost.monthly().compute(), CENT);
    // (3,000,000 − 1,000,000 free) requests = 2 × $0.20 = $0.40
    assertEquals(0.40, cost.monthly().requests(), CENT);
    assertEquals(18.73, cost.total(), CENT);
  }

  @Test
  void lambdaRoundsEachRequestUpToTheNextMillisecond() {
    CostModel aws = model(Provider.AWS, false);
    assertEquals(2, aws.billedMillis(1.2));
    assertEquals(300, aws.billedMillis(0.1 * 3000));

    TargetCost x86 = aws.serverless(function(1.2, 1024, Architecture.X86_64), ServerlessUsage.perRequest(100_000_000, 0), NO_FOOTPRINT);
    // 100,000,000 × 0.002 s (1.2 ms billed as 2 ms) × 1 GB = 200,000 GB-s × $0.0000166667 = $3.33334
    assertEquals(3.33, x86.monthly().compute(), CENT);
    // 100 × $0.20 = $20.00
    assertEquals(23.33, x86.total(), CENT);

    TargetCost arm = aws.serverless(function(1.2, 1024, Architecture.ARM64), ServerlessUsage.perRequest(100_000_000, 0), NO_FOOTPRINT);
    // 200,000 GB-s × $0.0000133334 (arm64) = $2.66668
    assertEquals(2.67, arm.monthly().compute(), CENT);
  }

  @Test
  void lambdaBillsTheInitPhaseOfEveryColdStart() {
    FunctionProfile function = new FunctionProfile(ServiceTime.of(1000), new PodShape(1, 512, Architecture.X86_64), Double.NaN, 799.4);
    TargetCost cost = model(Provider.AWS, false).serverless(function, ServerlessUsage.perRequest(3_000_000, 100_000), NO_FOOTPRINT);

    // 1,500,000 GB-s of requests + 100,000 cold starts × 0.8 s (799.4 ms billed as 800 ms) × 0.5 GB = 40,000 GB-s
    // 1,540,000 GB-s × $0.0000166667 = $25.666718
    assertEquals(25.67, cost.monthly().compute(), CENT);
  }

  @Test
  void cloudRunRoundsUpTo100MsAndBillsVcpuAndMemory() {
    CostModel gcp = model(Provider.GCP, false);
    assertEquals(200, gcp.billedMillis(120));
    assertEquals(100, gcp.billedMillis(1.2));

    TargetCost cost = gcp.serverless(function(120, 512, Architecture.X86_64), ServerlessUsage.perRequest(1_000_000, 0), NO_FOOTPRINT);
    // 1,000,000 × 0.2 s (120 ms billed as 200 ms) = 200,000 s
    // vCPU: 200,000 s × 1 vCPU × $0.000024 = $4.80; memory: 200,000 s × 0.5 GiB × $0.0000025 = $0.25
    assertEquals(5.05, cost.monthly().compute(), CENT);
    // 1 × $0.40 per 1M = $0.40
    assertEquals(5.45, cost.total(), CENT);
  }

  @Test
  void cloudRunFreeTierCoversMemoryAndRequestsButNotAllVcpuSeconds() {
    TargetCost cost = model(Provider.GCP, true)
        .serverless(function(120, 512, Architecture.X86_64), ServerlessUsage.perRequest(1_000_000, 0), NO_FOOTPRINT);
    // vCPU: (200,000 − 180,000 free) vCPU-s × $0.000024 = $0.48; 100,000 GiB-s < 360,000 free; 1M requests < 2M free
    assertEquals(0.48, cost.total(), CENT);
  }

  @Test
  void cloudRunBillsTheMeanOfRoundedRequestsNotTheRoundedMean() {
    Histogram micros = new Histogram(3);
    micros.recordValue(80_000);
    micros.recordValue(120_000);
    FunctionProfile function = new FunctionProfile(ServiceTime.fromMicrosecondHistogram(micros),
        new PodShape(1, 512, Architecture.X86_64), Double.NaN, 0);

    TargetCost cost = model(Provider.GCP, false).serverless(function, ServerlessUsage.perRequest(1_000_000, 0), NO_FOOTPRINT);
    // half the requests billed 100 ms, half 200 ms: 1,000,000 × 0.15 s = 150,000 s
    // 150,000 × $0.000024 + 150,000 × 0.5 × $0.0000025 = $3.60 + $0.1875 = $3.7875, + $0.40 requests
    assertEquals(4.19, cost.total(), CENT);
  }

  @Test
  void azureBillsObservedMemoryIn128MbStepsAndAtLeast100Ms() {
    CostModel azure = model(Provider.AZURE, false);
    FunctionProfile function = new FunctionProfile(ServiceTime.of(80), new PodShape(1, 1024, Architecture.X86_64), 300, 0);
    assertEquals(384, azure.billedMemoryMib(function));
    assertEquals(100, azure.billedMillis(80));
    assertEquals(131, azure.billedMillis(130.2));

    TargetCost cost = azure.serverless(function, ServerlessUsage.perRequest(2_000_000, 0), NO_FOOTPRINT);
    // 300 MB used → 384 MB = 0.375 GB; 80 ms → 100 ms minimum
    // 2,000,000 × 0.1 s × 0.375 GB = 75,000 GB-s × $0.000016 = $1.20; 2 × $0.20 = $0.40
    assertEquals(1.20, cost.monthly().compute(), CENT);
    assertEquals(1.60, cost.total(), CENT);
  }

  @Test
  void azureRoundsLongerExecutionsToTheMillisecond() {
    FunctionProfile function = new FunctionProfile(ServiceTime.of(250.5), new PodShape(1, 1024, Architecture.X86_64), 129, 0);
    TargetCost cost = model(Provider.AZURE, false).serverless(function, ServerlessUsage.perRequest(4_000_000, 0), NO_FOOTPRINT);
    // 129 MB → 256 MB = 0.25 GB; 250.5 ms → 251 ms
    // 4,000,000 × 0.251 s × 0.25 GB = 251,000 GB-s × $0.000016 = $4.016; 4 × $0.20 = $0.80
    assertEquals(4.82, cost.total(), CENT);
  }

  @Test
  void azureWithFreeTier() {
    FunctionProfile function = new FunctionProfile(ServiceTime.of(80), new PodShape(1, 1024, Architecture.X86_64), 300, 0);
    TargetCost cost = model(Provider.AZURE, true).serverless(function, ServerlessUsage.perRequest(2_000_000, 0), NO_FOOTPRINT);
    // 75,000 GB-s < 400,000 free; (2,000,000 − 1,000,000) executions × $0.20 per 1M = $0.20
    assertEquals(0.20, cost.total(), CENT);
  }

  @Test
  void azureRefusesAFunctionLargerThanItsBiggestSize() {
    FunctionProfile function = new FunctionProfile(ServiceTime.of(80), new PodShape(1, 2048, Architecture.X86_64), 1600, 0);
    var error = assertThrows(IllegalArgumentException.class, () -> model(Provider.AZURE, false).billedMemoryMib(function));
    assertTrue(error.getMessage().contains("faas.maxMemoryMb"), error.getMessage());
  }

  @Test
  void sharedInstanceTimeFromTheSimulationReplacesPerRequestDurations() {
    FunctionProfile function = new FunctionProfile(ServiceTime.of(120), new PodShape(1, 512, Architecture.X86_64), Double.NaN, 2000);
    TargetCost cost = model(Provider.GCP, false).serverless(function,
        ServerlessUsage.sharedInstances(1_000_000, 40, 50_000), NO_FOOTPRINT);
    // 50,000 busy instance-seconds + 40 cold starts × 2 s start-up = 50,080 s
    // 50,080 × ($0.000024 + 0.5 GiB × $0.0000025) = 50,080 × $0.00002525 = $1.264520, + $0.40 requests
    assertEquals(1.66, cost.total(), CENT);
    assertEquals(1.2645, cost.monthly().compute(), 1e-4);
  }
}
