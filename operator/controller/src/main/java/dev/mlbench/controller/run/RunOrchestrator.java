package dev.mlbench.controller.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import dev.mlbench.api.results.LoadResult;
import dev.mlbench.api.results.ResultLine;
import dev.mlbench.api.results.ResultMode;
import dev.mlbench.api.v1alpha1.LoadSpec;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.controller.results.ErrorRateRule;
import dev.mlbench.controller.results.PodResultReader;
import dev.mlbench.controller.results.ResultMerger;
import dev.mlbench.controller.results.ResultsStore;
import dev.mlbench.controller.results.UtilisationSampler;
import dev.mlbench.controller.results.Utilisations;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Moves a run forward, one reconciliation at a time, from what the cluster shows: finished Jobs have their
 * pods' results read, merged and stored; the next scenario of each lane gets its Job; Jobs whose results are
 * stored are cleaned up; Jobs and results of an older run are removed. Level-triggered and idempotent: Job
 * names are deterministic and Jobs are only ever created, so a restart creates nothing twice.
 */
public final class RunOrchestrator {

  private static final Logger LOG = Logger.getLogger(RunOrchestrator.class);

  private final KubernetesClient client;
  private final ResultsStore store;
  private final PodResultReader reader;
  private final BenchmarkEvents events;

  private final UtilisationSampler sampler;

  public RunOrchestrator(KubernetesClient client, UtilisationSampler sampler) {
    this.client = client;
    this.sampler = sampler;
    this.store = new ResultsStore(client);
    this.reader = new PodResultReader(client);
    this.events = new BenchmarkEvents(client);
  }

