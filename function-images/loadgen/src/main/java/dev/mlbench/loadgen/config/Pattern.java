package dev.mlbench.loadgen.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The load patterns of an MLBenchmark scenario. */
public enum Pattern {
  CONSTANT,
  POISSON,
  BURST,
  RAMP,
  TRACE,
  CONCURRENCY;

  public String specName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean openLoop() {
    return this != CONCURRENCY;
  }

  public static Pattern fromSpecName(String name) {
    return Arrays.stream(values())
        .filter(pattern -> pattern.specName().equals(name))
        .findFirst()
        .orElseThrow(() -> new ConfigurationException("unknown pattern '" + name + "'; expected one of " + specNames()));
  }

  private static String specNames() {
    return Arrays.stream(values()).map(Pattern::specName).collect(Collectors.joining(", "));
  }
}
