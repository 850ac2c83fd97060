package dev.mlbench.cli.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a container image the operator asked for into the command that runs the same program here: the
 * project's function images are the jars built under {@code function-images/}, run with the image's JVM flags.
 */
final class FunctionImages {

  private static final Pattern PROJECT_IMAGE = Pattern.compile("(?:^|/)mlbench-([a-z0-9-]+)(?:[:@].*)?$");
  /** The flags the model server images set in JAVA_TOOL_OPTIONS: C1 and the serial GC for a short cold start. */
  private static final List<String> MODEL_SERVER_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  private static final List<String> LOADGEN_FLAGS = List.of("-XX:+ExitOnOutOfMemoryError");

  private final Path repository;
  private final String java;

  FunctionImages(Path repository) {
    this.repository = repository;
    this.java = ProcessHandle.current().info().command().orElse("java");
  }

  /** The command for an image, or an error that says why it cannot run on this machine. */
  List<String> command(String image) throws LocalModeException {
    Matcher match = PROJECT_IMAGE.matcher(image == null ? "" : image);
    if (!match.find()) {
      throw new LocalModeException("image " + image + " cannot run in local mode: only the project's function images"
          + " (mlbench-<workload>) can; custom images need a cluster");
    }
    String program = match.group(1);
    Path jar = jar(program);
    if (!Files.isRegularFile(jar)) {
      throw new LocalModeException("image " + image + " needs " + repository.relativize(jar)
          + ", which is not built: run ./mlbench again (it builds what is missing) or ./mvnw -pl function-images/"
          + program + " -am package -DskipTests");
    }
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(program.equals("loadgen") ? LOADGEN_FLAGS : MODEL_SERVER_FLAGS);
    command.add("-jar");
    command.add(jar.toString());
    return command;
  }

  Path jar(String program) {
    return repository.resolve("function-images").resolve(program).resolve("target").resolve("mlbench-" + program + ".jar");
  }
}
