package dev.mlbench.cli.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;

/**
 * One model server replica: the function image's program as a local process on its own loopback port, and its
 * Pod in the API with real timestamps — created, started, ready — and the kubelet's restart rules when it crashes.
 */
final class ModelServerPod {

  private static final String READY_PATH = "/v2/health/ready";
  private static final Duration READY_POLL = Duration.ofMillis(20);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final LocalCluster cluster;
  private final String namespace;
  private final String name;
  private final Map<String, String> labels;
  private final PodSpec spec;
  private final Runnable onChange;
  private final int port = LocalCluster.freePort();
  private final CompletableFuture<Void> readyOnce = new CompletableFuture<>();
  private final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final Path dir;
  private final Path log;
  private volatile Process process;
  private volatile boolean ready;
  private volatile boolean stopping;
  private int restarts;
  private String created;

  ModelServerPod(LocalCluster cluster, String namespace, String name, Map<String, String> labels, PodSpec spec,
      Runnable onChange) {
    this.cluster = cluster;
    this.namespace = namespace;
    this.name = name;
    this.labels = labels;
    this.spec = spec;
    this.onChange = onChange;
    this.dir = cluster.podDir(namespace, name);
    this.log = dir.resolve("model-server.log");
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  boolean ready() {
    return ready;
  }

  /** Completes when the pod first becomes ready; fails when it is stopped before. */
  CompletableFuture<Void> readiness() {
    return readyOnce;
  }

  void start() {
    created = LocalCluster.now();
    List<PodCondition> conditions = new ArrayList<>();
    conditions.add(condition("PodScheduled", created));
    cluster.client.pods().inNamespace(namespace).resource(new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).withCreationTimestamp(created)
        .endMetadata()
        .withSpec(spec)
        .withNewStatus().withPhase("Pending").withConditions(conditions).endStatus()
        .build()).create();
    cluster.podLogs.register(namespace, name, log);
    cluster.threads.submit(this::run);
  }

  private void run() {
    Container container = spec.getContainers().get(0);
    while (!stopping) {
      try {
        String started = LocalCluster.now();
        process = cluster.processes.start(cluster.images.command(container.getImage()), env(container), log);
        publish(started, null, null);
        if (awaitReady()) {
          ready = true;
          String readyAt = LocalCluster.now();
          publish(started, readyAt, null);
          cluster.endpoints.ready(new ReadyEndpoints.Endpoint(namespace, name, labels, port));
          readyOnce.complete(null);
          onChange.run();
        }
        int exit = process.waitFor();
        ready = false;
        cluster.endpoints.gone(namespace, name);
        if (stopping) {
          return;
        }
        restarts++;
        onChange.run();
        Duration backoff = Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(restarts - 1, 10)));
        publish(started, null, crashed(container.getName(), exit, backoff));
        Thread.sleep(backoff.toMillis());
      } catch (LocalModeException e) {
        publishUnrunnable(container.getName(), e.getMessage());
        readyOnce.completeExceptionally(e);
        onChange.run();
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        if (!stopping) {
          publishUnrunnable(container.getName(), "cannot start the model server: " + e.getMessage());
          readyOnce.completeExceptionally(e);
          onChange.run();
        }
        return;
      }
    }
  }

  /** The environment the container would see, with the paths and port of this machine. */
  private Map<String, String> env(Container container) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    for (EnvVar var : container.getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), var.getValue().startsWith("/tmp") ? tmp + var.getValue().substring(4) : var.getValue());
      }
    }
    env.put("PORT", Integer.toString(port));
    env.put("TMPDIR", tmp.toString());
    return env;
  }

  /** Polls the readiness endpoint as the kubelet's probe would, but often, so that "ready" is timed closely. */
  private boolean awaitReady() throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + READY_PATH))
        .timeout(Duration.ofSeconds(2)).build();
    while (!stopping && process.isAlive()) {
      try {
        if (probe.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(READY_POLL.toMillis());
    }
    return false;
  }

  private void publish(String started, String readyAt, ContainerStatus crashed) {
    if (stopping) {
      return;
    }
    List<PodCondition> conditions = new ArrayList<>();
    conditions.add(condition("PodScheduled", created));
    conditions.add(condition("Initialized", started));
    boolean isReady = readyAt != null;
    conditions.add(isReady ? condition("ContainersReady", readyAt) : notReady("ContainersReady", started));
    conditions.add(isReady ? condition("Ready", readyAt) : notReady("Ready", started));
    ContainerStatus container = crashed != null ? crashed : new ContainerStatusBuilder()
        .withName(spec.getContainers().get(0).getName())
        .withReady(isReady).withStarted(true).withRestartCount(restarts)
        .withNewState().withNewRunning().withStartedAt(started).endRunning().endState()
        .build();
    cluster.client.pods().inNamespace(namespace).withName(name).editStatus(p -> {
      p.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder()
          .withPhase("Running").withPodIP("127.0.0.1").withStartTime(created)
          .withConditions(conditions).withContainerStatuses(container).build());
      return p;
    });
  }

  private ContainerStatus crashed(String containerName, int exit, Duration backoff) {
    return new ContainerStatusBuilder()
        .withName(containerName).withReady(false).withRestartCount(restarts)
        .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
        .withMessage("back-off " + backoff.toSeconds() + "s restarting failed container (exit code " + exit + "): "
            + lastLine())
        .endWaiting().endState()
        .withNewLastState().withNewTerminated().withExitCode(exit).withReason("Error").endTerminated().endLastState()
        .build();
  }

  private void publishUnrunnable(String containerName, String message) {
    cluster.client.pods().inNamespace(namespace).withName(name).editStatus(p -> {
      p.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder()
          .withPhase("Pending")
          .withContainerStatuses(new ContainerStatusBuilder().withName(containerName).withReady(false)
              .withNewState().withNewWaiting().withReason("ErrImagePull").withMessage(message).endWaiting().endState()
              .build())
          .build());
      return p;
    });
  }

  private String lastLine() {
    try {
      List<String> lines = Files.readAllLines(log);
      return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    } catch (IOException e) {
      return "no output";
    }
  }

  /** Stops the process (SIGTERM, then SIGKILL) and removes the pod, as a terminating pod would. */
  void stop() {
    stopping = true;
    ready = false;
    cluster.endpoints.gone(namespace, name);
    readyOnce.completeExceptionally(new IllegalStateException("pod " + name + " stopped"));
    Process running = process;
    if (running != null) {
      LocalProcesses.stop(running, 5000);
    }
    try {
      cluster.client.pods().inNamespace(namespace).withName(name).delete();
    } catch (RuntimeException e) {
      // the API is going away with everything else
    }
    cluster.podLogs.forget(namespace, name);
  }

  private static PodCondition condition(String type, String at) {
    return new PodConditionBuilder().withType(type).withStatus("True").withLastTransitionTime(at).build();
  }

  private static PodCondition notReady(String type, String at) {
    return new PodConditionBuilder().withType(type).withStatus("False").withLastTransitionTime(at)
        .withReason("ContainersNotReady").build();
  }
}
