package dev.mlbench.controller.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

/**
 * Plays the Job controller and the kubelet for load Jobs: each pod of a Job is the real load generator run as a
 * local process with the pod's environment, its target's cluster URL rewritten to a local server. The pod's
 * stdout and stderr become its log, served by the mock API; pods and Jobs get real timestamps and the
 * Kubernetes retry rules (backoffLimit).
 */
public final class TestingLoadJobs implements AutoCloseable {

  static final Path LOADGEN = OperatorHarness.REPO.resolve("function-images/loadgen/target/mlbench-loadgen.jar");

  private final KubernetesClient client;
  private final KubernetesMockServer server;
  private final UnaryOperator<String> targets;
  private final ExecutorService runners = Executors.newFixedThreadPool(2);
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  private final Set<Process> processes = ConcurrentHashMap.newKeySet();
  private final Map<String, Process> processOfJob = new ConcurrentHashMap<>();
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> creations = new ConcurrentHashMap<>();
  private volatile String failing;
  private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
  private volatile java.util.function.BiFunction<Job, String, String> rewrite = (job, log) -> log;
  private final List<String> logs = new ArrayList<>();
  private final SharedIndexInformer<Job> informer;

  /**
   * @param namespace where to run Jobs; other tests' Jobs elsewhere are left alone
   * @param targets maps a target URL the operator wrote into a Job (a cluster service URL) to a local one
   */
  public TestingLoadJobs(KubernetesClient client, KubernetesMockServer server, String namespace,
      UnaryOperator<String> targets) {
    if (!Files.exists(LOADGEN)) {
      throw new IllegalStateException(LOADGEN + " is missing: build function-images/loadgen first");
    }
    this.client = client;
    this.server = server;
    this.targets = targets;
    this.informer = client.batch().v1().jobs().inNamespace(namespace).inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Job job) {
        creations.merge(job.getMetadata().getName(), 1, Integer::sum);
        if (started.add(key(job))) {
          runners.submit(() -> run(job));
        }
      }

      @Override
      public void onUpdate(Job oldJob, Job newJob) {
      }

