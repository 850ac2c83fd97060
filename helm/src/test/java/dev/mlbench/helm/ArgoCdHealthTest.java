package dev.mlbench.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Argo CD health check for MLBenchmark (helm/argocd/mlbenchmark-health.lua, quoted in the chart README) run by
 * a real Lua interpreter on sample objects. Needs lua5.4 on the PATH (Debian: apt-get install -y lua5.4); without
 * it the Lua cases are skipped and say so.
 */
class ArgoCdHealthTest {

  static final Path SCRIPT = HelmChart.REPO.resolve("helm/argocd/mlbenchmark-health.lua");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  record Case(String name, JsonNode object, String status, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in = ArgoCdHealthTest.class.getResourceAsStream("/argocd-health-cases.yaml")) {
      JsonNode cases = YAML.readTree(in);
      return Stream.iterate(0, i -> i < cases.size(), i -> i + 1).map(cases::get)
          .map(c -> new Case(c.get("name").asText(), c.get("object"), c.at("/expect/status").asText(),
              c.at("/expect/message").asText()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void healthFollowsTheStatusConditionsAndPhase(Case sample) throws Exception {
    Optional<Path> lua = interpreter();
    if (lua.isEmpty()) {
      System.out.println("SKIPPED Argo CD health check '" + sample.name() + "': no lua5.4 on the PATH (apt-get install -y lua5.4)");
    }
    Assumptions.assumeTrue(lua.isPresent(), "lua5.4 is not installed: apt-get install -y lua5.4");

    List<String> health = run(lua.get(), sample.object());

    assertThat(health).as("status and message for %s", sample.object()).containsExactly(sample.status(), sample.message());
  }

  @Test
  void theChartReadmeQuotesTheTestedScript() throws IOException {
    String readme = Files.readString(HelmChart.CHART.resolve("README.md"));
    String script = Files.readString(SCRIPT);

    assertThat(readme).contains("resource.customizations.health.mlbench.dev_MLBenchmark: |\n"
        + script.lines().map(line -> line.isEmpty() ? "" : "    " + line).collect(Collectors.joining("\n")));
  }

  /** Runs the script as Argo CD does, with the object as the global {@code obj}; answers status and message. */
  private static List<String> run(Path lua, JsonNode object) throws IOException, InterruptedException {
    String program = "obj = " + luaValue(object) + "\n"
        + "local function health()\n" + Files.readString(SCRIPT) + "\nend\n"
        + "local hs = health()\n"
        + "io.write(hs.status, \"\\0\", hs.message or \"\")\n";
    Process process = new ProcessBuilder(lua.toString(), "-").redirectErrorStream(true).start();
    process.getOutputStream().write(program.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("lua failed:\n%s", output).isZero();
    return Arrays.asList(output.split("\0", -1));
  }

  private static String luaValue(JsonNode node) {
    if (node.isObject()) {
      return node.properties().stream().map(e -> "[" + luaString(e.getKey()) + "]=" + luaValue(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (node.isArray()) {
      return Stream.iterate(0, i -> i < node.size(), i -> i + 1).map(i -> luaValue(node.get(i)))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    return node.isNull() ? "nil" : luaString(node.asText());
  }

  private static String luaString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == '"' || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c < 0x20 || c >= 0x7f) {
        out.append('\\').append(String.format("%03d", c));
      } else {
        out.append((char) c);
      }
    }
    return out.append('"').toString();
  }

  private static Optional<Path> interpreter() {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, "lua5.4")).filter(Files::isExecutable).findFirst();
  }
}
