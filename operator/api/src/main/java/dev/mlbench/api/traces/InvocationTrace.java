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
      throw new IllegalArgumentException("trace " + source + " holds no count (one number of requests per minute a line)");
    }
    if (first.startsWith(AZURE_HEADER_START)) {
      return azureRow(first, reader, source, function);
    }
    if (function != null) {
      throw new IllegalArgumentException("trace function '" + function + "' given, but " + source + " is not in the Azure Functions format");
    }
    return plain(first, reader, source);
  }

  private static long[] azureRow(String headerLine, BufferedReader reader, String source, String function)
      throws IOException {
    String[] header = headerLine.split(",", -1);
    for (int minute = 1; AZURE_FIRST_COUNT_COLUMN + minute - 1 < header.length; minute++) {
      String column = header[AZURE_FIRST_COUNT_COLUMN + minute - 1].strip();
      if (!column.equals(Integer.toString(minute))) {
        throw new IllegalArgumentException("trace " + source + " header: minute column " + minute + " is '"
            + abbreviate(column) + "'; the Azure Functions format numbers its minutes 1, 2, 3, ... in order");
      }
    }
    long[] chosen = null;
    int lineNumber = 1;
    int rows = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      String[] columns = line.split(",", -1);
      if (columns.length != header.length) {
        throw new IllegalArgumentException("trace " + source + " line " + lineNumber + ": has " + columns.length
            + " columns, the header " + header.length);
      }
      rows++;
      long[] counts = new long[columns.length - AZURE_FIRST_COUNT_COLUMN];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = count(columns[AZURE_FIRST_COUNT_COLUMN + i], source, lineNumber, "minute " + (i + 1));
      }
      if (chosen == null && (function == null || columns[2].startsWith(function))) {
        chosen = counts;
      }
    }
    if (chosen != null) {
      return chosen;
    }
    throw new IllegalArgumentException(rows == 0 || function == null
        ? "trace " + source + " has an Azure Functions header but no data row"
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
      throw new IllegalArgumentException("trace " + source + " holds no count (one number of requests per minute a line)");
    }
    return Arrays.copyOf(counts, minutes);
  }

  private static long count(String text, String source, int lineNumber, String column) {
    String where = "trace " + source + " line " + lineNumber + (column == null ? "" : ", " + column);
    long count;
    try {
      count = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": '" + abbreviate(text) + "' is not a whole number of requests per minute");
    }
    if (count < 0) {
      throw new IllegalArgumentException(where + ": the count " + count + " is negative");
    }
    return count;
  }

  /** Text from a trace as it may appear in a message: printable, and short. */
  private static String abbreviate(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
  }
}
