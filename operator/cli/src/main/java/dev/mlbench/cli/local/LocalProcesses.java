package dev.mlbench.cli.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts every process local mode runs and makes sure none outlives it: closing stops them all (politely,
 * then forcibly), descendants included.
 */
final class LocalProcesses implements AutoCloseable {

  /** A system property on every JVM local mode starts, so that a leftover process can be told apart. */
  static final String MARKER_PROPERTY = "mlbench.local.run";

  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private final String marker;
  private volatile boolean closed;

  LocalProcesses(String marker) {
    this.marker = marker;
  }

  /** Starts a process with the given environment (added to a clean copy of this one) and output file. */
  Process start(List<String> command, Map<String, String> env, Path output) throws IOException {
    if (closed) {
      throw new IOException("local mode is shutting down");
    }
    List<String> marked = new java.util.ArrayList<>(command);
    if (marked.get(0).endsWith("java")) {
      marked.add(1, "-D" + MARKER_PROPERTY + "=" + marker);
    }
    ProcessBuilder builder = new ProcessBuilder(marked).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    builder.environment().keySet().removeIf(name -> name.startsWith("MLBENCH_") || name.equals("JAVA_TOOL_OPTIONS")
        || name.equals("KUBECONFIG"));
    builder.environment().putAll(env);
    Process process = builder.start();
    running.add(process);
    process.onExit().thenRun(() -> running.remove(process));
    return process;
  }

  /** Stops one process: SIGTERM, a grace period, then SIGKILL. */
  static void stop(Process process, long graceMillis) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    descendants.forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public void close() {
    closed = true;
    running.parallelStream().forEach(p -> stop(p, 3000));
    running.clear();
  }
}
