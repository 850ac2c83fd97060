package dev.mlbench.controller;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.MLBenchmarkStatus;
import dev.mlbench.controller.analysis.BenchmarkAnalysis;
import dev.mlbench.controller.analysis.TrafficTraces;
import dev.mlbench.controller.catalog.InstanceTypeCatalog;
import dev.mlbench.controller.cleanup.WorkloadCleanup;
import dev.mlbench.controller.condition.KnativeServingInstalledCondition;
import dev.mlbench.controller.dependent.ContainerAutoscalerDependentResource;
import dev.mlbench.controller.dependent.ContainerDeploymentDependentResource;
import dev.mlbench.controller.dependent.ContainerServiceDependentResource;
import dev.mlbench.controller.dependent.KnativeServiceDependentResource;
import dev.mlbench.controller.dependent.VmPoolDeploymentDependentResource;
import dev.mlbench.controller.dependent.VmPoolServiceDependentResource;
import dev.mlbench.controller.metrics.ResultGauges;
import dev.mlbench.controller.report.BenchmarkReports;
import dev.mlbench.controller.dependent.ChildObjects;
import dev.mlbench.controller.results.ResultsStore;
import dev.mlbench.controller.results.UtilisationSampler;
import dev.mlbench.controller.run.BenchmarkEvents;
import dev.mlbench.controller.run.LoadJobs;
import dev.mlbench.controller.run.RunOrchestrator;
import dev.mlbench.controller.run.RunPlan;
import dev.mlbench.controller.run.RunState;
import dev.mlbench.controller.status.Conditions;
import dev.mlbench.controller.status.MLBenchmarkStatusAggregator;
import dev.mlbench.controller.validation.MLBenchmarkValidator;
import dev.mlbench.controller.validation.TraceConfigMaps;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;

