package dev.mlbench.controller.dependent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.TargetKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.KubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * One object of kind {@code R} per model for one target. Objects carry an owner reference to the benchmark
 * (garbage collected, so no finalizer), and objects of models that left the spec are deleted.
 */
public abstract class PerModelDependentResource<R extends HasMetadata>
    extends KubernetesDependentResource<R, MLBenchmark>
    implements CRUDKubernetesBulkDependentResource<R, MLBenchmark>, KubernetesBulkDependentResource<R, MLBenchmark>,
    GarbageCollected<MLBenchmark> {

  private final TargetKind target;

  protected PerModelDependentResource(Class<R> type, TargetKind target) {
    super(type);
    this.target = target;
  }

  protected final TargetKind target() {
    return target;
  }

  /** Whether this model wants an object of this kind at all; by default, whether its target is enabled. */
  protected boolean wanted(MLBenchmark benchmark, ModelSpec model) {
    var targets = benchmark.getSpec().targets;
    return switch (target) {
      case SERVERLESS -> targets.serverless.enabled;
      case CONTAINER -> targets.container.enabled;
      case VM -> targets.vm.enabled;
    };
  }

  protected abstract R desired(MLBenchmark benchmark, ModelSpec model);

  @Override
  public Map<ResourceID, R> desiredResources(MLBenchmark benchmark, Context<MLBenchmark> context) {
    Map<ResourceID, R> desired = new LinkedHashMap<>();
    for (ModelSpec model : benchmark.getSpec().models) {
      if (wanted(benchmark, model)) {
        R resource = desired(benchmark, model);
        desired.put(ResourceID.fromResource(resource), resource);
      }
    }
    return desired;
  }

  @Override
  public Predicate<R> secondaryResourceFilter(MLBenchmark benchmark, Context<MLBenchmark> context) {
    String name = benchmark.getMetadata().getName();
    return resource -> {
      Map<String, String> labels = resource.getMetadata().getLabels();
      return labels != null
          && name.equals(labels.get(ChildObjects.BENCHMARK_LABEL))
          && target().value().equals(labels.get(ChildObjects.TARGET_LABEL));
    };
  }
}
