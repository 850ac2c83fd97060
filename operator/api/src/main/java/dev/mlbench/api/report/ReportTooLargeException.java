package dev.mlbench.api.report;

/** A report page that does not fit a ConfigMap even compressed. */
public class ReportTooLargeException extends IllegalArgumentException {

  public ReportTooLargeException(String message) {
    super(message);
  }
}
