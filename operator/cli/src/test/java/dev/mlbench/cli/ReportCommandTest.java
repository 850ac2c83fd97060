package dev.mlbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlbench.api.report.StoredReport;
import dev.mlbench.api.v1alpha1.Condition;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkSpec;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.api.v1alpha1.Phase;
import dev.mlbench.api.v1alpha1.ReportStatus;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import picocli.CommandLine;

/** {@code mlbench report} run in-process against the Fabric8 mock API, reached through a real kubeconfig file. */
@EnableKubernetesMockClient(crud = true)
class ReportCommandTest {

  static KubernetesClient client;

  @TempDir
  Path dir;
  Path kubeconfig;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void kubeconfig() throws IOException {
    kubeconfig = writeKubeconfig(client.getConfiguration().getMasterUrl(), "team-a");
  }

  @Test
  void writesTheReportOfAnAnalysedBenchmarkAndPrintsThePath() throws IOException {
    benchmark("team-a", "paper", analysed("paper-report", StoredReport.HTML_KEY));
    report("team-a", "paper-report", Map.of(StoredReport.HTML_KEY, "<html>Résumé: serverless wins</html>"), Map.of());
    Path file = dir.resolve("out.html");

    int code = run("report", "paper", "--kubeconfig", kubeconfig.toString(), "-o", file.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("<html>Résumé: serverless wins</html>");
    assertThat(out.toString().trim()).isEqualTo(file.toAbsolutePath().toString());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aCompressedReportIsWrittenDecompressed() throws IOException {
    String page = "<html>" + "<p>latency 12.5 ms</p>\n".repeat(60_000) + "</html>";
    StoredReport.Encoded encoded = StoredReport.Encoded.of(page);
    assertThat(encoded.key()).isEqualTo(StoredReport.GZIP_KEY);
    benchmark("other", "big", analysed("big-report", encoded.key()));
    report("other", "big-report", encoded.data(), encoded.binaryData());
    Path file = dir.resolve("big.html");

    int code = run("report", "big", "-n", "other", "--kubeconfig", kubeconfig.toString(), "--output", file.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(page);
  }

  @Test
  void withoutAReportInTheStatusTheConventionalConfigMapIsRead() throws IOException {
    MLBenchmarkStatus status = analysed(null, null);
    status.report = null;
    benchmark("team-a", "older", status);
    report("team-a", "older-report", Map.of(StoredReport.HTML_KEY, "<html>older</html>"), Map.of());
    Path file = dir.resolve("older.html");

    assertThat(run("report", "older", "--kubeconfig", kubeconfig.toString(), "-o", file.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(file)).isEqualTo("<html>older</html>");
  }

  @Test
  void aMissingBenchmarkIsExitCode3() {
    int code = run("report", "nosuch", "--kubeconfig", kubeconfig.toString(), "-o", dir.resolve("x.html").toString());

    assertThat(code).isEqualTo(ReportCommand.NOT_FOUND);
    assertThat(err.toString()).contains("There is no MLBenchmark nosuch in namespace team-a.");
    assertThat(dir.resolve("x.html")).doesNotExist();
  }

  @Test
  void aBenchmarkStillMeasuringIsExitCode4WithItsPhase() {
    MLBenchmarkStatus status = new MLBenchmarkStatus();
    status.phase = Phase.Measuring;
    benchmark("team-a", "busy", status);

    int code = run("report", "busy", "--kubeconfig", kubeconfig.toString(), "-o", dir.resolve("x.html").toString());

    assertThat(code).isEqualTo(ReportCommand.NOT_ANALYSED);
    assertThat(err.toString()).contains("MLBenchmark team-a/busy is not analysed yet (phase Measuring)")
        .contains("kubectl get mlb busy -n team-a -w");
  }

  @Test
  void anAnalysedBenchmarkWithoutItsReportIsExitCode5AndTellsWhy() {
    MLBenchmarkStatus status = analysed(null, null);
    status.report.message = "The report could not be rendered: boom.";
    benchmark("team-a", "lost", status);

    int code = run("report", "lost", "--kubeconfig", kubeconfig.toString(), "-o", dir.resolve("x.html").toString());

    assertThat(code).isEqualTo(ReportCommand.REPORT_MISSING);
    assertThat(err.toString()).contains("is analysed but its report is missing: ConfigMap lost-report does not exist.")
        .contains("The operator says: The report could not be rendered: boom.");
  }

  @Test
  void anUnwritableFileIsExitCode6() {
    benchmark("team-a", "fine", analysed("fine-report", StoredReport.HTML_KEY));
    report("team-a", "fine-report", Map.of(StoredReport.HTML_KEY, "<html/>"), Map.of());

    int missingDirectory = run("report", "fine", "--kubeconfig", kubeconfig.toString(), "-o", dir.resolve("no/such/dir/r.html").toString());
    String missingDirectoryError = err.toString();
    int directory = run("report", "fine", "--kubeconfig", kubeconfig.toString(), "-o", dir.toString());

    assertThat(missingDirectory).isEqualTo(ReportCommand.CANNOT_WRITE);
    assertThat(missingDirectoryError).contains("Cannot write " + dir.resolve("no/such/dir/r.html")).contains("no such directory");
    assertThat(directory).isEqualTo(ReportCommand.CANNOT_WRITE);
  }

  @Test
  void anUnreachableApiIsExitCode7AndNamesTheServer() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path nowhere = writeKubeconfig("https://127.0.0.1:" + port, "team-a");
    long started = System.nanoTime();

    int code = run("report", "any", "--kubeconfig", nowhere.toString(), "-o", dir.resolve("x.html").toString());

    assertThat(code).as(err.toString()).isEqualTo(ReportCommand.API_UNREACHABLE);
    assertThat(err.toString()).contains("Cannot reach the Kubernetes API at https://127.0.0.1:" + port);
    assertThat((System.nanoTime() - started) / 1_000_000_000.0).as("fails fast").isLessThan(15);
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertThat(run("report", "Not_A_Name", "--kubeconfig", kubeconfig.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("NAME 'Not_A_Name' is not a DNS label");
    assertThat(run("report", "fine", "--kubeconfig", dir.resolve("missing").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("does not exist or is not a file");
    assertThat(run("report")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter: 'NAME'");
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return new CommandLine(new Mlbench()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  private static MLBenchmarkStatus analysed(String configMap, String key) {
    MLBenchmarkStatus status = new MLBenchmarkStatus();
    status.phase = Phase.Succeeded;
    status.runId = "r1234567";
    status.conditions.add(new Condition("Analyzed", "True", "Analyzed", "analysed", 1L, "2026-03-01T12:00:00Z"));
    status.report = new ReportStatus();
    status.report.runId = "r1234567";
    status.report.configMap = configMap;
    status.report.key = key;
    return status;
  }

  private static void benchmark(String namespace, String name, MLBenchmarkStatus status) {
    MLBenchmark benchmark = new MLBenchmark();
    benchmark.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    benchmark.setSpec(new MLBenchmarkSpec());
    MLBenchmark created = client.resource(benchmark).create();
    created.setStatus(status);
    client.resource(created).updateStatus();
  }

  private static void report(String namespace, String name, Map<String, String> data, Map<String, String> binaryData) {
    client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withData(data.isEmpty() ? null : data).withBinaryData(binaryData.isEmpty() ? null : binaryData).build()).create();
  }

  private Path writeKubeconfig(String server, String namespace) throws IOException {
    Path file = Files.createTempFile(dir, "kubeconfig", ".yaml");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mock
            cluster: {server: "%s", insecure-skip-tls-verify: true}
        users:
          - name: tester
            user: {token: not-checked}
        contexts:
          - name: mock
            context: {cluster: mock, user: tester, namespace: %s}
        current-context: mock
        """.formatted(server, namespace));
    return file;
  }
}
