package dev.mlbench.controller.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.StorageSizesSpec;
import dev.mlbench.api.v1alpha1.Workload;

class WorkloadSizeCatalogTest {

  final WorkloadSizeCatalog catalog = WorkloadSizeCatalog.defaultCatalog();

  @Test
  void everyProjectWorkloadHasItsMeasuredSizes() {
    assertThat(catalog.entries().keySet())
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Workload.values()).filter(w -> w != Workload.CUSTOM).toList());
    // the encoder, its tokenizer and the trained head
    assertThat(catalog.of(model(Workload.SENTIMENT, null)).model()).isEqualTo(22_972_370 + 711_661 + 1_544);
    // base image + runtime jars and the module's own jar + the gzipped layer of native libraries
    assertThat(catalog.of(model(Workload.SENTIMENT, null)).image()).isEqualTo(90_000_000 + 101_197_047 + 15_778_312);
    assertThat(catalog.of(model(Workload.TIMESERIES, null)).image()).as("no natives").isEqualTo(90_000_000 + 6_158_672);
    assertThat(catalog.of(model(Workload.TIMESERIES, null)).model()).isEqualTo(19_104);
  }

  @Test
  void theModelVariantTheServerIsToldToLoadIsTheOneStored() {
    assertThat(catalog.of(model(Workload.IMAGE_CLASSIFICATION, null)).model()).as("orientation, the default").isEqualTo(578_966);
    ModelSpec recogniser = model(Workload.IMAGE_CLASSIFICATION, null);
    recogniser.env = Map.of(WorkloadSizeCatalog.MODEL_VARIANT, "text-recognition");
    assertThat(catalog.of(recogniser).model()).isEqualTo(10_822_323 + 26_249);
    assertThat(catalog.of(recogniser).image()).as("one image holds both variants").isEqualTo(catalog.of(model(Workload.IMAGE_CLASSIFICATION, null)).image());
  }

  @Test
  void aCustomModelHasTheDocumentedDefaultsUnlessItStatesItsSizes() {
    assertThat(catalog.of(model(Workload.CUSTOM, null))).isEqualTo(new WorkloadSizeCatalog.StoredBytes(100_000_000, 500_000_000));
    StorageSizesSpec sizes = new StorageSizesSpec();
    sizes.model = "420Mi";
    assertThat(catalog.of(model(Workload.CUSTOM, sizes))).isEqualTo(new WorkloadSizeCatalog.StoredBytes(420L * 1024 * 1024, 500_000_000));
    sizes.image = "2Gi";
    assertThat(catalog.of(model(Workload.RECOMMENDATION, sizes)).image()).as("a project workload may state sizes too")
        .isEqualTo(2L * 1024 * 1024 * 1024);
  }

  private static ModelSpec model(Workload workload, StorageSizesSpec sizes) {
    ModelSpec model = new ModelSpec();
    model.name = "m";
    model.workload = workload;
    model.sizes = sizes;
    return model;
  }
}
