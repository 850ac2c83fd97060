package dev.mlbench.analysis.cost;

/** CPU architecture a function or container is priced for; arm64 has its own catalogue entries where the provider prices it apart. */
public enum Architecture {
  X86_64(""),
  ARM64("arm64.");

  private final String keyInfix;

  Architecture(String keyInfix) {
    this.keyInfix = keyInfix;
  }

  String keyInfix() {
    return keyInfix;
  }
}
