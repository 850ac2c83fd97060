package dev.mlbench.cli.local;

/** Something local mode cannot do, said in words a user can act on. */
public final class LocalModeException extends Exception {

  public LocalModeException(String message) {
    super(message);
  }
}
