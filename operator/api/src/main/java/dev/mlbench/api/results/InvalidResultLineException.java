package dev.mlbench.api.results;

/** A line that should carry a result but does not: wrong prefix, too long, not JSON, other schema version. */
public class InvalidResultLineException extends IllegalArgumentException {

  public InvalidResultLineException(String message) {
    super(message);
  }

  public InvalidResultLineException(String message, Throwable cause) {
    super(message, cause);
  }
}