      @Override
      public void onDelete(Job job, boolean deletedFinalStateUnknown) {
        // deleting a Job deletes its pods, and the kubelet kills their containers
        String key = key(job);
        deleted.add(key);
        Process process = processOfJob.get(key);
        if (process != null) {
          process.destroyForcibly();
        }
      }
    });
  }

  /** Load generator processes alive now: a deleted Job leaves none. */
  public long running() {
    return processes.stream().filter(Process::isAlive).count();
  }

  private static String key(Job job) {
    return job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
  }

  /** Load pods created for a Job, retries included. */
  public int podsOf(String jobName) {
    return attempts.getOrDefault(jobName, 0);
  }

  /** How often each Job name was created: a Job created twice shows up as 2. */
  public Map<String, Integer> creations() {
    return Map.copyOf(creations);
  }

  /** Makes the load pods of one scenario fail: their target is a port where nothing listens. */
  public void failScenario(String scenario) {
    this.failing = scenario;
  }

  /** Lets a test corrupt what a pod printed, e.g. to play a garbled result line. */
  public void rewriteLogs(java.util.function.BiFunction<Job, String, String> rewrite) {
    this.rewrite = rewrite;
  }

  /** Every pod log served so far, for a test that wants to look at them. */
  public synchronized List<String> logs() {
    return List.copyOf(logs);
  }

  private void run(Job job) {
    try {
      String namespace = job.getMetadata().getNamespace();
      String name = job.getMetadata().getName();
      int completions = job.getSpec().getCompletions();
      int backoffLimit = job.getSpec().getBackoffLimit();
      String jobStart = now();
      int failures = 0;
      for (int index = 0; index < completions; index++) {
        boolean succeeded = false;
        while (!succeeded && failures <= backoffLimit) {
          if (deleted.contains(key(job))) {
            return;
          }
          succeeded = runPod(job, index, failures);
          if (!succeeded) {
            failures++;
          }
        }
        if (!succeeded) {
          finish(namespace, name, jobStart, "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
          return;
        }
      }
      finish(namespace, name, jobStart, "Complete", null, null);
    } catch (Exception e) {
      // an executor swallows what a task throws: say it, or a stuck run has no explanation
      System.err.println("TestingLoadJobs: the runner of Job " + job.getMetadata().getName() + " failed");
      e.printStackTrace();
      throw new IllegalStateException("the testing Job runner failed on " + job.getMetadata().getName(), e);
    }
  }

  private boolean runPod(Job job, int index, int attempt) throws IOException, InterruptedException {
    var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    String podName = job.getMetadata().getName() + "-" + index + "-" + attempt;
    attempts.merge(job.getMetadata().getName(), 1, Integer::sum);
    String created = now();
    List<String> command = List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-jar", LOADGEN.toString());
    Path output = Files.createTempFile("mlbench-pod-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    for (EnvVar var : container.getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), expand(var.getValue(), env));
      } else if (var.getValueFrom() != null && var.getValueFrom().getFieldRef() != null) {
        // the only field the load Jobs read is their completion index
        env.put(var.getName(), Integer.toString(index));
      }
    }
    boolean fail = job.getMetadata().getLabels().get("mlbench.dev/scenario").equals(failing);
    env.put("MLBENCH_TARGET", fail ? "http://127.0.0.1:1" : targets.apply(env.get("MLBENCH_TARGET")));
    env.remove("TMPDIR");
    Process process = builder.start();
    processes.add(process);
    processOfJob.put(key(job), process);
    if (deleted.contains(key(job))) {
      process.destroyForcibly();
    }
    // as the Job controller would, stop a pod that outlives the Job's deadline
    Long deadline = job.getSpec().getActiveDeadlineSeconds();
    boolean exited = process.waitFor(deadline == null ? 180 : deadline, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    int exit = exited ? process.exitValue() : -1;
    processes.remove(process);
    processOfJob.remove(key(job), process);
    if (deleted.contains(key(job))) {
      Files.delete(output);
      return false;
    }
    String log = rewrite.apply(job, Files.readString(output, StandardCharsets.UTF_8));
    Files.delete(output);
    synchronized (this) {
      logs.add(log);
    }
    String namespace = job.getMetadata().getNamespace();
    server.expect().get()
        .withPath("/api/v1/namespaces/" + namespace + "/pods/" + podName + "/log?pretty=false&tailLines=20")
        .andReturn(200, log).always();
    Pod pod = new PodBuilder()
        .withNewMetadata()
        .withName(podName)
        .withNamespace(namespace)
        .withLabels(Map.of("job-name", job.getMetadata().getName()))
        .withOwnerReferences(new io.fabric8.kubernetes.api.model.OwnerReferenceBuilder().withApiVersion("batch/v1")
            .withKind("Job").withName(job.getMetadata().getName()).withUid(job.getMetadata().getUid()).build())
        .withAnnotations(Map.of("batch.kubernetes.io/job-completion-index", Integer.toString(index)))
        .withCreationTimestamp(created)
        .endMetadata()
        .withSpec(job.getSpec().getTemplate().getSpec())
        .withNewStatus()
        .withPhase(exit == 0 ? "Succeeded" : "Failed")
        .withStartTime(created)
        .addNewContainerStatus()
        .withName(container.getName())
        .withNewState().withNewTerminated()
        .withExitCode(exit).withReason(exit == 0 ? "Completed" : "Error").withStartedAt(created).withFinishedAt(now())
        .endTerminated().endState()
        .endContainerStatus()
        .endStatus()
        .build();
    retrying(() -> client.pods().inNamespace(namespace).resource(pod).createOr(existing -> existing.update()));
    return exit == 0;
  }

  /**
   * Runs one write to the mock API, again when the connection drops: under load the mock server closes a
   * connection now and then, and a real controller retries too. A lost write would leave a Job running forever.
   */
  private static void retrying(Runnable write) {
    for (int attempt = 1; ; attempt++) {
      try {
        write.run();
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (attempt == 5 || e.getCode() >= 400 && e.getCode() != 409 && e.getCode() < 500) {
          throw e;
        }
        try {
          Thread.sleep(200L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private void finish(String namespace, String name, String start, String type, String reason, String message) {
    var jobs = client.batch().v1().jobs().inNamespace(namespace).withName(name);
    retrying(() -> {
      if (jobs.get() == null) {
        return;
      }
      jobs.editStatus(j -> {
        j.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
            .withStartTime(start)
            .withCompletionTime("Complete".equals(type) ? now() : null)
            .withSucceeded("Complete".equals(type) ? j.getSpec().getCompletions() : 0)
            .withFailed("Complete".equals(type) ? 0 : 1)
            .addToConditions(new JobConditionBuilder().withType(type).withStatus("True").withReason(reason)
                .withMessage(message).withLastTransitionTime(now()).build())
            .build());
        return j;
      });
    });
  }

  /** Kubernetes' $(VAR) expansion of variables defined earlier in the container's list. */
  static String expand(String value, Map<String, String> defined) {
    String expanded = value;
    for (var entry : defined.entrySet()) {
      expanded = expanded.replace("$(" + entry.getKey() + ")", entry.getValue());
    }
    return expanded;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  @Override
  public void close() {
    informer.close();
    runners.shutdownNow();
    processes.forEach(Process::destroyForcibly);
  }
}
