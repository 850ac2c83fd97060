package dev.mlbench.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

import io.fabric8.kubernetes.client.KubernetesClient;

/** What the local controllers share: the API, the processes, the images, cluster DNS and a work folder. */
final class LocalCluster {

  final KubernetesClient client;
  final LocalProcesses processes;
  final FunctionImages images;
  final ServiceDirectory directory = new ServiceDirectory();
  final ReadyEndpoints endpoints = new ReadyEndpoints();
  final PodLogs podLogs;
  final Path workDir;
  final ExecutorService threads = Executors.newCachedThreadPool(daemon("local-runtime"));
  private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> coldStarts =
      new java.util.concurrent.ConcurrentHashMap<>();
  final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, daemon("local-timers"));

  LocalCluster(KubernetesClient client, LocalProcesses processes, FunctionImages images, PodLogs podLogs, Path workDir) {
    this.client = client;
    this.processes = processes;
    this.images = images;
    this.podLogs = podLogs;
    this.workDir = workDir;
  }

  /** A folder for one pod's files (its log, its /tmp, its mounted ConfigMaps). */
  Path podDir(String namespace, String pod) {
    try {
      return Files.createDirectories(workDir.resolve("pods").resolve(namespace).resolve(pod));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Requests the activator held while it started an instance from zero, per Knative Service. */
  java.util.concurrent.atomic.AtomicInteger coldStarts(String namespace, String service) {
    return coldStarts.computeIfAbsent(namespace + "/" + service, k -> new java.util.concurrent.atomic.AtomicInteger());
  }

  java.util.Map<String, Integer> coldStarts() {
    java.util.Map<String, Integer> copy = new java.util.TreeMap<>();
    coldStarts.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kubernetes keeps timestamps to the second; local mode keeps milliseconds, which its stages can use. */
  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  static String suffix() {
    String letters = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      out.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
    }
    return out.toString();
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  void close() {
    threads.shutdownNow();
    timers.shutdownNow();
  }
}
