package dev.mlbench.api.traces;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Invocations per minute read from a trace, the one format the load pattern {@code trace} and the cost traffic shape
 * {@code trace} share: either the Azure Functions 2019 format (CSV header {@code HashOwner,HashApp,HashFunction,Trigger,1,…,1440},
 * one row per function; a row is chosen by its HashFunction, else the first) or one whole count per line ({@code #}
 * comments and blank lines ignored). A line that is neither names itself, by number, in the error.
 */
public final class InvocationTrace {

  private static final String AZURE_HEADER_START = "HashOwner,HashApp,HashFunction,Trigger,";
  private static final int AZURE_FIRST_COUNT_COLUMN = 4;

  private InvocationTrace() {
  }

  /** Parses the text of a trace; {@code source} names it in errors (e.g. the ConfigMap and key). */
  public static long[] parse(String text, String source, String function) {
    try {
      return parse(new BufferedReader(new StringReader(text)), source, function);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a trace; in the Azure format the row whose HashFunction equals {@code function} (or starts with it), or the
   * first row when {@code function} is null.
   *
   * @throws IllegalArgumentException naming {@code source} and the line when the trace is empty or a line is not a count
   */
  public static long[] parse(BufferedReader reader, String source, String function) throws IOException {
    String first = reader.readLine();
    if (first == null) {
      throw new IllegalArgumentException("trace " + source + " is empty");
    }
    if (first.startsWith(AZURE_HEADER_START)) {
      return azureRow(reader, source, function);
    }
    if (function != null) {
      throw new IllegalArgumentException("trace function '" + function + "' given, but " + source + " is not in the Azure Functions format");
    }
    return plain(first, reader, source);
  }

  private static long[] azureRow(BufferedReader reader, String source, String function) throws IOException {
    int lineNumber = 1;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      String[] columns = line.split(",", -1);
      if (columns.length <= AZURE_FIRST_COUNT_COLUMN) {
        continue;
      }
      if (function == null || columns[2].startsWith(function)) {
        long[] counts = new long[columns.length - AZURE_FIRST_COUNT_COLUMN];
        for (int i = 0; i < counts.length; i++) {
          counts[i] = count(columns[AZURE_FIRST_COUNT_COLUMN + i], source, lineNumber, "column " + (AZURE_FIRST_COUNT_COLUMN + i + 1));
        }
        return counts;
      }
    }
    throw new IllegalArgumentException(function == null
        ? "trace " + source + " has no data row"
        : "trace " + source + " has no row with HashFunction '" + function + "'");
  }

  private static long[] plain(String first, BufferedReader reader, String source) throws IOException {
    long[] counts = new long[1440];
    int minutes = 0;
    int lineNumber = 0;
    for (String line = first; line != null; line = reader.readLine()) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (minutes == counts.length) {
        counts = Arrays.copyOf(counts, counts.length * 2);
      }
      counts[minutes++] = count(trimmed, source, lineNumber, null);
    }
    if (minutes == 0) {
      throw new IllegalArgumentException("trace " + source + " has no counts");
    }
    return Arrays.copyOf(counts, minutes);
  }

  private static long count(String text, String source, int lineNumber, String column) {
    String where = "trace " + source + " line " + lineNumber + (column == null ? "" : " " + column);
    long count;
    try {
      count = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": '" + abbreviate(text) + "' is not a whole number of requests per minute");
    }
    if (count < 0) {
      throw new IllegalArgumentException(where + ": a negative count, " + count);
    }
    return count;
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