  /**
   * Advances the run.
   *
   * @param jobs the benchmark's load Jobs, from the informer cache
   * @param configMaps the benchmark's result ConfigMaps, from the informer cache
   */
  public RunState advance(MLBenchmark benchmark, String runId, List<Lane> lanes, List<Job> jobs,
      List<ConfigMap> configMaps, List<Pod> modelServerPods) {
    Map<String, Job> jobsByName = jobs.stream().collect(Collectors.toMap(j -> j.getMetadata().getName(), j -> j, (a, b) -> a));
    Map<String, ConfigMap> stored = configMaps.stream()
        .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c, (a, b) -> a));
    Map<Step, StepState> states = new LinkedHashMap<>();
    List<Step> next = new ArrayList<>();
    int running = 0;
    for (Lane lane : lanes) {
      boolean laneBusy = false;
      for (Step step : lane.steps()) {
        if (laneBusy) {
          states.put(step, new StepState(step, StepState.Phase.Pending, null));
          continue;
        }
        Optional<LoadResult> result = ResultsStore.find(stored, lane, step);
        Job job = jobsByName.get(step.jobName());
        if (result.isPresent()) {
          states.put(step, StepState.finished(step, result.get(),
              ResultsStore.findUtilisation(stored, lane, step).orElse(null)));
          if (job != null && benchmark.getSpec().cleanup.deleteJobs) {
            delete(job);
          }
        } else if (job != null && finished(job)) {
          LoadResult intake = intake(benchmark, step, job);
          if (!step.coldStartProbe()) {
            // metrics-server averages over its own window, so a reading just after the load still covers it
            sampler.sample(client, benchmark.getMetadata().getNamespace(), lane, step.jobName());
          }
          var utilisation = sampler.take(step.jobName()).map(a -> Utilisations.fromMetricsApi(lane, a)).orElse(null);
          store.put(benchmark, lane, step, intake, utilisation);
          states.put(step, StepState.finished(step, intake, utilisation));
          report(benchmark, lane, step, intake);
        } else if (job != null) {
          if (!step.coldStartProbe()) {
            sampler.sample(client, benchmark.getMetadata().getNamespace(), lane, step.jobName());
          }
          states.put(step, new StepState(step, StepState.Phase.Running, null));
          laneBusy = true;
          running++;
        } else {
          states.put(step, new StepState(step, StepState.Phase.Pending, null));
          if (lane.ready() && (!step.coldStartProbe() || idle(lane, modelServerPods))) {
            next.add(step);
          }
          laneBusy = true;
        }
      }
    }
    int allowed = benchmark.getSpec().load.isolation == LoadSpec.Isolation.BENCHMARK ? 1 - running : next.size();
    for (Step step : next.subList(0, Math.max(0, Math.min(allowed, next.size())))) {
      Lane lane = lanes.stream().filter(l -> l.steps().contains(step)).findFirst().orElseThrow();
      create(LoadJobs.job(benchmark, lane, step));
      states.put(step, new StepState(step, StepState.Phase.Running, null));
      events.normal(benchmark, step.coldStartProbe() ? "ProbeStarted" : "ScenarioStarted",
          (step.coldStartProbe() ? "Cold-start probe " : "Scenario ") + step.name() + " started on "
          + step.model().name + "/" + step.target().value() + " (Job " + step.jobName() + ")");
    }
    removeOtherRuns(benchmark, runId, jobs, configMaps);
    return new RunState(runId, lanes, states);
  }

  /**
   * Whether a serverless target has scaled to zero, so that the next request is a cold start; a Deployment's
   * first probe follows its rollout and needs no wait.
   */
  static boolean idle(Lane lane, List<Pod> modelServerPods) {
    if (lane.target() != dev.mlbench.api.v1alpha1.TargetKind.SERVERLESS) {
      return true;
    }
    return modelServerPods.stream().noneMatch(pod -> ModelServerPods.belongsTo(pod, lane)
        && (pod.getMetadata().getDeletionTimestamp() == null || running(pod)));
  }

  private static boolean running(Pod pod) {
    return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
  }

  static boolean finished(Job job) {
    return condition(job, "Complete").isPresent() || condition(job, "Failed").isPresent();
  }

  private static Optional<JobCondition> condition(Job job, String type) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst();
  }

  /** Reads, validates and merges the results of a finished Job's pods; a problem becomes a failed result. */
  LoadResult intake(MLBenchmark benchmark, Step step, Job job) {
    List<Pod> pods = client.pods().inNamespace(job.getMetadata().getNamespace())
        .withLabel("job-name", job.getMetadata().getName()).list().getItems();
    Optional<JobCondition> failed = condition(job, "Failed");
    if (failed.isPresent()) {
      String why = "load Job " + job.getMetadata().getName() + " failed: " + failed.get().getReason()
          + (failed.get().getMessage() != null ? " (" + failed.get().getMessage() + ")" : "");
      return failure(benchmark, step, why + lastPodProblem(pods));
    }
    Map<String, Pod> byIndex = new LinkedHashMap<>();
    pods.stream()
        .filter(p -> p.getStatus() != null && "Succeeded".equals(p.getStatus().getPhase()))
        .sorted(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp(), Comparator.nullsFirst(String::compareTo)))
        .forEach(p -> byIndex.put(completionIndex(p), p));
    int expected = Objects.requireNonNullElse(job.getSpec().getCompletions(), 1);
    if (byIndex.size() < expected) {
      return failure(benchmark, step, "load Job " + job.getMetadata().getName() + " completed but only "
          + byIndex.size() + " of its " + expected + " load pods are left to read results from");
    }
    List<LoadResult> results = new ArrayList<>();
    for (Pod pod : byIndex.values()) {
      var read = reader.read(pod);
      if (read.problem() != null) {
        return failure(benchmark, step, read.problem());
      }
      results.add(read.result());
    }
    return ErrorRateRule.apply(ResultMerger.merge(results));
  }

  private static String completionIndex(Pod pod) {
    var annotations = pod.getMetadata().getAnnotations();
    return annotations == null ? "0" : annotations.getOrDefault("batch.kubernetes.io/job-completion-index", "0");
  }

  private static String lastPodProblem(List<Pod> pods) {
    return pods.stream()
        .filter(p -> p.getStatus() != null && p.getStatus().getContainerStatuses() != null)
        .flatMap(p -> p.getStatus().getContainerStatuses().stream())
        .map(s -> s.getState() != null && s.getState().getTerminated() != null ? s.getState().getTerminated() : null)
        .filter(Objects::nonNull)
        .reduce((first, second) -> second)
        .map(t -> "; last load pod ended with " + t.getReason() + " (exit code " + t.getExitCode() + ")")
        .orElse("");
  }

  private static LoadResult failure(MLBenchmark benchmark, Step step, String why) {
    long now = System.currentTimeMillis();
    return new LoadResult(ResultLine.SCHEMA_VERSION, step.coldStartProbe() ? ResultMode.COLD_START : ResultMode.LOAD,
        step.name(), step.pattern(), null, step.model().name, benchmark.getSpec().load.seed, 0, 1, now, now,
        List.of(), null, why, null);
  }

  private void report(MLBenchmark benchmark, Lane lane, Step step, LoadResult result) {
    String what = (step.coldStartProbe() ? "Cold-start probe " : "Scenario ") + step.name() + " on "
        + lane.model().name + "/" + lane.target().value();
    String prefix = step.coldStartProbe() ? "Probe" : "Scenario";
    if (result.failed()) {
      events.warning(benchmark, prefix + "Failed", what + " failed: " + result.error());
    } else {
      events.normal(benchmark, prefix + "Done", what + " measured; results stored in ConfigMap "
          + lane.resultsConfigMap());
    }
  }

  private void create(Job job) {
    try {
      client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).resource(job).create();
    } catch (KubernetesClientException e) {
      // already there: created by an earlier reconciliation that did not see it in the cache yet
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }

  /**
   * The Jobs left once a run is analysed: every step has its result stored by then, so with cleanup.deleteJobs
   * none is kept (the last ones finish in the reconciliation that analyses the run).
   */
  public void removeJobsOfAnalysedRun(MLBenchmark benchmark, List<Job> jobs) {
    if (benchmark.getSpec().cleanup.deleteJobs) {
      jobs.forEach(this::delete);
    }
  }

  private void delete(Job job) {
    client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).withName(job.getMetadata().getName())
        .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
  }

  /** A new run cancels the previous one: its Jobs (and so their load) and its stored results go. */
  private void removeOtherRuns(MLBenchmark benchmark, String runId, List<Job> jobs, List<ConfigMap> configMaps) {
    for (Job job : jobs) {
      if (!runId.equals(job.getMetadata().getLabels().get(LoadJobs.RUN_LABEL))) {
        LOG.infof("Removing load Job %s of an earlier run of %s", job.getMetadata().getName(),
            benchmark.getMetadata().getName());
        delete(job);
      }
    }
    for (ConfigMap configMap : configMaps) {
      if (!runId.equals(configMap.getMetadata().getLabels().get(LoadJobs.RUN_LABEL))) {
        client.configMaps().inNamespace(configMap.getMetadata().getNamespace())
            .withName(configMap.getMetadata().getName()).delete();
      }
    }
  }
}
