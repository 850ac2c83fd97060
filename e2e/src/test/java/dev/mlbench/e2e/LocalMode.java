package dev.mlbench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code mlbench} command line as a user would, and finds what it left running. */
final class LocalMode {

  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path CLI = REPO.resolve("operator/cli/target/mlbench-cli.jar");

  private LocalMode() {
  }

  /** Starts {@code mlbench local FILE -o OUTPUT}; its stdout and stderr go to files in the output folder. */
  static Process start(Path file, Path output) throws IOException {
    Files.createDirectories(output);
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = List.of(java, "-jar", CLI.toString(), "local", file.toString(), "-o", output.toString(),
        "--home", REPO.toString(), "--timeout", "15m");
    return new ProcessBuilder(command)
        .redirectOutput(output.resolve("stdout.txt").toFile())
        .redirectError(output.resolve("stderr.txt").toFile())
        .start();
  }

  static String stdout(Path output) throws IOException {
    return Files.readString(output.resolve("stdout.txt"), StandardCharsets.UTF_8);
  }

  static String stderr(Path output) throws IOException {
    return Files.readString(output.resolve("stderr.txt"), StandardCharsets.UTF_8);
  }

  /** Processes still alive that local mode started for this output folder (it marks each JVM it starts). */
  static List<String> leftovers(Path output) {
    String marker = "-Dmlbench.local.run=" + output;
    List<String> alive = new ArrayList<>();
    ProcessHandle.allProcesses().forEach(p -> p.info().commandLine()
        .filter(line -> line.contains(marker))
        .ifPresent(line -> alive.add(p.pid() + " " + line)));
    return alive;
  }

  /** Leftovers after giving stopping processes a moment to go. */
  static List<String> leftoversAfterGrace(Path output) throws InterruptedException {
    for (int i = 0; i < 20 && !leftovers(output).isEmpty(); i++) {
      TimeUnit.MILLISECONDS.sleep(250);
    }
    return leftovers(output);
  }
}
