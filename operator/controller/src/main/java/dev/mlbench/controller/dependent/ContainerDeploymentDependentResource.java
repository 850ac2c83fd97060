package dev.mlbench.controller.dependent;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.TargetKind;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Container target: a Deployment per model; its replica count is left to the HPA when autoscaling is set. */
@KubernetesDependent(informer = @Informer(labelSelector = ContainerDeploymentDependentResource.SELECTOR))
public class ContainerDeploymentDependentResource extends PerModelDependentResource<Deployment> {

  static final String SELECTOR = ChildObjects.MANAGED_BY_LABEL + "=" + ChildObjects.MANAGED_BY + ","
      + ChildObjects.TARGET_LABEL + "=container";

  public ContainerDeploymentDependentResource() {
    super(Deployment.class, TargetKind.CONTAINER);
  }

  @Override
  protected Deployment desired(MLBenchmark benchmark, ModelSpec model) {
    var container = benchmark.getSpec().targets.container;
    var resources = ModelServerPodTemplate.resources(model.resources.cpu, model.resources.memory);
    return ModelServerDeployments.base(benchmark, model, TargetKind.CONTAINER, resources)
        .withReplicas(container.autoscale == null ? container.replicas : null)
        .endSpec()
        .build();
  }
}
