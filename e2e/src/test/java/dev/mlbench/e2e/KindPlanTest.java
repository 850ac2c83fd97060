package dev.mlbench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kind + Knative end-to-end run cannot run here (no container engine, no internet), so its dry run is checked
 * instead: with none of docker, kind, kubectl, helm, jq, java or Maven on PATH, {@code e2e/kind/run.sh --dry-run}
 * prints the whole plan, in order, with pinned versions, and touches nothing.
 */
class KindPlanTest {

  static final Path REPO = ShellScriptsTest.REPO;
  static final Path RUN = REPO.resolve("e2e/kind/run.sh");
  /** What the dry run may use: bash and a few coreutils; nothing that reaches a cluster, a daemon or a build. */
  static final List<String> DRY_RUN_TOOLS = List.of("env", "bash", "dirname", "sed", "date", "grep", "tr", "cat");
  static final List<String> CLUSTER_TOOLS = List.of("docker", "kind", "kubectl", "helm", "jq", "java", "mvn");
  static final List<String> IMAGES = List.of("operator", "image-classification", "sentiment", "timeseries",
      "recommendation", "loadgen");
  static final String VERSION_PIN = "v\\d+\\.\\d+\\.\\d+";

  @TempDir
  static Path work;
  static Path bin;
  static String version;

