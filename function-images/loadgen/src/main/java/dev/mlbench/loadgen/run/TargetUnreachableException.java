package dev.mlbench.loadgen.run;

/** The target cannot be resolved or connected to, so no measurement can start. */
public class TargetUnreachableException extends RuntimeException {

  public TargetUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
