package dev.mlbench.api.results;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one stdout line that carries a {@link LoadResult}: {@code MLBENCH_RESULT <json>}. Readers accept
 * lines of at most {@link #MAX_LINE_CHARS} characters and ignore unknown fields, so fields can be added
 * without a new schema version; a removed or changed field needs one.
 */
public final class ResultLine {

  public static final String PREFIX = "MLBENCH_RESULT ";
  public static final int SCHEMA_VERSION = 1;
  /** Far above a sweep of dozens of levels (a compressed histogram is a few KB), far below a pod-log read. */
  public static final int MAX_LINE_CHARS = 1 << 20;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ResultLine() {
  }

  public static String format(LoadResult result) {
    try {
      return PREFIX + MAPPER.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a LoadResult always serializes", e);
    }
  }

  /** Parses one line that starts with {@link #PREFIX}. */
  public static LoadResult parse(String line) {
    if (line.length() > MAX_LINE_CHARS) {
      throw new InvalidResultLineException("result line has " + line.length() + " characters, more than the limit of " + MAX_LINE_CHARS);
    }
    if (!line.startsWith(PREFIX)) {
      throw new InvalidResultLineException("result line does not start with '" + PREFIX.strip() + "'");
    }
    LoadResult result;
    try {
      result = MAPPER.readValue(line.substring(PREFIX.length()), LoadResult.class);
    } catch (JsonProcessingException e) {
      throw new InvalidResultLineException("result line is not a valid result: " + e.getOriginalMessage(), e);
    }
    if (result.schemaVersion() != SCHEMA_VERSION) {
      throw new InvalidResultLineException("result schema version " + result.schemaVersion() + " is not the supported version " + SCHEMA_VERSION);
    }
    return result;
  }

  /** The result on the last result line of a pod log, if any line is one. */
  public static Optional<LoadResult> findLast(String log) {
    int start = log.lastIndexOf(PREFIX);
    while (start > 0 && log.charAt(start - 1) != '\n') {
      start = log.lastIndexOf(PREFIX, start - 1);
    }
    if (start < 0) {
      return Optional.empty();
    }
    int end = log.indexOf('\n', start);
    String line = (end < 0 ? log.substring(start) : log.substring(start, end)).stripTrailing();
    return Optional.of(parse(line));
  }
}
