package dev.mlbench.loadgen.config;

import dev.mlbench.api.results.ResultMode;

/** What the generator does: run a load scenario, or time one request against a target scaled to zero. */
public enum Mode {
  LOAD("load", ResultMode.LOAD),
  COLD_START("cold-start", ResultMode.COLD_START);

  private final String specName;
  private final ResultMode resultMode;

  Mode(String specName, ResultMode resultMode) {
    this.specName = specName;
    this.resultMode = resultMode;
  }

  public ResultMode resultMode() {
    return resultMode;
  }

  public static Mode fromSpecName(String name) {
    for (Mode mode : values()) {
      if (mode.specName.equals(name)) {
        return mode;
      }
    }
    throw new ConfigurationException("unknown mode '" + name + "'; expected load or cold-start");
  }
}
