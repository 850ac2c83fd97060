package dev.mlbench.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;

/** The chart installs exactly the CRD that operator/api generates and the repository commits. */
class CrdDriftTest {

  static final Path GENERATED = HelmChart.REPO.resolve("crds/mlbenchmarks.mlbench.dev-v1.yml");
  static final Path IN_CHART = HelmChart.CHART.resolve("crds/mlbenchmarks.mlbench.dev-v1.yml");

  @Test
  void chartCrdIsTheGeneratedCrd() throws IOException {
    assertThat(Files.readString(IN_CHART))
        .as("%s differs from %s; copy it: cp crds/mlbenchmarks.mlbench.dev-v1.yml helm/mlbench-operator/crds/",
            HelmChart.REPO.relativize(IN_CHART), HelmChart.REPO.relativize(GENERATED))
        .isEqualTo(Files.readString(GENERATED));
  }

  @Test
  void chartCrdsFolderHoldsOnlyTheMlbenchmarkCrd() throws IOException {
    try (var files = Files.list(IN_CHART.getParent())) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly(IN_CHART.getFileName().toString());
    }
    var crd = HelmChart.SERIALIZATION.unmarshal(Files.readString(IN_CHART), CustomResourceDefinition.class);
    assertThat(crd.getMetadata().getName()).isEqualTo("mlbenchmarks.mlbench.dev");
    assertThat(crd.getSpec().getNames().getShortNames()).contains("mlb");
  }
}