/**
 * Reconciles an MLBenchmark: validate the spec, reconcile the model servers of every target, and once they
 * are ready run the load scenarios, then write the status the children and the stored results report. The
 * workflow runs only for a valid spec, so an invalid one deploys nothing.
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
  static final Duration TRACE_RECHECK = Duration.ofSeconds(30);
  /** How often a run with a Job running is looked at even when no event comes. */
  static final Duration RUNNING_JOB_RECHECK = Duration.ofSeconds(10);

  private final MLBenchmarkValidator validator = new MLBenchmarkValidator(InstanceTypeCatalog.defaultCatalog());
  private final MLBenchmarkStatusAggregator aggregator;
  private final Clock clock = Clock.systemUTC();
  private final UtilisationSampler sampler = new UtilisationSampler(clock);

  private final ResultGauges gauges;

  public MLBenchmarkReconciler(@ConfigProperty(name = "mlbench.environment", defaultValue = "cluster") String environment,
      ResultGauges gauges) {
    this.aggregator = new MLBenchmarkStatusAggregator(Clock.systemUTC(), environment);
    this.gauges = gauges;
  }

  @Override
  public List<EventSource<?, MLBenchmark>> prepareEventSources(EventSourceContext<MLBenchmark> context) {
    return List.of(
        ownedInformer(context, Job.class, "load-jobs", LoadJobs.LOAD_GENERATOR),
        ownedInformer(context, ConfigMap.class, "results", ResultsStore.RESULTS),
        modelServerPods(context));
  }

  @Override
  public UpdateControl<MLBenchmark> reconcile(MLBenchmark benchmark, Context<MLBenchmark> context) {
    List<String> problems = validator.validate(benchmark);
    if (!problems.isEmpty()) {
      return patchIfChanged(benchmark, aggregator.invalid(benchmark, problems));
    }
    boolean runStartedBefore = benchmark.getStatus() != null && RunPlan.runId(benchmark).equals(benchmark.getStatus().runId);
    List<String> traceProblems = runStartedBefore ? List.of() : new TraceConfigMaps(context.getClient()).check(benchmark);
    if (!traceProblems.isEmpty()) {
      // a trace ConfigMap can be created or fixed without a spec change: look again
      return patchIfChanged(benchmark, aggregator.invalid(benchmark, traceProblems)).rescheduleAfter(TRACE_RECHECK);
    }
    if (WorkloadCleanup.due(benchmark)) {
      return withoutModelServers(benchmark, context);
    }
    var result = context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    boolean knativeInstalled = result.getReconciledDependents().stream()
        .anyMatch(KnativeServiceDependentResource.class::isInstance);
    Map<String, Service> knativeServices = knativeInstalled ? byName(context.getSecondaryResources(Service.class)) : Map.of();
    List<Pod> pods = new ArrayList<>(context.getSecondaryResources(Pod.class));
    MLBenchmarkStatus status = aggregator.aggregate(benchmark, knativeInstalled,
        byName(context.getSecondaryResources(Deployment.class)), knativeServices, pods);

    String runId = RunPlan.runId(benchmark);
    boolean runStarted = runId.equals(status.runId);
    if (!runStarted && !Conditions.isTrue(status.conditions, Conditions.TARGETS_READY)) {
      UpdateControl<MLBenchmark> control = patchIfChanged(benchmark, status);
      // the readiness deadline passes without any event: wake up for it
      aggregator.untilReadyTimeout(benchmark, status).ifPresent(control::rescheduleAfter);
      return control;
    }
    if (!runStarted) {
      aggregator.startRun(status, runId, benchmark.getMetadata().getGeneration());
      new BenchmarkEvents(context.getClient()).normal(benchmark, "TargetsReady",
          "Every available target is ready; run " + runId + " starts");
      // the run id is stored before any Job of the run exists; the next reconciliation creates them
      return UpdateControl.patchStatus(statusOnly(benchmark, status)).rescheduleAfter(Duration.ofMillis(1));
    }
    RunOrchestrator orchestrator = new RunOrchestrator(context.getClient(), sampler);
    RunState run = orchestrator.advance(benchmark, runId, RunPlan.lanes(benchmark, runId, status.targets),
        new ArrayList<>(context.getSecondaryResources(Job.class)),
        new ArrayList<>(context.getSecondaryResources(ConfigMap.class)), pods);
    MLBenchmarkStatus measured = aggregator.applyRun(benchmark, status, run, pods);
    Optional<Duration> retryReport = Optional.empty();
    if (run.complete()) {
      if (MLBenchmarkStatusAggregator.analysed(benchmark.getStatus(), runId)) {
        measured = aggregator.keepAnalysis(benchmark, measured);
      } else {
        measured = aggregator.applyAnalysis(benchmark, measured, BenchmarkAnalysis.analyse(benchmark, run,
            TrafficTraces.fromConfigMaps(context.getClient(), benchmark.getMetadata().getNamespace())));
        new BenchmarkEvents(context.getClient()).normal(benchmark, "Analyzed", "Fastest: " + measured.summary.fastest
            + ", cheapest: " + measured.summary.cheapest);
      }
      retryReport = new BenchmarkReports(context.getClient(), clock).update(benchmark, measured,
          context.getSecondaryResources(ConfigMap.class));
    }
    gauges.record(benchmark, measured);
    UpdateControl<MLBenchmark> control = patchIfChanged(benchmark, measured);
    if (run.measuringLoad() && sampler.available()) {
      // the metrics API is sampled on a timer while load runs: nothing else changes to wake the operator
      control.rescheduleAfter(UtilisationSampler.INTERVAL);
    } else if (run.running()) {
      // level-triggered: should a Job's completion event be lost (a watch that reconnects), look again anyway
      control.rescheduleAfter(RUNNING_JOB_RECHECK);
    } else if (run.complete() && benchmark.getSpec().cleanup.deleteWorkloads) {
      // the model servers go in a reconciliation that sees the analysis stored, so none is ever recreated
      control.rescheduleAfter(Duration.ofMillis(1));
    } else {
      retryReport.ifPresent(control::rescheduleAfter);
    }
    return control;
  }

  /**
   * An analysed generation with spec.cleanup.deleteWorkloads: its model servers are deleted (once) and not
   * reconciled again; the results, the report and the status stay.
   */
  private UpdateControl<MLBenchmark> withoutModelServers(MLBenchmark benchmark, Context<MLBenchmark> context) {
    if (!Conditions.isTrue(benchmark.getStatus().conditions, Conditions.WORKLOADS_REMOVED)) {
      int deleted = new WorkloadCleanup(context.getClient()).deleteModelServers(benchmark);
      new BenchmarkEvents(context.getClient()).normal(benchmark, "WorkloadsRemoved", "Deleted " + deleted
          + " model-server objects after the analysis (spec.cleanup.deleteWorkloads); results and report stay");
    }
    new RunOrchestrator(context.getClient(), sampler).removeJobsOfAnalysedRun(benchmark,
        new ArrayList<>(context.getSecondaryResources(Job.class)));
    MLBenchmarkStatus status = aggregator.workloadsRemoved(benchmark);
    Optional<Duration> retryReport = new BenchmarkReports(context.getClient(), clock).update(benchmark, status,
        context.getSecondaryResources(ConfigMap.class));
    gauges.record(benchmark, status);
    UpdateControl<MLBenchmark> control = patchIfChanged(benchmark, status);
    retryReport.ifPresent(control::rescheduleAfter);
    return control;
  }

  private static UpdateControl<MLBenchmark> patchIfChanged(MLBenchmark benchmark, MLBenchmarkStatus status) {
    if (!MLBenchmarkStatusAggregator.changed(benchmark.getStatus(), status)) {
      return UpdateControl.noUpdate();
    }
    return UpdateControl.patchStatus(statusOnly(benchmark, status));
  }

  /**
   * The model server pods of every target: not owned by the benchmark (a ReplicaSet or a Knative revision owns
   * them) but labelled with it. Their comings and goings gate the serverless cold-start probes.
   */
  private static InformerEventSource<Pod, MLBenchmark> modelServerPods(EventSourceContext<MLBenchmark> context) {
    return new InformerEventSource<>(InformerEventSourceConfiguration.from(Pod.class, MLBenchmark.class)
        .withName("model-server-pods")
        .withNamespacesInheritedFromController()
        .withLabelSelector(ChildObjects.MANAGED_BY_LABEL + "=" + ChildObjects.MANAGED_BY + ","
            + ChildObjects.COMPONENT_LABEL + "=" + ChildObjects.MODEL_SERVER)
        .withSecondaryToPrimaryMapper(pod -> Set.of(new ResourceID(
            pod.getMetadata().getLabels().get(ChildObjects.BENCHMARK_LABEL), pod.getMetadata().getNamespace())))
        .build(), context);
  }

  /** An informer on the objects of one component the operator creates, owned by (and mapped to) a benchmark. */
  private static <R extends HasMetadata> InformerEventSource<R, MLBenchmark> ownedInformer(
      EventSourceContext<MLBenchmark> context, Class<R> type, String name, String component) {
    return new InformerEventSource<>(InformerEventSourceConfiguration.from(type, MLBenchmark.class)
        .withName(name)
        .withNamespacesInheritedFromController()
        .withLabelSelector(ChildObjects.MANAGED_BY_LABEL + "=" + ChildObjects.MANAGED_BY + ","
            + ChildObjects.COMPONENT_LABEL + "=" + component)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(MLBenchmark.class))
        .build(), context);
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
