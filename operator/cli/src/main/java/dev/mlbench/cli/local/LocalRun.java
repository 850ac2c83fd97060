package dev.mlbench.cli.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mlbench.api.report.StoredReport;
import dev.mlbench.api.v1alpha1.Condition;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.Phase;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * One local run: the embedded API, the local controllers and the packaged operator, started in that order; the
 * benchmark applied; its progress streamed until the operator reaches a final phase; its status, report and a
 * summary written out; and everything stopped again, whatever happened.
 */
final class LocalRun implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(250);
  /** How long the operator may take to store the report and remove the model servers after the analysis. */
  private static final Duration SETTLE_WAIT = Duration.ofSeconds(30);

  private final Path repository;
  private final Path output;
  private final PrintStream out;
  private final boolean terminal;
  private final Duration timeout;
  private final LocalProcesses processes;
  private final List<AutoCloseable> started = new ArrayList<>();
  private EmbeddedApiServer api;
  private LocalCluster cluster;
  private OperatorProcess operator;
  private boolean closed;

  LocalRun(Path repository, Path output, PrintStream out, boolean terminal, Duration timeout) {
    this.repository = repository;
    this.output = output;
    this.out = out;
    this.terminal = terminal;
    this.timeout = timeout;
    this.processes = new LocalProcesses(output.toString());
  }

  /** Runs the benchmark; the exit code is 0 when it Succeeded, 1 when it Failed, 2 when its spec is invalid. */
  int run(BenchmarkFile file) throws IOException, LocalModeException, InvalidSpecException, InterruptedException {
    MLBenchmark benchmark = file.benchmark();
    String namespace = Optional.ofNullable(benchmark.getMetadata().getNamespace()).orElse("default");
    benchmark.getMetadata().setNamespace(namespace);
    String name = benchmark.getMetadata().getName();
    Path work = Files.createDirectories(output.resolve("work"));
    Path crd = repository.resolve("crds/mlbenchmarks.mlbench.dev-v1.yml");

    api = new EmbeddedApiServer().start(crd);
    started.add(api);
    api.createNamespace(namespace);
    Path kubeconfig = api.writeKubeconfig(work.resolve("kubeconfig"), namespace);
    KubernetesClient client = api.client();
    cluster = new LocalCluster(client, processes, new FunctionImages(repository), api.podLogs(), work);
    started.add(new DeploymentController(cluster, namespace));
    started.add(new ServiceController(cluster, namespace));
    started.add(new KnativeController(cluster, namespace));
    started.add(new JobController(cluster, namespace));
    for (ConfigMap configMap : file.configMaps()) {
      configMap.getMetadata().setNamespace(namespace);
      client.configMaps().inNamespace(namespace).resource(configMap).create();
    }
    client.resources(MLBenchmark.class).inNamespace(namespace).resource(benchmark).create();
    started.add(new ProgressPrinter(client, benchmark, out, terminal));
    out.println("mlbench local: " + name + " in namespace " + namespace + "; API at " + api.url()
        + " (kubeconfig " + kubeconfig + ")");
    operator = OperatorProcess.start(processes, repository, kubeconfig, work.resolve("operator.log"));

    awaitFinalPhase(client, namespace, name);
    Optional<Path> report = writeReport(client, namespace, name);
    MLBenchmark finished = awaitCleanup(client, namespace, name);
    Files.writeString(output.resolve("status.yaml"), client.getKubernetesSerialization().asYaml(finished));
    writeRuntimeFacts();
    closeProgress();
    out.println();
    SummaryTable.print(finished.getStatus(), out);
    out.println();
    out.println("Status: " + output.resolve("status.yaml"));
    out.println("Report: " + report.map(Path::toString).orElse("none (the operator stored no report)"));
    out.println("Operator log: " + operator.log());
    return finished.getStatus().phase == Phase.Succeeded ? 0 : 1;
  }

  private void awaitFinalPhase(KubernetesClient client, String namespace, String name)
      throws LocalModeException, InvalidSpecException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      MLBenchmark current = client.resources(MLBenchmark.class).inNamespace(namespace).withName(name).get();
      if (current == null) {
        throw new LocalModeException("benchmark " + name + " was deleted");
      }
      var status = current.getStatus();
      if (status != null) {
        Optional<Condition> specValid = status.conditions.stream().filter(c -> "SpecValid".equals(c.type)).findFirst();
        if (specValid.isPresent() && "False".equals(specValid.get().status)) {
          throw new InvalidSpecException(specValid.get().message);
        }
        if (status.phase == Phase.Succeeded || status.phase == Phase.Failed) {
          return;
        }
      }
      if (!operator.alive()) {
        throw new LocalModeException("the operator stopped unexpectedly; its last lines:\n" + operator.lastLines(30));
      }
      Thread.sleep(POLL.toMillis());
    }
    throw new LocalModeException("benchmark " + name + " did not finish within " + timeout
        + " (raise --timeout, or look at " + operator.log() + ")");
  }

  /** The HTML report the operator stored, as a file; waits a little, the operator writes it after the status. */
  private Optional<Path> writeReport(KubernetesClient client, String namespace, String name)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + SETTLE_WAIT.toNanos();
    while (System.nanoTime() < deadline && operator.alive()) {
      ConfigMap configMap = client.configMaps().inNamespace(namespace).withName(StoredReport.configMapName(name)).get();
      Optional<String> html = configMap == null ? Optional.empty()
          : StoredReport.decode(configMap.getData(), configMap.getBinaryData());
      if (html.isPresent()) {
        Path file = output.resolve("report.html");
        Files.writeString(file, html.get());
        return Optional.of(file);
      }
      Thread.sleep(POLL.toMillis());
    }
    return Optional.empty();
  }

  /**
   * The benchmark once the operator is done with it: after the analysis it removes the model servers when
   * {@code spec.cleanup.deleteWorkloads} is set, and says so in a condition.
   */
  private MLBenchmark awaitCleanup(KubernetesClient client, String namespace, String name) throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE_WAIT.toNanos();
    while (true) {
      MLBenchmark current = client.resources(MLBenchmark.class).inNamespace(namespace).withName(name).get();
      boolean cleanupDue = current.getSpec().cleanup != null && current.getSpec().cleanup.deleteWorkloads
          && current.getStatus().phase == Phase.Succeeded;
      boolean removed = current.getStatus().conditions.stream()
          .anyMatch(c -> "WorkloadsRemoved".equals(c.type) && "True".equals(c.status));
      if (!cleanupDue || removed || System.nanoTime() > deadline || !operator.alive()) {
        return current;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** What the local runtime itself observed, for the curious and for the end-to-end test. */
  private void writeRuntimeFacts() throws IOException {
    StringBuilder yaml = new StringBuilder("# what local mode's runtime observed during the run\n");
    yaml.append("activatorColdStarts:\n");
    cluster.coldStarts().forEach((service, count) -> yaml.append("  ").append(service).append(": ").append(count).append('\n'));
    Files.writeString(output.resolve("runtime.yaml"), yaml.toString());
  }

  private void closeProgress() {
    started.removeIf(c -> {
      if (c instanceof ProgressPrinter progress) {
        progress.close();
        return true;
      }
      return false;
    });
  }

  /** Stops everything, newest first; safe to call twice (Ctrl-C and a normal end may race). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (operator != null) {
      operator.stop();
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        // keep stopping the rest
      }
    }
    processes.close();
    if (cluster != null) {
      cluster.close();
    }
  }

  /** The operator rejected the spec: its message is the answer. */
  static final class InvalidSpecException extends Exception {
    InvalidSpecException(String message) {
      super(message);
    }
  }
}
