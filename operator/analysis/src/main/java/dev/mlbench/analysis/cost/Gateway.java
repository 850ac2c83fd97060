package dev.mlbench.analysis.cost;

/** The API gateway a target's requests pass through, priced per request; {@link #NONE} when clients reach it directly. */
public enum Gateway {
  NONE(null),
  HTTP("http"),
  REST("rest");

  private final String keyName;

  Gateway(String keyName) {
    this.keyName = keyName;
  }

  String keyName() {
    return keyName;
  }
}
