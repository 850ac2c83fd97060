package dev.mlbench.analysis.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.CostSpec;
import dev.mlbench.api.v1alpha1.CostSpec.Provider;

class PriceCatalogTest {

  private static final double CENT = 0.005;
  private static final Footprint NO_FOOTPRINT = new Footprint(0, 0, 0, Gateway.NONE);
  private static final FunctionProfile LAMBDA_512 = new FunctionProfile(ServiceTime.of(1000),
      new PodShape(1, 512, Architecture.X86_64), Double.NaN, 0);

  @Test
  void everyBuiltInCatalogueIsDatedAndNamesItsSource() {
    for (Provider provider : List.of(Provider.AWS, Provider.GCP, Provider.AZURE)) {
      PriceCatalog catalog = PriceCatalog.of(provider);
      assertFalse(catalog.source().isBlank(), provider + " source");
      assertTrue(catalog.retrievedAt().isAfter(LocalDate.of(2025, 1, 1)), provider + " retrievedAt");
      catalog.entries().forEach((key, entry) -> {
        assertTrue(entry.value() >= 0, provider + " " + key);
        assertFalse(entry.unit() == null || entry.unit().isBlank(), provider + " " + key + " has no unit");
      });
    }
  }

  @Test
  void everyProviderPricesEveryTargetKindWithEveryComponent() {
    Map<Provider, String> instanceTypes = Map.of(Provider.AWS, "m5.large", Provider.GCP, "e2-standard-2", Provider.AZURE, "Standard_D2s_v5");
    Footprint everything = new Footprint(0.1, 1, 2000, Gateway.REST);
    instanceTypes.forEach((provider, instanceType) -> {
      for (boolean freeTier : new boolean[] {false, true}) {
        CostModel model = new CostModel(PriceCatalog.of(provider), freeTier);
        FunctionProfile function = new FunctionProfile(ServiceTime.of(50), new PodShape(1, 1024, Architecture.X86_64), 700, 900);
        assertTrue(model.serverless(function, ServerlessUsage.perRequest(5e6, 1e3), everything).total() > 0, provider + " serverless");
        assertTrue(model.container(function.pod(), 720, 5e6, everything).total() > 0, provider + " container");
        assertTrue(model.vm(instanceType, 1, 720, 5e6, everything).total() > 0, provider + " vm");
      }
    });
  }

  @Test
  void figuresNotInTheReferenceAreMarkedUnconfirmed() {
    assertTrue(PriceCatalog.of(Provider.GCP).unconfirmedKeys().contains("vm.e2-standard-2.hour"));
    assertFalse(PriceCatalog.of(Provider.AWS).unconfirmedKeys().contains("vm.m5.large.hour"));
  }

  @Test
  void everyInstanceTypeTheOperatorKnowsHasAPriceInItsProvidersCatalogue() throws IOException {
    String instanceTypes = Files.readString(Path.of("../controller/src/main/resources/instance-types.yaml"));
    Matcher type = Pattern.compile("\\{name: ([^,]+), provider: (\\w+),").matcher(instanceTypes);
    int found = 0;
    while (type.find()) {
      PriceCatalog catalog = PriceCatalog.of(Provider.valueOf(type.group(2).toUpperCase()));
      assertTrue(catalog.value(PriceKeys.vmHour(type.group(1))) > 0, type.group(1));
      found++;
    }
    assertTrue(found >= 14, "read " + found + " instance types");
  }

  @Test
  void overridesReplaceCataloguePrices() {
    CostSpec cost = new CostSpec();
    cost.provider = Provider.AWS;
    cost.overrides = Map.of("faas.gbSecond", 0.00001, "vm.m5.large.hour", 0.05);
    CostModel model = CostModel.forSpec(cost);

    // 1,500,000 GB-s × $0.00001 (override) = $15.00, + 3 × $0.20 = $0.60
    assertEquals(15.60, model.serverless(LAMBDA_512, ServerlessUsage.perRequest(3_000_000, 0), NO_FOOTPRINT).total(), CENT);
    // 730 h × $0.05 (override) = $36.50
    assertEquals(36.50, model.vm("m5.large", 1, 730, 0, NO_FOOTPRINT).total(), CENT);
    assertEquals("from spec.cost.overrides", model.catalog().entries().get("faas.gbSecond").note());
  }

  @Test
  void overridesAddInstanceTypesTheCatalogueLacks() {
    PriceCatalog catalog = PriceCatalog.of(Provider.AWS).withOverrides(Map.of("vm.g5.xlarge.hour", 1.006));
    assertEquals(1.006, catalog.value("vm.g5.xlarge.hour"));
    assertEquals("USD per instance-hour", catalog.entries().get("vm.g5.xlarge.hour").unit());
  }

  @Test
  void customTakesOnlyTheBenchmarksPrices() {
    CostSpec cost = new CostSpec();
    cost.provider = Provider.CUSTOM;
    cost.overrides = Map.of("faas.gbSecond", 0.00002, "faas.vcpuSecond", 0.0, "faas.millionRequests", 0.5);
    CostModel model = CostModel.forSpec(cost);

    // 1,500,000 GB-s × $0.00002 = $30.00, + 3 × $0.50 = $1.50
    assertEquals(31.50, model.serverless(LAMBDA_512, ServerlessUsage.perRequest(3_000_000, 0), NO_FOOTPRINT).total(), CENT);
  }

  @Test
  void customWithoutANeededPriceFailsNamingIt() {
    CostSpec cost = new CostSpec();
    cost.provider = Provider.CUSTOM;
    cost.overrides = Map.of("faas.vcpuSecond", 0.0, "faas.millionRequests", 0.5);
    CostModel model = CostModel.forSpec(cost);

    MissingPriceException error = assertThrows(MissingPriceException.class,
        () -> model.serverless(LAMBDA_512, ServerlessUsage.perRequest(3_000_000, 0), NO_FOOTPRINT));
    assertEquals("faas.gbSecond", error.key());
    assertTrue(error.getMessage().contains("spec.cost.overrides['faas.gbSecond']"), error.getMessage());

    MissingPriceException vm = assertThrows(MissingPriceException.class, () -> model.vm("m5.large", 1, 730, 0, NO_FOOTPRINT));
    assertEquals("vm.m5.large.hour", vm.key());
  }

  @Test
  void unknownOverrideKeysAreRejectedWithTheValidOnes() {
    var error = assertThrows(IllegalArgumentException.class,
        () -> PriceCatalog.of(Provider.AWS).withOverrides(Map.of("faas.gbSeconds", 0.1, "lambda.price", 0.2)));
    String message = error.getMessage();
    assertTrue(message.startsWith("unknown price keys in spec.cost.overrides: faas.gbSeconds, lambda.price; valid keys: "), message);
    assertTrue(message.contains("faas.gbSecond,"), message);
    assertTrue(message.contains("vm.<instanceType>.hour"), message);
    assertTrue(message.contains("gateway.rest.millionRequests"), message);
  }

  @Test
  void negativeOverridesAreRejected() {
    var error = assertThrows(IllegalArgumentException.class,
        () -> PriceCatalog.of(Provider.AWS).withOverrides(Map.of("egress.gb", -0.01)));
    assertTrue(error.getMessage().contains("egress.gb"), error.getMessage());
  }
}
