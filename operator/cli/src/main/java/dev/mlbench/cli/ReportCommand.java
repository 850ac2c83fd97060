package dev.mlbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import dev.mlbench.api.report.StoredReport;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlbench report <name>}: writes the HTML report the operator stored for an analysed benchmark to a file. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write the HTML report of an analysed MLBenchmark to a file.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the report was written",
        "2:bad arguments",
        "3:no such MLBenchmark",
        "4:the benchmark is not analysed yet (or failed)",
        "5:the benchmark is analysed but its report is missing",
        "6:the file cannot be written",
        "7:the Kubernetes API cannot be reached",
        "8:the Kubernetes API refused the request"})
public final class ReportCommand implements Callable<Integer> {

  static final int WRITTEN = 0;
  static final int NOT_FOUND = 3;
  static final int NOT_ANALYSED = 4;
  static final int REPORT_MISSING = 5;
  static final int CANNOT_WRITE = 6;
  static final int API_UNREACHABLE = 7;
  static final int API_REFUSED = 8;

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "Name of the MLBenchmark.")
  String name;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "Namespace of the benchmark (default: the kubeconfig context's namespace, else default).")
  String namespace;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "File to write (default: NAME-report.html).")
  Path output;

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "Kubeconfig to use (default: $KUBECONFIG, ~/.kube/config, or the pod's service account).")
  Path kubeconfig;

  @Override
  public Integer call() {
    requireDnsLabel("NAME", name);
    if (namespace != null) {
      requireDnsLabel("--namespace", namespace);
    }
    if (kubeconfig != null && !Files.isRegularFile(kubeconfig)) {
      throw new ParameterException(spec.commandLine(), "The kubeconfig " + kubeconfig + " does not exist or is not a file");
    }
    Config config = kubeconfig == null ? Config.autoConfigure(null) : Config.fromKubeconfig(kubeconfig.toFile());
    // one quick try: a person at a terminal wants to know now that the API is unreachable
    config.setRequestRetryBackoffLimit(0);
    config.setConnectionTimeout(5_000);
    config.setRequestTimeout(20_000);
    String ns = namespace != null ? namespace : Optional.ofNullable(config.getNamespace()).orElse("default");
    Path file = output != null ? output : Path.of(name + "-report.html");
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      return write(client, ns, file);
    } catch (KubernetesClientException e) {
      return apiFailure(e, config.getMasterUrl());
    }
  }

  private int write(KubernetesClient client, String ns, Path file) {
    MLBenchmark benchmark = client.resources(MLBenchmark.class).inNamespace(ns).withName(name).get();
    if (benchmark == null) {
      return fail(NOT_FOUND, "There is no MLBenchmark " + name + " in namespace " + ns + ".");
    }
    MLBenchmarkStatus status = benchmark.getStatus();
    if (!analysed(status)) {
      String phase = status == null || status.phase == null ? "Pending" : status.phase.name();
      return fail(NOT_ANALYSED, "MLBenchmark " + ns + "/" + name + " is not analysed yet (phase " + phase + ")"
          + ("Failed".equals(phase) ? ": it failed, so it has no report; see kubectl describe mlb " + name + " -n " + ns
              : ": the report is written once the run is analysed; follow it with kubectl get mlb " + name + " -n " + ns + " -w")
          + ".");
    }
    String configMapName = status.report != null && status.report.configMap != null ? status.report.configMap
        : StoredReport.configMapName(name);
    ConfigMap configMap = client.configMaps().inNamespace(ns).withName(configMapName).get();
    Optional<String> html;
    try {
      html = configMap == null ? Optional.empty() : StoredReport.decode(configMap.getData(), configMap.getBinaryData());
    } catch (UncheckedIOException e) {
      return fail(REPORT_MISSING, "The report in ConfigMap " + ns + "/" + configMapName + " cannot be read: " + e.getMessage());
    }
    if (html.isEmpty()) {
      String why = status.report != null && status.report.message != null ? " The operator says: " + status.report.message : "";
      return fail(REPORT_MISSING, "MLBenchmark " + ns + "/" + name + " is analysed but its report is missing: ConfigMap "
          + configMapName + (configMap == null ? " does not exist." : " holds no " + StoredReport.HTML_KEY + ".") + why);
    }
    try {
      Files.writeString(file, html.get(), StandardCharsets.UTF_8);
    } catch (IOException | UnsupportedOperationException e) {
      return fail(CANNOT_WRITE, "Cannot write " + file.toAbsolutePath() + ": " + describe(e));
    }
    spec.commandLine().getOut().println(file.toAbsolutePath());
    spec.commandLine().getOut().flush();
    return WRITTEN;
  }

  private static boolean analysed(MLBenchmarkStatus status) {
    return status != null && status.conditions != null && status.conditions.stream()
        .anyMatch(c -> "Analyzed".equals(c.type) && "True".equals(c.status));
  }

  private int apiFailure(KubernetesClientException e, String server) {
    if (e.getCode() == 401 || e.getCode() == 403) {
      return fail(API_REFUSED, "The Kubernetes API at " + server + " refused the request (HTTP " + e.getCode()
          + "): you need get on mlbenchmarks.mlbench.dev and configmaps in the namespace. " + e.getStatus().getMessage());
    }
    if (e.getCode() > 0) {
      return fail(API_REFUSED, "The Kubernetes API at " + server + " answered HTTP " + e.getCode() + ": " + e.getMessage());
    }
    return fail(API_UNREACHABLE, "Cannot reach the Kubernetes API at " + server + ": " + rootCause(e)
        + ". Check the kubeconfig's context and that the cluster is running.");
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
      if (cause instanceof ConnectException || cause instanceof UnknownHostException
          || cause instanceof HttpConnectTimeoutException) {
        break;
      }
    }
    return describe(cause);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }

  private int fail(int code, String message) {
    spec.commandLine().getErr().println("mlbench report: " + message);
    spec.commandLine().getErr().flush();
    return code;
  }

  private void requireDnsLabel(String what, String value) {
    if (!DNS_LABEL.matcher(value).matches()) {
      throw new ParameterException(spec.commandLine(), what + " '" + value + "' is not a DNS label: lowercase letters,"
          + " digits and '-', starting and ending with a letter or digit, at most 63 characters");
    }
  }
}
