package dev.mlbench.controller.dependent;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.TargetKind;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentFluent;

/** The parts of a model server Deployment that the container and VM targets share. */
final class ModelServerDeployments {

  private ModelServerDeployments() {
  }

  static DeploymentFluent<DeploymentBuilder>.SpecNested<DeploymentBuilder> base(MLBenchmark benchmark, ModelSpec model,
      TargetKind target, ResourceRequirements resources) {
    return new DeploymentBuilder()
        .withMetadata(ChildObjects.metadata(benchmark, model, target))
        .withNewSpec()
        .withNewSelector().withMatchLabels(ChildObjects.selectorLabels(benchmark, model, target)).endSelector()
        .withNewTemplate()
        .withNewMetadata().withLabels(ChildObjects.labels(benchmark, model, target)).endMetadata()
        .withNewSpec()
        .withContainers(ModelServerPodTemplate.container(benchmark, model, target, resources))
        .withVolumes(ModelServerPodTemplate.volumes())
        .withSecurityContext(ModelServerPodTemplate.podSecurityContext())
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .endSpec()
        .endTemplate();
  }
}
