package dev.mlbench.loadgen.config;

/** A scenario that cannot run as configured; its message tells the user what to change. */
public class ConfigurationException extends RuntimeException {

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
