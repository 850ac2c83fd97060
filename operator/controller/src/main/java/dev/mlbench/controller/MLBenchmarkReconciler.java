package dev.mlbench.controller;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.controller.catalog.InstanceTypeCatalog;
import dev.mlbench.controller.condition.KnativeServingInstalledCondition;
import dev.mlbench.controller.dependent.ContainerAutoscalerDependentResource;
import dev.mlbench.controller.dependent.ContainerDeploymentDependentResource;
import dev.mlbench.controller.dependent.ContainerServiceDependentResource;
import dev.mlbench.controller.dependent.KnativeServiceDependentResource;
import dev.mlbench.controller.dependent.VmPoolDeploymentDependentResource;
import dev.mlbench.controller.dependent.VmPoolServiceDependentResource;
import dev.mlbench.controller.status.MLBenchmarkStatusAggregator;
import dev.mlbench.controller.validation.MLBenchmarkValidator;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;

/**
 * Reconciles an MLBenchmark: validate the spec, reconcile the model servers of every target, then write the
 * status the children report. The workflow runs only for a valid spec, so an invalid one deploys nothing.
 */
@ControllerConfiguration(name = MLBenchmarkReconciler.NAME)
@Workflow(explicitInvocation = true, dependents = {
    @Dependent(name = "knative-service", type = KnativeServiceDependentResource.class,
        activationCondition = KnativeServingInstalledCondition.class),
    @Dependent(name = "container-deployment", type = ContainerDeploymentDependentResource.class),
    @Dependent(name = "container-service", type = ContainerServiceDependentResource.class),
    @Dependent(name = "container-autoscaler", type = ContainerAutoscalerDependentResource.class,
        dependsOn = "container-deployment"),
    @Dependent(name = "vm-deployment", type = VmPoolDeploymentDependentResource.class),
    @Dependent(name = "vm-service", type = VmPoolServiceDependentResource.class),
})
public class MLBenchmarkReconciler implements Reconciler<MLBenchmark> {

  public static final String NAME = "mlbenchmark";

  private final MLBenchmarkValidator validator = new MLBenchmarkValidator(InstanceTypeCatalog.defaultCatalog());
  private final MLBenchmarkStatusAggregator aggregator;

  public MLBenchmarkReconciler(@ConfigProperty(name = "mlbench.environment", defaultValue = "cluster") String environment) {
    this.aggregator = new MLBenchmarkStatusAggregator(Clock.systemUTC(), environment);
  }

  @Override
  public UpdateControl<MLBenchmark> reconcile(MLBenchmark benchmark, Context<MLBenchmark> context) {
    List<String> problems = validator.validate(benchmark);
    MLBenchmarkStatus status;
    if (!problems.isEmpty()) {
      status = aggregator.invalid(benchmark, problems);
    } else {
      var result = context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
      boolean knativeInstalled = result.getReconciledDependents().stream()
          .anyMatch(KnativeServiceDependentResource.class::isInstance);
      Map<String, Service> knativeServices = knativeInstalled ? byName(context.getSecondaryResources(Service.class)) : Map.of();
      status = aggregator.aggregate(benchmark, knativeInstalled,
          byName(context.getSecondaryResources(Deployment.class)), knativeServices);
    }
    if (!MLBenchmarkStatusAggregator.changed(benchmark.getStatus(), status)) {
      return UpdateControl.noUpdate();
    }
    return UpdateControl.patchStatus(statusOnly(benchmark, status));
  }

  /** A fresh object carrying only the status, so a status patch can never touch the spec. */
  private static MLBenchmark statusOnly(MLBenchmark benchmark, MLBenchmarkStatus status) {
    MLBenchmark patch = new MLBenchmark();
    patch.setMetadata(new ObjectMetaBuilder()
        .withName(benchmark.getMetadata().getName())
        .withNamespace(benchmark.getMetadata().getNamespace())
        .build());
    patch.setStatus(status);
    return patch;
  }

  private static <R extends HasMetadata> Map<String, R> byName(java.util.Set<R> resources) {
    return resources.stream().collect(Collectors.toMap(r -> r.getMetadata().getName(), Function.identity(), (a, b) -> a));
  }
}
