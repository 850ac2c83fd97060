package dev.mlbench.analysis.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.CostSpec.Provider;
import dev.mlbench.api.v1alpha1.ResourcesSpec;

/** Container, VM, storage, egress and gateway costs worked out by hand from the published prices, each to the cent. */
class ReplicaAndFootprintCostTest {

  private static final double CENT = 0.005;
  private static final Footprint NO_FOOTPRINT = new Footprint(0, 0, 0, Gateway.NONE);

  private static CostModel model(Provider provider, boolean freeTier) {
    return new CostModel(PriceCatalog.of(provider), freeTier);
  }

  @Test
  void fargateTwoQuarterVcpuHalfGbTasksForThirtyDays() {
    ResourcesSpec resources = new ResourcesSpec();
    resources.cpu = "250m";
    resources.memory = "512Mi";
    PodShape task = PodShape.of(resources, Architecture.X86_64);

    TargetCost cost = model(Provider.AWS, false).container(task, 2 * 30 * 24, 0, NO_FOOTPRINT);
    // one task-hour: 0.25 vCPU × $0.04048 + 0.5 GB × $0.004445 = $0.01012 + $0.0022225 = $0.0123425
    // 2 tasks × 720 h = 1,440 task-hours × $0.0123425 = $17.7732
    assertEquals(17.77, cost.total(), CENT);
  }

  @Test
  void m5LargeForAMonthOf730Hours() {
    TargetCost cost = model(Provider.AWS, false).vm("m5.large", 1, 730, 0, NO_FOOTPRINT);
    // 730 h × $0.096 = $70.08
    assertEquals(70.08, cost.total(), CENT);
  }

  @Test
  void vmBillsWholeInstanceHoursEvenWhenIdle() {
    TargetCost cost = model(Provider.AWS, false).vm("m5.large", 2, 10.25, 0, NO_FOOTPRINT);
    // 10.25 h → 11 whole hours × 2 instances × $0.096 = $2.112
    assertEquals(2.11, cost.total(), CENT);
  }

  @Test
  void egressIsResponseBytesTimesThePricePerGb() {
    Footprint responses = new Footprint(0, 0, 50_000, Gateway.NONE);
    // 10,000,000 responses × 50,000 bytes = 500 GB
    // AWS 500 × $0.09 = $45.00; GCP premium 500 × $0.12 = $60.00; Azure 500 × $0.087 = $43.50
    assertEquals(45.00, model(Provider.AWS, false).vm("m5.large", 0, 0, 10_000_000, responses).monthly().transfer(), CENT);
    assertEquals(60.00, model(Provider.GCP, false).vm("e2-standard-2", 0, 0, 10_000_000, responses).monthly().transfer(), CENT);
    assertEquals(43.50, model(Provider.AZURE, false).vm("Standard_D2s_v5", 0, 0, 10_000_000, responses).monthly().transfer(), CENT);
    // with the free tier: (500 − 100 free) GB × $0.09 = $36.00
    assertEquals(36.00, model(Provider.AWS, true).vm("m5.large", 0, 0, 10_000_000, responses).monthly().transfer(), CENT);
  }

  @Test
  void apiGatewayIsPricedPerMillionRequests() {
    CostModel aws = model(Provider.AWS, false);
    // 10 million requests × $1.00 (HTTP API) = $10.00; × $3.50 (REST API) = $35.00
    assertEquals(10.00, aws.vm("m5.large", 0, 0, 10_000_000, new Footprint(0, 0, 0, Gateway.HTTP)).monthly().gateway(), CENT);
    assertEquals(35.00, aws.vm("m5.large", 0, 0, 10_000_000, new Footprint(0, 0, 0, Gateway.REST)).monthly().gateway(), CENT);
  }

  @Test
  void storageIsModelAndImageGbMonths() {
    TargetCost cost = model(Provider.AWS, false).vm("m5.large", 0, 0, 0, new Footprint(0.5, 2, 0, Gateway.NONE));
    // model 0.5 GB × $0.023 + image 2 GB × $0.10 = $0.0115 + $0.20 = $0.2115
    assertEquals(0.21, cost.monthly().storage(), CENT);
  }

  @Test
  void breakdownAddsUpAndSpreadsOverAMillionRequests() {
    Footprint footprint = new Footprint(0.5, 2, 50_000, Gateway.HTTP);
    TargetCost cost = model(Provider.AWS, false).vm("m5.large", 1, 720, 10_000_000, footprint);
    // compute 720 × $0.096 = $69.12; storage $0.2115; transfer 500 GB × $0.09 = $45.00; gateway $10.00
    assertEquals(124.33, cost.total(), CENT);
    // $124.3315 / 10 million requests
    assertEquals(12.43, cost.perMillionRequests().total(), CENT);
    assertEquals(6.912, cost.perMillionRequests().compute(), 1e-9);
  }
}
