package dev.mlbench.cli.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The packaged operator — the same build a cluster runs — as a process pointed at the embedded API. */
final class OperatorProcess {

  static final String JAR = "operator/controller/target/quarkus-app/quarkus-run.jar";

  private final Process process;
  private final Path log;

  private OperatorProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static OperatorProcess start(LocalProcesses processes, Path repository, Path kubeconfig, Path log)
      throws IOException, LocalModeException {
    Path jar = repository.resolve(JAR);
    if (!Files.isRegularFile(jar)) {
      throw new LocalModeException(JAR + " is not built: run ./mlbench again (it builds what is missing) or"
          + " ./mvnw -pl operator/controller -am package -DskipTests");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Map<String, String> env = Map.of(
        "KUBECONFIG", kubeconfig.toString(),
        "MLBENCH_ENVIRONMENT", "local",
        // nothing listens beyond what is needed: a random loopback port for health, metrics and reports
        "QUARKUS_HTTP_PORT", "0",
        "QUARKUS_HTTP_HOST", "127.0.0.1");
    Process process = processes.start(List.of(java, "-XX:+UseSerialGC", "-jar", jar.toString()), env, log);
    return new OperatorProcess(process, log);
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The operator's last lines of output, for an error message. */
  String lastLines(int count) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    } catch (IOException e) {
      return "(no operator log: " + e.getMessage() + ")";
    }
  }

  Path log() {
    return log;
  }

  void stop() {
    LocalProcesses.stop(process, 10_000);
  }
}
