package dev.mlbench.loadgen;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.ResultLine;

/** One in-process run of the command, with what it printed. */
public record LoadgenRun(int exitStatus, List<String> stdout, List<String> stderr) {

  public static LoadgenRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = LoadgenCommand.run(args, outStream, errStream);
    }
    return new LoadgenRun(status, out.toString(StandardCharsets.UTF_8).lines().toList(),
        err.toString(StandardCharsets.UTF_8).lines().toList());
  }

  /** The result on the last stdout line, which must be the result line. */
  public LoadResult result() {
    if (stdout.isEmpty()) {
      throw new AssertionError("no stdout; stderr: " + stderr);
    }
    return ResultLine.parse(stdout.get(stdout.size() - 1));
  }
}
