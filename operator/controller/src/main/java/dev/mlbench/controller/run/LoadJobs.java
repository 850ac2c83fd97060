package dev.mlbench.controller.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.mlbench.api.Durations;
import dev.mlbench.api.v1alpha1.LoadSpec;
import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ScenarioSpec;
import dev.mlbench.controller.dependent.ChildObjects;
import dev.mlbench.controller.dependent.ModelServerImages;
import dev.mlbench.controller.dependent.ModelServerPodTemplate;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;

/**
 * The load Job of a step: the load generator configured by environment from one scenario, with no API
 * credentials, under the restricted Pod Security Standard. Several pods (parallelism) share the load: each
 * gets its completion index and sends its share of the same seeded schedule.
 */
public final class LoadJobs {

  public static final String RUN_LABEL = "mlbench.dev/run";
  public static final String SCENARIO_LABEL = "mlbench.dev/scenario";
  public static final String LOAD_GENERATOR = "load-generator";
  static final String CONTAINER_NAME = "loadgen";
  static final String TRACE_DIR = "/etc/mlbench/trace";
  /** Time for the image pull and the JVM start before load begins, and for the result to be written after. */
  static final Duration START_AND_DRAIN = Duration.ofMinutes(3);
  /** A cold start includes pulling the image, scheduling and loading the model: give it minutes. */
  static final Duration COLD_START_TIMEOUT = Duration.ofMinutes(5);

  private LoadJobs() {
  }

  public static Job job(MLBenchmark benchmark, Lane lane, Step step) {
    LoadSpec load = benchmark.getSpec().load;
    Map<String, String> labels = new LinkedHashMap<>(ChildObjects.labels(benchmark, lane.model(), lane.target()));
    labels.put(ChildObjects.COMPONENT_LABEL, LOAD_GENERATOR);
    labels.put(SCENARIO_LABEL, step.name());
    labels.put(RUN_LABEL, step.runId());
    int pods = step.coldStartProbe() ? 1 : load.parallelism;
    PodSpec pod = new io.fabric8.kubernetes.api.model.PodSpecBuilder()
        .withRestartPolicy("Never")
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withSecurityContext(ModelServerPodTemplate.podSecurityContext())
        .addNewContainer()
        .withName(CONTAINER_NAME)
        .withImage(image())
        .withEnv(env(benchmark, lane, step))
        .withResources(new ResourceRequirementsBuilder()
            .withRequests(Map.of("cpu", new Quantity("1"), "memory", new Quantity("512Mi")))
            .withLimits(Map.of("cpu", new Quantity("2"), "memory", new Quantity("1Gi")))
            .build())
        .withSecurityContext(ModelServerPodTemplate.containerSecurityContext())
        .withVolumeMounts(mounts(step))
        .endContainer()
        .withVolumes(volumes(step))
        .build();
    Job job = new JobBuilder()
        .withNewMetadata()
        .withName(step.jobName())
        .withNamespace(benchmark.getMetadata().getNamespace())
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withCompletionMode("Indexed")
        .withCompletions(pods)
        .withParallelism(pods)
        .withBackoffLimit(load.retries)
        .withActiveDeadlineSeconds(deadline(load, step).toSeconds() * (load.retries + 1))
        .withNewTemplate()
        .withNewMetadata().withLabels(labels).endMetadata()
        .withSpec(pod)
        .endTemplate()
        .endSpec()
        .build();
    job.addOwnerReference(benchmark);
    return job;
  }

  static String image() {
    return ConfigProvider.getConfig().getOptionalValue("mlbench.images.loadgen", String.class)
        .orElseGet(() -> ModelServerImages.projectImage("loadgen"));
  }

  /** How long one attempt of the step may take: its load, warm-up included, plus start and drain. */
  static Duration deadline(LoadSpec load, Step step) {
    if (step.coldStartProbe()) {
      return COLD_START_TIMEOUT.plus(START_AND_DRAIN);
    }
    ScenarioSpec scenario = step.scenario();
    Duration warmup = Durations.parse(load.warmup);
    Duration timeout = Durations.parse(scenario.timeout);
    Duration loadTime = switch (scenario.pattern) {
      case CONCURRENCY -> Durations.parse(scenario.durationPerLevel).plus(warmup).plus(timeout)
          .multipliedBy(scenario.levels.size());
      // a trace lasts as many minutes as it has lines (at most a day of them)
      case TRACE -> Duration.ofHours(24);
      default -> Durations.parse(scenario.duration).plus(warmup).plus(timeout);
    };
    return loadTime.plus(START_AND_DRAIN);
  }

