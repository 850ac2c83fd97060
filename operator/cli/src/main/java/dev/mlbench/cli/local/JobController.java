package dev.mlbench.cli.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * The Job controller and kubelet of local mode for load Jobs: each pod is the real load generator as a process,
 * with its environment, ConfigMap volumes as files and cluster host names resolved to local ports; its output is
 * its log. Parallelism, completion indexes, the backoff limit and the active deadline follow Kubernetes' rules.
 */
final class JobController implements AutoCloseable {

  private static final String INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";

  private final LocalCluster cluster;
  private final SharedIndexInformer<Job> informer;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Map<String, Run> runs = new ConcurrentHashMap<>();

  JobController(LocalCluster cluster, String namespace) {
    this.cluster = cluster;
    this.informer = cluster.client.batch().v1().jobs().inNamespace(namespace).inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Job job) {
        if (seen.add(key(job))) {
          Run run = new Run(job);
          runs.put(key(job), run);
          run.future = cluster.threads.submit(run::execute);
        }
      }

      @Override
      public void onUpdate(Job before, Job after) {
      }

      @Override
      public void onDelete(Job job, boolean unknownFinalState) {
        Run run = runs.remove(key(job));
        if (run != null) {
          cluster.threads.submit(run::cancel);
        }
      }
    });
  }

  private static String key(Job job) {
    return job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
  }

  /** One Job: its pods run as processes, retried within the backoff limit, stopped at the deadline. */
  private final class Run {
    final Job job;
    final String namespace;
    final String name;
    final Set<Process> processes = ConcurrentHashMap.newKeySet();
    final List<String> pods = new ArrayList<>();
    final AtomicInteger failures = new AtomicInteger();
    volatile boolean cancelled;
    volatile boolean deadlineExceeded;
    Future<?> future;

    Run(Job job) {
      this.job = job;
      this.namespace = job.getMetadata().getNamespace();
      this.name = job.getMetadata().getName();
    }

    void execute() {
      String started = LocalCluster.now();
      int completions = Objects.requireNonNullElse(job.getSpec().getCompletions(), 1);
      int parallelism = Math.max(1, Math.min(completions, Objects.requireNonNullElse(job.getSpec().getParallelism(), 1)));
      int backoffLimit = Objects.requireNonNullElse(job.getSpec().getBackoffLimit(), 6);
      Long deadlineSeconds = job.getSpec().getActiveDeadlineSeconds();
      var deadline = deadlineSeconds == null ? null
          : cluster.timers.schedule(this::exceedDeadline, deadlineSeconds, TimeUnit.SECONDS);
      publish(started, parallelism, 0, 0, null);
      ExecutorService indexes = Executors.newFixedThreadPool(parallelism, LocalCluster.daemon("job-" + name));
      List<Future<Boolean>> results = new ArrayList<>();
      for (int index = 0; index < completions; index++) {
        int completionIndex = index;
        results.add(indexes.submit(() -> runIndex(completionIndex, backoffLimit)));
      }
      int succeeded = 0;
      for (Future<Boolean> result : results) {
        try {
          if (result.get()) {
            succeeded++;
          }
        } catch (Exception e) {
          // counted as not succeeded
        }
      }
      indexes.shutdownNow();
      if (deadline != null) {
        deadline.cancel(false);
      }
      if (cancelled) {
        return;
      }
      if (deadlineExceeded) {
        publish(started, 0, succeeded, failures.get(), new String[] {"Failed", "DeadlineExceeded",
            "Job was active longer than specified deadline"});
      } else if (succeeded == completions) {
        publish(started, 0, succeeded, failures.get(), new String[] {"Complete", null, null});
      } else {
        publish(started, 0, succeeded, failures.get(), new String[] {"Failed", "BackoffLimitExceeded",
            "Job has reached the specified backoff limit"});
      }
    }

    /** Runs one completion index until a pod succeeds or the Job may not retry any more. */
    boolean runIndex(int index, int backoffLimit) throws IOException, InterruptedException {
      while (!cancelled && !deadlineExceeded) {
        if (runPod(index)) {
          return true;
        }
        if (failures.incrementAndGet() > backoffLimit) {
          return false;
        }
        // Kubernetes backs off 10 s, 20 s, … between retries; locally a second is enough to tell the attempts apart
        Thread.sleep(1000);
      }
      return false;
    }

    boolean runPod(int index) throws IOException, InterruptedException {
      String pod = name + "-" + index + "-" + LocalCluster.suffix();
      Path dir = cluster.podDir(namespace, pod);
      Path log = dir.resolve("output.log");
      Files.createFile(log);
      Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
      String created = LocalCluster.now();
      Map<String, String> labels = new LinkedHashMap<>();
      if (job.getSpec().getTemplate().getMetadata() != null && job.getSpec().getTemplate().getMetadata().getLabels() != null) {
        labels.putAll(job.getSpec().getTemplate().getMetadata().getLabels());
      }
      labels.put("job-name", name);
      labels.put("batch.kubernetes.io/job-name", name);
      cluster.client.pods().inNamespace(namespace).resource(new PodBuilder()
          .withNewMetadata().withName(pod).withNamespace(namespace).withLabels(labels)
          .withAnnotations(Map.of(INDEX_ANNOTATION, Integer.toString(index))).withCreationTimestamp(created)
          .endMetadata()
          .withSpec(job.getSpec().getTemplate().getSpec())
          .withNewStatus().withPhase("Running").withStartTime(created).endStatus()
          .build()).create();
      synchronized (pods) {
        pods.add(pod);
      }
      cluster.podLogs.register(namespace, pod, log);
      int exit;
      String reason;
      Optional<String> problem = Optional.empty();
      Map<String, String> env = new LinkedHashMap<>();
      try {
        env = env(container, index, mounts(container, dir));
      } catch (LocalModeException e) {
        problem = Optional.of(e.getMessage());
      }
      if (problem.isEmpty()) {
        try {
          Process process = cluster.processes.start(cluster.images.command(container.getImage()), env, log);
          processes.add(process);
          exit = process.waitFor();
          processes.remove(process);
          reason = exit == 0 ? "Completed" : cancelled || deadlineExceeded ? "DeadlineExceeded" : "Error";
        } catch (LocalModeException e) {
          problem = Optional.of(e.getMessage());
          exit = 1;
          reason = "Error";
        }
      } else {
        exit = 1;
        reason = "Error";
      }
      if (problem.isPresent()) {
        Files.writeString(log, "mlbench local: " + problem.get() + "\n", java.nio.file.StandardOpenOption.APPEND);
      }
      if (cancelled) {
        return false;
      }
      int exitCode = exit;
      String why = reason;
      String finished = LocalCluster.now();
      cluster.client.pods().inNamespace(namespace).withName(pod).editStatus(p -> {
        p.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder()
            .withPhase(exitCode == 0 ? "Succeeded" : "Failed").withStartTime(created)
            .addNewContainerStatus().withName(container.getName())
            .withNewState().withNewTerminated().withExitCode(exitCode).withReason(why).withStartedAt(created)
            .withFinishedAt(finished).endTerminated().endState()
            .endContainerStatus()
            .build());
        return p;
      });
      return exitCode == 0;
    }

    /** ConfigMap volumes become files in the pod's folder; returns mount path → local folder. */
    private Map<String, Path> mounts(Container container, Path dir) throws IOException, LocalModeException {
      Map<String, Path> mounts = new LinkedHashMap<>();
      List<Volume> volumes = Objects.requireNonNullElse(job.getSpec().getTemplate().getSpec().getVolumes(), List.of());
      for (VolumeMount mount : Objects.requireNonNullElse(container.getVolumeMounts(), List.<VolumeMount>of())) {
        Volume volume = volumes.stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElse(null);
        Path local = Files.createDirectories(dir.resolve("volumes").resolve(mount.getName()));
        if (volume != null && volume.getConfigMap() != null) {
          String configMapName = volume.getConfigMap().getName();
          ConfigMap configMap = cluster.client.configMaps().inNamespace(namespace).withName(configMapName).get();
          if (configMap == null) {
            throw new LocalModeException("configmap \"" + configMapName + "\" not found (volume " + mount.getName() + ")");
          }
          if (configMap.getData() != null) {
            for (var entry : configMap.getData().entrySet()) {
              Files.writeString(local.resolve(entry.getKey()), entry.getValue());
            }
          }
        }
        mounts.put(mount.getMountPath(), local);
      }
      return mounts;
    }

    private Map<String, String> env(Container container, int index, Map<String, Path> mounts) throws LocalModeException {
      Map<String, String> env = new LinkedHashMap<>();
      for (EnvVar var : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
        if (var.getValue() != null) {
          env.put(var.getName(), expand(var.getValue(), env));
        } else if (var.getValueFrom() != null && var.getValueFrom().getFieldRef() != null
            && var.getValueFrom().getFieldRef().getFieldPath().contains(INDEX_ANNOTATION)) {
          env.put(var.getName(), Integer.toString(index));
        }
      }
      for (var entry : env.entrySet()) {
        for (var mount : mounts.entrySet()) {
          if (entry.getValue().startsWith(mount.getKey() + "/")) {
            entry.setValue(mount.getValue() + entry.getValue().substring(mount.getKey().length()));
          }
        }
      }
      String target = env.get("MLBENCH_TARGET");
      if (target != null) {
        env.put("MLBENCH_TARGET", cluster.directory.resolve(target).orElseThrow(() -> new LocalModeException(
            "no local Service answers to " + target)));
      }
      return env;
    }

    /** Kubernetes' $(VAR) references to variables defined before. */
    private static String expand(String value, Map<String, String> defined) {
      String out = value;
      for (var entry : defined.entrySet()) {
        out = out.replace("$(" + entry.getKey() + ")", entry.getValue());
      }
      return out;
    }

    void exceedDeadline() {
      deadlineExceeded = true;
      processes.forEach(p -> LocalProcesses.stop(p, 2000));
    }

    /** Deleting a Job deletes its pods: their processes stop and their objects go. */
    void cancel() {
      cancelled = true;
      processes.forEach(p -> LocalProcesses.stop(p, 2000));
      if (future != null) {
        future.cancel(true);
      }
      List<String> names;
      synchronized (pods) {
        names = List.copyOf(pods);
      }
      for (String pod : names) {
        try {
          cluster.client.pods().inNamespace(namespace).withName(pod).delete();
        } catch (RuntimeException e) {
          // already gone
        }
        cluster.podLogs.forget(namespace, pod);
      }
    }

    private void publish(String started, int active, int succeeded, int failed, String[] condition) {
      try {
        cluster.client.batch().v1().jobs().inNamespace(namespace).withName(name).editStatus(j -> {
          var status = new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
              .withStartTime(started).withActive(active).withSucceeded(succeeded).withFailed(failed);
          if (condition != null) {
            String now = LocalCluster.now();
            status.addToConditions(new JobConditionBuilder().withType(condition[0]).withStatus("True")
                .withReason(condition[1]).withMessage(condition[2]).withLastProbeTime(now).withLastTransitionTime(now)
                .build());
            if ("Complete".equals(condition[0])) {
              status.withCompletionTime(now);
            }
          }
          j.setStatus(status.build());
          return j;
        });
      } catch (RuntimeException e) {
        // the Job was deleted meanwhile
      }
    }
  }

  @Override
  public void close() {
    informer.close();
    runs.values().forEach(Run::cancel);
    runs.clear();
  }

}