  @BeforeAll
  static void pathWithoutClusterTools() throws IOException {
    bin = RestrictedPath.create(work.resolve("bin"), DRY_RUN_TOOLS);
    Matcher matcher = Pattern.compile("<artifactId>mlbench-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(REPO.resolve("pom.xml")));
    assertThat(matcher.find()).isTrue();
    version = matcher.group(1);
  }

  @Test
  void theDryRunNeedsNoneOfTheClusterTools() {
    for (String tool : CLUSTER_TOOLS) {
      assertThat(bin.resolve(tool)).as("%s on the dry run's PATH", tool).doesNotExist();
    }
  }

  @Test
  void printsTheWholePlanInOrder() throws Exception {
    Result result = run("--dry-run");
    assertThat(result.exit).as("exit status; stderr:%n%s", result.stderr).isZero();
    List<String> plan = result.plan();

    List<String> steps = new ArrayList<>(List.of(
        "^kind create cluster --name mlbench-e2e --image kindest/node:" + VERSION_PIN + "@sha256:[0-9a-f]{64}"
            + " --config e2e/kind/kind-config\\.yaml( |$)",
        "^kubectl apply -f https://github\\.com/knative/serving/releases/download/knative-" + VERSION_PIN
            + "/serving-crds\\.yaml$",
        "^kubectl wait --for=condition=Established crd ",
        "^kubectl apply -f https://github\\.com/knative/serving/releases/download/knative-" + VERSION_PIN
            + "/serving-core\\.yaml$",
        "^kubectl apply -f https://github\\.com/knative/net-kourier/releases/download/knative-" + VERSION_PIN
            + "/kourier\\.yaml$",
        "^kubectl patch configmap/config-network --namespace knative-serving .*kourier\\.ingress\\.networking\\.knative\\.dev",
        "^kubectl apply -f https://github\\.com/kubernetes-sigs/metrics-server/releases/download/" + VERSION_PIN
            + "/components\\.yaml$",
        "^kubectl patch deployment metrics-server --namespace kube-system .*--kubelet-insecure-tls",
        "^\\./mvnw .*-Pimages .*-Dimages\\.jib-goal=dockerBuild .*-pl \\S*operator/controller\\S* .*package$"));
    for (String image : IMAGES) {
      steps.add("^kind load docker-image --name mlbench-e2e mlbench/mlbench-" + Pattern.quote(image + ":" + version) + "$");
    }
    steps.add("^helm upgrade --install mlbench helm/mlbench-operator --namespace mlbench-system .*--set image\\.tag="
        + Pattern.quote(version) + " --set functionImages\\.tag=" + Pattern.quote(version));
    for (String scenario : scenarios()) {
      steps.add("^kubectl create namespace e2e-" + scenario + "$");
      steps.add("^kubectl apply --namespace e2e-" + scenario + " -f e2e/scenarios/" + scenario + "/mlbenchmark\\.yaml$");
      steps.add("^e2e/scenarios/" + scenario + "/expect\\.sh e2e-" + scenario + " " + scenario + "$");
    }
    steps.add("^kind delete cluster --name mlbench-e2e$");
    assertInOrder(plan, steps);

    assertThat(plan.get(plan.size() - 1)).as("teardown comes last").isEqualTo("kind delete cluster --name mlbench-e2e");
    String build = plan.stream().filter(l -> l.startsWith("./mvnw")).findFirst().orElseThrow();
    assertThat(build).contains("function-images/image-classification", "function-images/sentiment",
        "function-images/timeseries", "function-images/recommendation", "function-images/loadgen", "-DskipTests");
    assertThat(plan).as("every download pinned").noneMatch(l -> l.contains("/latest/") || l.contains(":latest"));
  }

  @Test
  void theDryRunHasNoSideEffects() throws Exception {
    Path artifacts = work.resolve("artifacts-of-the-dry-run");
    Result result = run(Map.of("E2E_ARTIFACTS", artifacts.toString()), "--dry-run");
    assertThat(result.exit).isZero();
    assertThat(artifacts).as("no kubeconfig nor diagnostics directory").doesNotExist();
    assertThat(result.stderr).contains("dry run complete");
  }

  @Test
  void scenarioOptionLimitsTheRunToThatScenario() throws Exception {
    Result result = run("--dry-run", "--scenario", "invalid-spec");
    assertThat(result.exit).as("stderr:%n%s", result.stderr).isZero();
    List<String> plan = result.plan();
    assertInOrder(plan, List.of("^kind create cluster ", "^helm upgrade --install ",
        "^kubectl apply --namespace e2e-invalid-spec -f e2e/scenarios/invalid-spec/mlbenchmark\\.yaml$",
        "^e2e/scenarios/invalid-spec/expect\\.sh e2e-invalid-spec invalid-spec$", "^kind delete cluster "));
    for (String other : scenarios()) {
      if (!other.equals("invalid-spec")) {
        assertThat(plan).as("scenario %s left out", other).noneMatch(l -> l.contains("e2e/scenarios/" + other + "/"));
      }
    }
  }

  @Test
  void keepLeavesTheClusterStanding() throws Exception {
    Result result = run("--dry-run", "--keep", "--scenario", "invalid-spec");
    assertThat(result.exit).isZero();
    assertThat(result.plan()).noneMatch(l -> l.startsWith("kind delete cluster") || l.startsWith("kubectl delete namespace"));
    assertThat(result.stderr).contains("keeping cluster mlbench-e2e");
  }

  @Test
  void unknownOptionFailsWithTheUsage() throws Exception {
    Result result = run("--dry-run", "--frobnicate");
    assertThat(result.exit).isNotZero();
    assertThat(result.stderr).contains("unknown option '--frobnicate'").contains("Usage: e2e/kind/run.sh");
    assertThat(result.stdout).as("no plan printed").isEmpty();
  }

  @Test
  void unknownScenarioFailsNamingTheScenarios() throws Exception {
    Result result = run("--dry-run", "--scenario", "no-such-scenario");
    assertThat(result.exit).isNotZero();
    assertThat(result.stderr).contains("no scenario 'no-such-scenario'").contains(String.join(" ", scenarios()));
    assertThat(result.stdout).isEmpty();
  }

  @Test
  void helpListsTheOptionsAndScenarios() throws Exception {
    Result result = run("--help");
    assertThat(result.exit).isZero();
    assertThat(result.stdout).contains("--dry-run", "--keep", "--scenario NAME", "--help")
        .contains(String.join(" ", scenarios()));
  }

  @Test
  void everyScenarioHasABenchmarkNamedAfterItAndAnExecutableExpectation() throws IOException {
    assertThat(scenarios()).contains("quickstart", "scale-to-zero", "invalid-spec");
    for (String scenario : scenarios()) {
      Path dir = REPO.resolve("e2e/scenarios").resolve(scenario);
      assertThat(Files.readString(dir.resolve("mlbenchmark.yaml"))).contains("kind: MLBenchmark")
          .containsPattern("(?m)^  name: " + Pattern.quote(scenario) + "$");
      assertThat(dir.resolve("expect.sh")).isExecutable();
    }
  }

  @Test
  void theWorkflowInstallsThePinnedToolsAndRunsTheScript() throws Exception {
    Result versions = run("--tool-versions");
    assertThat(versions.exit).isZero();
    assertThat(versions.stdout.lines().toList()).hasSize(4).allMatch(l -> l.matches("[A-Z_]+=\\S+"))
        .anyMatch(l -> l.matches("KIND_VERSION=" + VERSION_PIN))
        .anyMatch(l -> l.matches("KUBECTL_VERSION=" + VERSION_PIN))
        .anyMatch(l -> l.matches("HELM_VERSION=" + VERSION_PIN));
    String workflow = Files.readString(REPO.resolve(".github/workflows/e2e-kind.yml"));
    assertThat(workflow).contains("e2e/kind/run.sh --tool-versions >> \"$GITHUB_ENV\"")
        .contains("${KIND_VERSION}", "${KUBECTL_VERSION}", "${HELM_VERSION}")
        .containsPattern("(?m)^\\s+run: e2e/kind/run\\.sh\\s*$")
        .contains("workflow_dispatch", "schedule", "pull_request", "java-version: '17'", "actions/upload-artifact");
  }

  static List<String> scenarios() throws IOException {
    try (Stream<Path> dirs = Files.list(REPO.resolve("e2e/scenarios"))) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
    }
  }

  static void assertInOrder(List<String> plan, List<String> steps) {
    int at = -1;
    for (String step : steps) {
      Pattern pattern = Pattern.compile(step);
      int found = -1;
      for (int i = at + 1; i < plan.size(); i++) {
        if (pattern.matcher(plan.get(i)).find()) {
          found = i;
          break;
        }
      }
      assertThat(found).as("a step matching %s after line %d of the plan:%n%s", step, at + 1, String.join("\n", plan))
          .isNotNegative();
      at = found;
    }
  }

  record Result(int exit, String stdout, String stderr) {
    /** The commands of the plan, without the "+ " each is printed with. */
    List<String> plan() {
      return stdout.lines().filter(l -> l.startsWith("+ ")).map(l -> l.substring(2)).toList();
    }
  }

  static Result run(String... args) throws Exception {
    return run(Map.of(), args);
  }

  static Result run(Map<String, String> extraEnv, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(RUN.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "stdout", ".txt");
    Path err = Files.createTempFile(work, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", bin.toString());
    builder.environment().put("HOME", work.toString());
    builder.environment().putAll(extraEnv);
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("run.sh ended within 60 s").isTrue();
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
