package dev.mlbench.analysis.cost;

import dev.mlbench.api.v1alpha1.CostSpec.Provider;

/** A price the cost model needs is in neither the provider's catalogue nor {@code spec.cost.overrides}. */
public class MissingPriceException extends IllegalArgumentException {

  private final String key;

  public MissingPriceException(String key, Provider provider) {
    super(provider == Provider.CUSTOM
        ? "price '" + key + "' is needed: provider custom takes its prices only from spec.cost.overrides, so set spec.cost.overrides['" + key + "']"
        : "price '" + key + "' is not in the " + provider.name().toLowerCase() + " catalogue; set spec.cost.overrides['" + key + "']");
    this.key = key;
  }

  public String key() {
    return key;
  }
}
