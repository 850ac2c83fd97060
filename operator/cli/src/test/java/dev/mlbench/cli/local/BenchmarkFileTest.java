package dev.mlbench.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

class BenchmarkFileTest {

  private static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();
  private final KubernetesSerialization serialization = new KubernetesSerialization();

  @TempDir
  Path dir;

  @Test
  void readsTheQuickstart() throws Exception {
    BenchmarkFile file = BenchmarkFile.read(EXAMPLES.resolve("quickstart.yaml"), serialization);

    assertThat(file.benchmark().getMetadata().getName()).isEqualTo("quickstart");
    assertThat(file.benchmark().getSpec().models).hasSize(2);
    assertThat(file.configMaps()).isEmpty();
  }

  @Test
  void keepsTheConfigMapsABenchmarkRefersTo() throws Exception {
    BenchmarkFile file = BenchmarkFile.read(EXAMPLES.resolve("timeseries.yaml"), serialization);

    assertThat(file.configMaps()).isNotEmpty();
  }

  @Test
  void namesTheDocumentThatIsNotYaml() throws Exception {
    Path bad = write("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: fine}
        ---
        apiVersion: mlbench.dev/v1alpha1
        kind: MLBenchmark
        spec: [unclosed
        """);

    assertThatThrownBy(() -> BenchmarkFile.read(bad, serialization))
        .isInstanceOf(LocalModeException.class).hasMessageContaining("document 2");
  }

  @Test
  void saysWhichFieldHasTheWrongType() throws Exception {
    Path bad = write("""
        apiVersion: mlbench.dev/v1alpha1
        kind: MLBenchmark
        metadata: {name: typed}
        spec:
          models: [{name: m, workload: sentiment}]
          load: {seed: "not a number"}
        """);

    assertThatThrownBy(() -> BenchmarkFile.read(bad, serialization))
        .isInstanceOf(LocalModeException.class).hasMessageContaining("MLBenchmark").hasMessageContaining("not a number");
  }

  @Test
  void refusesOtherKindsAndSecondBenchmarks() throws Exception {
    Path deployment = write("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n");
    Path two = write("apiVersion: mlbench.dev/v1alpha1\nkind: MLBenchmark\nmetadata: {name: a}\n---\n"
        + "apiVersion: mlbench.dev/v1alpha1\nkind: MLBenchmark\nmetadata: {name: b}\n");
    Path none = write("# nothing here\n");

    assertThatThrownBy(() -> BenchmarkFile.read(deployment, serialization)).hasMessageContaining("not Deployment");
    assertThatThrownBy(() -> BenchmarkFile.read(two, serialization)).hasMessageContaining("more than one MLBenchmark");
    assertThatThrownBy(() -> BenchmarkFile.read(none, serialization)).hasMessageContaining("holds no MLBenchmark");
    assertThatThrownBy(() -> BenchmarkFile.read(dir.resolve("missing.yaml"), serialization))
        .hasMessageContaining("no such file");
  }

  private Path write(String text) throws Exception {
    Path file = Files.createTempFile(dir, "benchmark", ".yaml");
    Files.writeString(file, text);
    return file;
  }
}