  static List<EnvVar> env(MLBenchmark benchmark, Lane lane, Step step) {
    LoadSpec load = benchmark.getSpec().load;
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MLBENCH_MODE", step.coldStartProbe() ? "cold-start" : "load");
    env.put("MLBENCH_SCENARIO", step.name());
    env.put("MLBENCH_TARGET", lane.endpoint());
    env.put("MLBENCH_MODEL", ModelServerPodTemplate.servedModelName(lane.model()));
    if (lane.model().request != null) {
      env.put("MLBENCH_PAYLOAD_JSON", lane.model().request.toString());
    } else {
      env.put("MLBENCH_PAYLOAD", lane.model().workload.value());
    }
    env.put("TMPDIR", "/tmp");
    if (step.coldStartProbe()) {
      env.put("MLBENCH_TIMEOUT", millis(COLD_START_TIMEOUT));
      return vars(env);
    }
    ScenarioSpec s = step.scenario();
    Duration warmup = Durations.parse(load.warmup);
    env.put("MLBENCH_PATTERN", s.pattern.name().toLowerCase());
    env.put("MLBENCH_SEED", Long.toString(load.seed));
    env.put("MLBENCH_WARMUP", millis(warmup));
    env.put("MLBENCH_TIMEOUT", millis(Durations.parse(s.timeout)));
    putIfSet(env, "MLBENCH_RATE", s.rate);
    putIfSet(env, "MLBENCH_BASE_RATE", s.baseRate);
    putIfSet(env, "MLBENCH_FROM", s.from);
    putIfSet(env, "MLBENCH_TO", s.to);
    if (s.period != null) {
      env.put("MLBENCH_PERIOD", millis(Durations.parse(s.period)));
    }
    if (s.duration != null) {
      // the load generator counts its warm-up inside the duration; the spec's duration is what is measured
      env.put("MLBENCH_DURATION", millis(Durations.parse(s.duration).plus(warmup)));
    }
    if (s.levels != null) {
      env.put("MLBENCH_LEVELS", String.join(",", s.levels.stream().map(String::valueOf).toList()));
      env.put("MLBENCH_DURATION_PER_LEVEL", millis(Durations.parse(s.durationPerLevel).plus(warmup)));
    }
    if (s.configMapRef != null) {
      env.put("MLBENCH_TRACE_FILE", TRACE_DIR + "/" + s.configMapRef.key);
    }
    if (s.maxRequests != null) {
      env.put("MLBENCH_MAX_REQUESTS", Long.toString(s.maxRequests));
    }
    // each pod sends its share (every N-th arrival) of the one seeded schedule
    env.put("MLBENCH_SHARD", "$(MLBENCH_SHARD_INDEX)/" + load.parallelism);
    List<EnvVar> vars = new ArrayList<>();
    vars.add(new io.fabric8.kubernetes.api.model.EnvVarBuilder().withName("MLBENCH_SHARD_INDEX")
        .withNewValueFrom().withNewFieldRef().withFieldPath(
            "metadata.annotations['batch.kubernetes.io/job-completion-index']").endFieldRef().endValueFrom()
        .build());
    vars.addAll(vars(env));
    return vars;
  }

  private static List<EnvVar> vars(Map<String, String> env) {
    List<EnvVar> vars = new ArrayList<>();
    env.forEach((name, value) -> vars.add(new EnvVar(name, value, null)));
    return vars;
  }

  private static List<io.fabric8.kubernetes.api.model.VolumeMount> mounts(Step step) {
    List<io.fabric8.kubernetes.api.model.VolumeMount> mounts = new ArrayList<>();
    mounts.add(new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build());
    if (!step.coldStartProbe() && step.scenario().configMapRef != null) {
      mounts.add(new VolumeMountBuilder().withName("trace").withMountPath(TRACE_DIR).withReadOnly(true).build());
    }
    return mounts;
  }

  private static List<io.fabric8.kubernetes.api.model.Volume> volumes(Step step) {
    List<io.fabric8.kubernetes.api.model.Volume> volumes = new ArrayList<>();
    volumes.add(new VolumeBuilder().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity("256Mi")).endEmptyDir()
        .build());
    if (!step.coldStartProbe() && step.scenario().configMapRef != null) {
      volumes.add(new VolumeBuilder().withName("trace")
          .withNewConfigMap().withName(step.scenario().configMapRef.name).endConfigMap().build());
    }
    return volumes;
  }

  private static void putIfSet(Map<String, String> env, String name, Double value) {
    if (value != null) {
      env.put(name, value % 1 == 0 ? Long.toString(value.longValue()) : Double.toString(value));
    }
  }

  private static String millis(Duration duration) {
    return duration.toMillis() + "ms";
  }
}
