package dev.mlbench.controller.dependent;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.ServerlessTargetSpec;
import dev.mlbench.api.v1alpha1.TargetKind;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * Serverless target: a Knative Service per model, scale-to-zero unless minScale says otherwise, reachable
 * only inside the cluster.
 */
@KubernetesDependent(informer = @Informer(labelSelector = KnativeServiceDependentResource.SELECTOR))
public class KnativeServiceDependentResource extends PerModelDependentResource<Service> {

  static final String SELECTOR = ChildObjects.MANAGED_BY_LABEL + "=" + ChildObjects.MANAGED_BY + ","
      + ChildObjects.TARGET_LABEL + "=serverless";
  public static final String AUTOSCALING = "autoscaling.knative.dev/";
  static final String VISIBILITY_LABEL = "networking.knative.dev/visibility";

  public KnativeServiceDependentResource() {
    super(Service.class, TargetKind.SERVERLESS);
  }

  @Override
  protected Service desired(MLBenchmark benchmark, ModelSpec model) {
    ServerlessTargetSpec serverless = benchmark.getSpec().targets.serverless;
    var metadata = ChildObjects.metadata(benchmark, model, TargetKind.SERVERLESS);
    Map<String, String> labels = new LinkedHashMap<>(metadata.getLabels());
    labels.put(VISIBILITY_LABEL, "cluster-local");
    metadata.setLabels(labels);
    var resources = ModelServerPodTemplate.resources(model.resources.cpu, model.resources.memory);
    return new ServiceBuilder()
        .withMetadata(metadata)
        .withNewSpec()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(ChildObjects.labels(benchmark, model, TargetKind.SERVERLESS))
        .withAnnotations(autoscalingAnnotations(serverless))
        .endMetadata()
        .withNewSpec()
        .withContainerConcurrency((long) serverless.containerConcurrency)
        .withContainers(ModelServerPodTemplate.container(benchmark, model, TargetKind.SERVERLESS, resources))
        .withVolumes(ModelServerPodTemplate.volumes())
        .withEnableServiceLinks(false)
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static Map<String, String> autoscalingAnnotations(ServerlessTargetSpec serverless) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(AUTOSCALING + "class", "kpa.autoscaling.knative.dev");
    annotations.put(AUTOSCALING + "metric", serverless.metric == ServerlessTargetSpec.Metric.RPS ? "rps" : "concurrency");
    annotations.put(AUTOSCALING + "min-scale", Integer.toString(serverless.minScale));
    annotations.put(AUTOSCALING + "max-scale", Integer.toString(serverless.maxScale));
    annotations.put(AUTOSCALING + "target", Integer.toString(serverless.target));
    annotations.put(AUTOSCALING + "target-utilization-percentage",
        Integer.toString(serverless.targetUtilizationPercentage));
    annotations.put(AUTOSCALING + "window", serverless.window);
    annotations.put(AUTOSCALING + "panic-window-percentage", Integer.toString(serverless.panicWindowPercentage));
    annotations.put(AUTOSCALING + "panic-threshold-percentage",
        Integer.toString(serverless.panicThresholdPercentage));
    annotations.put(AUTOSCALING + "scale-down-delay", serverless.scaleDownDelay);
    return annotations;
  }
}
