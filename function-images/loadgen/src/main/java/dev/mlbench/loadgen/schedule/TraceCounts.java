package dev.mlbench.loadgen.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Invocations per minute read from a trace file: either the Azure Functions 2019 format (CSV header
 * {@code HashOwner,HashApp,HashFunction,Trigger,1,…,1440}, one row per function) or a plain file with one
 * count per line ({@code #} comments and blank lines ignored).
 */
public record TraceCounts(long[] perMinute) {

  private static final String AZURE_HEADER_START = "HashOwner,HashApp,HashFunction,Trigger,";
  private static final int AZURE_FIRST_COUNT_COLUMN = 4;

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
   * Reads a trace; in the Azure format the row whose HashFunction equals {@code function} (or starts with
   * it), or the first row when {@code function} is null.
   */
  public static TraceCounts read(Path file, String function) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = reader.readLine();
      if (first == null) {
        throw new IllegalArgumentException("trace file " + file + " is empty");
      }
      if (first.startsWith(AZURE_HEADER_START)) {
        return readAzureRow(reader, file, function);
      }
      if (function != null) {
        throw new IllegalArgumentException("trace function '" + function + "' given, but " + file + " is not in the Azure Functions format");
      }
      return readPlain(first, reader, file);
    }
  }

  private static TraceCounts readAzureRow(BufferedReader reader, Path file, String function) throws IOException {
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      String[] columns = line.split(",", -1);
      if (columns.length <= AZURE_FIRST_COUNT_COLUMN) {
        continue;
      }
      if (function == null || columns[2].startsWith(function)) {
        long[] counts = new long[columns.length - AZURE_FIRST_COUNT_COLUMN];
        for (int i = 0; i < counts.length; i++) {
          counts[i] = parseCount(columns[AZURE_FIRST_COUNT_COLUMN + i], file);
        }
        return new TraceCounts(counts);
      }
    }
    throw new IllegalArgumentException(function == null
        ? "trace file " + file + " has no data row"
        : "trace file " + file + " has no row with HashFunction '" + function + "'");
  }

  private static TraceCounts readPlain(String first, BufferedReader reader, Path file) throws IOException {
    long[] counts = new long[1440];
    int minutes = 0;
    for (String line = first; line != null; line = reader.readLine()) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (minutes == counts.length) {
        counts = Arrays.copyOf(counts, counts.length * 2);
      }
      counts[minutes++] = parseCount(trimmed, file);
    }
    if (minutes == 0) {
      throw new IllegalArgumentException("trace file " + file + " has no counts");
    }
    return new TraceCounts(Arrays.copyOf(counts, minutes));
  }

  private static long parseCount(String text, Path file) {
    try {
      long count = Long.parseLong(text.strip());
      if (count < 0) {
        throw new IllegalArgumentException("trace file " + file + " has a negative count: " + text);
      }
      return count;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("trace file " + file + " has a count that is not a whole number: '" + text + "'");
    }
  }
}
