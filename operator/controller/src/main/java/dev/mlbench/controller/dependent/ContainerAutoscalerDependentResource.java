package dev.mlbench.controller.dependent;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.TargetKind;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Container target with autoscale set: a CPU-based HorizontalPodAutoscaler per model Deployment. */
@KubernetesDependent(informer = @Informer(labelSelector = ContainerAutoscalerDependentResource.SELECTOR))
public class ContainerAutoscalerDependentResource extends PerModelDependentResource<HorizontalPodAutoscaler> {

  static final String SELECTOR = ChildObjects.MANAGED_BY_LABEL + "=" + ChildObjects.MANAGED_BY + ","
      + ChildObjects.TARGET_LABEL + "=container";

  public ContainerAutoscalerDependentResource() {
    super(HorizontalPodAutoscaler.class, TargetKind.CONTAINER);
  }

  @Override
  protected boolean wanted(MLBenchmark benchmark, ModelSpec model) {
    var container = benchmark.getSpec().targets.container;
    return container.enabled && container.autoscale != null;
  }

  @Override
  protected HorizontalPodAutoscaler desired(MLBenchmark benchmark, ModelSpec model) {
    var autoscale = benchmark.getSpec().targets.container.autoscale;
    String name = ChildObjects.workloadName(benchmark, model.name, TargetKind.CONTAINER);
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(ChildObjects.metadata(benchmark, model, TargetKind.CONTAINER))
        .withNewSpec()
        .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(name).endScaleTargetRef()
        .withMinReplicas(autoscale.minReplicas)
        .withMaxReplicas(autoscale.maxReplicas)
        .addNewMetric()
        .withType("Resource")
        .withNewResource().withName("cpu")
        .withNewTarget().withType("Utilization").withAverageUtilization(autoscale.cpuPercent).endTarget()
        .endResource()
        .endMetric()
        .endSpec()
        .build();
  }
}
