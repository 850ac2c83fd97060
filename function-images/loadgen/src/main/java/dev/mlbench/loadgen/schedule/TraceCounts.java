package dev.mlbench.loadgen.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.mlbench.api.traces.InvocationTrace;

/** Invocations per minute read from a trace file, in a format {@link InvocationTrace} reads. */
public record TraceCounts(long[] perMinute) {

  public TraceCounts {
    perMinute = perMinute.clone();
  }

  public long total() {
    return Arrays.stream(perMinute).sum();
  }

  public int minutes() {
    return perMinute.length;
  }

  public long countInMinute(int minute) {
    return perMinute[minute];
  }

  /**
   * Reads a trace with the rules the operator also prices a trace by ({@link InvocationTrace}); in the Azure format the
   * row whose HashFunction equals {@code function} (or starts with it), or the first row when {@code function} is null.
   */
  public static TraceCounts read(Path file, String function) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new TraceCounts(InvocationTrace.parse(reader, "file " + file, function));
    }
  }
}
