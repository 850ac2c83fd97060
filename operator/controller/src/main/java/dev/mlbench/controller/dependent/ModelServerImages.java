package dev.mlbench.controller.dependent;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.mlbench.api.v1alpha1.ModelSpec;

/**
 * Images of the project's model servers and load generator, from the operator's configuration ({@code mlbench.images.*}, set by
 * the Helm chart) so that a private registry or an air-gapped mirror works.
 */
public final class ModelServerImages {

  private ModelServerImages() {
  }

  public static String imageFor(ModelSpec model) {
    return model.image != null ? model.image : projectImage(model.workload.value());
  }

  /** One of the project's images by name (a workload, or loadgen): {@code <prefix><name>:<tag>}. */
  public static String projectImage(String name) {
    var config = ConfigProvider.getConfig();
    String prefix = config.getOptionalValue("mlbench.images.prefix", String.class).orElse("mlbench/mlbench-");
    String tag = config.getOptionalValue("mlbench.images.tag", String.class).orElse("latest");
    return prefix + name + ":" + tag;
  }
}
