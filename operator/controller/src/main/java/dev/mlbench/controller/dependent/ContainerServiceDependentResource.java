package dev.mlbench.controller.dependent;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.TargetKind;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Container target: the Service in front of each model's Deployment. */
@KubernetesDependent(informer = @Informer(labelSelector = ContainerServiceDependentResource.SELECTOR))
public class ContainerServiceDependentResource extends PerModelDependentResource<Service> {

  static final String SELECTOR = ChildObjects.MANAGED_BY_LABEL + "=" + ChildObjects.MANAGED_BY + ","
      + ChildObjects.TARGET_LABEL + "=container";

  public ContainerServiceDependentResource() {
    super(Service.class, TargetKind.CONTAINER);
  }

  @Override
  protected Service desired(MLBenchmark benchmark, ModelSpec model) {
    return ModelServices.desired(benchmark, model, TargetKind.CONTAINER);
  }
}
