package dev.mlbench.controller.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.controller.catalog.InstanceTypeCatalog;
import dev.mlbench.controller.testing.OperatorHarness;

/**
 * The benchmarks of the kind end-to-end scenarios (e2e/scenarios/*, which cannot run here) are what their
 * expect.sh assumes: accepted by the CRD, and valid for the operator except invalid-spec, which the operator
 * alone rejects with the message its expect.sh checks.
 */
class KindScenarioSpecsTest {

  static final Path SCENARIOS = OperatorHarness.REPO.resolve("e2e/scenarios");
  final MLBenchmarkValidator operator = new MLBenchmarkValidator(InstanceTypeCatalog.defaultCatalog());

  static Stream<String> validScenarios() throws IOException {
    try (Stream<Path> dirs = Files.list(SCENARIOS)) {
      return dirs.map(d -> d.getFileName().toString()).filter(n -> !n.equals("invalid-spec")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validScenarios")
  void scenarioBenchmarkPassesTheCrdAndTheOperatorUnderItsDirectoryName(String scenario) throws IOException {
    JsonNode benchmark = load(scenario);
    assertThat(benchmark.path("metadata").path("name").asText()).isEqualTo(scenario);
    assertThat(SpecValidationTest.CRD.validate(benchmark)).isEmpty();
    assertThat(operator.validate(asClusterStoresIt(benchmark))).isEmpty();
  }

  @Test
  void invalidSpecPassesTheCrdButNotTheOperator() throws IOException {
    JsonNode benchmark = load("invalid-spec");
    assertThat(SpecValidationTest.CRD.validate(benchmark)).as("kubectl apply must accept it").isEmpty();
    assertThat(operator.validate(asClusterStoresIt(benchmark))).singleElement()
        .satisfies(p -> assertThat(p).contains("spec.targets.vm.instanceType").contains("m9.mega"));
  }

  private static MLBenchmark asClusterStoresIt(JsonNode benchmark) {
    return SpecValidationTest.SERIALIZATION.unmarshal(SpecValidationTest.CRD.withDefaults(benchmark).toString(),
        MLBenchmark.class);
  }

  private static JsonNode load(String scenario) throws IOException {
    return SpecValidationTest.YAML.readTree(Files.readString(SCENARIOS.resolve(scenario).resolve("mlbenchmark.yaml")));
  }
}
