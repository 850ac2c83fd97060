package dev.mlbench.cli.local;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;

import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.PodSpec;

/**
 * One Knative revision, played locally: an activator that holds requests while no instance is ready and starts
 * one (a real cold start), an autoscaler that adds instances when the in-flight requests exceed the target per
 * instance (up to max-scale) and removes them after the stable window, down to zero after the window + grace.
 */
final class KnativeRevision implements AutoCloseable {

  /** Knative's cluster default is 30 s; local mode waits less so that cold-start probes do not idle for minutes. */
  static final Duration SCALE_TO_ZERO_GRACE = Duration.ofSeconds(2);
  /** A max-scale of 0 means "unbounded" in Knative; on one machine, bounded. */
  static final int LOCAL_MAX_SCALE = 8;
  private static final Duration TICK = Duration.ofMillis(100);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

  private final LocalCluster cluster;
  private final String namespace;
  private final String name;
  private final String serviceName;
  private final Map<String, String> podLabels;
  private final PodSpec podSpec;
  private final AutoscalerSettings settings;
  private final Runnable onChange;
  private final HttpForwarder forwarder = new HttpForwarder();
  private final LocalHttpServer activator;
  private final List<Instance> instances = new ArrayList<>();
  private final Deque<Integer> samples = new ArrayDeque<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ScheduledFuture<?> ticker;
  private long lastActiveNanos = System.nanoTime();
  private long lastScaleUpNanos = System.nanoTime();
  private volatile boolean everReady;
  private volatile String failure;

  private static final class Instance {
    final ModelServerPod pod;
    int inFlight;

    Instance(ModelServerPod pod) {
      this.pod = pod;
    }
  }

  record AutoscalerSettings(double targetPerInstance, int minScale, int maxScale, int containerConcurrency,
      Duration window, Duration panicWindow, double panicThreshold) {

    static AutoscalerSettings of(Service service) {
      var template = service.getSpec().getTemplate();
      Map<String, String> annotations = template.getMetadata().getAnnotations() == null ? Map.of()
          : template.getMetadata().getAnnotations();
      String prefix = "autoscaling.knative.dev/";
      double target = Double.parseDouble(annotations.getOrDefault(prefix + "target", "100"));
      double utilisation = Double.parseDouble(annotations.getOrDefault(prefix + "target-utilization-percentage", "70"));
      int min = Integer.parseInt(annotations.getOrDefault(prefix + "min-scale", "0"));
      int max = Integer.parseInt(annotations.getOrDefault(prefix + "max-scale", "0"));
      Duration window = dev.mlbench.api.Durations.parse(annotations.getOrDefault(prefix + "window", "60s"));
      double panicPercent = Double.parseDouble(annotations.getOrDefault(prefix + "panic-window-percentage", "10"));
      double panicThreshold = Double.parseDouble(annotations.getOrDefault(prefix + "panic-threshold-percentage", "200"));
      Long concurrency = template.getSpec().getContainerConcurrency();
      return new AutoscalerSettings(Math.max(0.01, target * utilisation / 100), min,
          max <= 0 ? LOCAL_MAX_SCALE : Math.min(max, LOCAL_MAX_SCALE), concurrency == null ? 0 : concurrency.intValue(),
          window, Duration.ofMillis((long) (window.toMillis() * panicPercent / 100)), panicThreshold / 100);
    }
  }

  KnativeRevision(LocalCluster cluster, Service service, String revision, Runnable onChange) {
    this.cluster = cluster;
    this.namespace = service.getMetadata().getNamespace();
    this.name = revision;
    this.serviceName = service.getMetadata().getName();
    this.onChange = onChange;
    this.settings = AutoscalerSettings.of(service);
    var template = service.getSpec().getTemplate();
    Map<String, String> labels = new LinkedHashMap<>();
    if (template.getMetadata().getLabels() != null) {
      labels.putAll(template.getMetadata().getLabels());
    }
    labels.put("serving.knative.dev/service", service.getMetadata().getName());
    labels.put("serving.knative.dev/configuration", service.getMetadata().getName());
    labels.put("serving.knative.dev/revision", revision);
    this.podLabels = labels;
    this.podSpec = new io.fabric8.kubernetes.api.model.PodSpecBuilder()
        .withContainers(template.getSpec().getContainers())
        .withVolumes(template.getSpec().getVolumes())
        .withEnableServiceLinks(template.getSpec().getEnableServiceLinks())
        .build();
    this.activator = new LocalHttpServer("activator-" + revision, this::handle);
    // Knative brings a new revision up once (initial scale 1) to see that it becomes ready
    synchronized (this) {
      scaleTo(Math.max(1, settings.minScale()));
    }
    this.ticker = cluster.timers.scheduleAtFixedRate(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  int port() {
    return activator.port();
  }

  boolean everReady() {
    return everReady;
  }

  /** Why the revision cannot become ready, or null. */
  String failure() {
    return failure;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      inFlight.incrementAndGet();
      markActive();
      Instance instance = null;
      try {
        instance = acquire();
        if (instance == null) {
          HttpForwarder.reply(exchange, 503, "revision " + name + " has no ready instance: "
              + (failure == null ? "timed out waiting" : failure));
          return;
        }
        forwarder.forward(exchange, instance.pod.port());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        release(instance);
        inFlight.decrementAndGet();
        markActive();
      }
    }
  }

  /** Waits for a ready instance with room for one more request; starts one if the revision is at zero. */
  private synchronized Instance acquire() throws InterruptedException {
    long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && failure == null) {
      if (instances.isEmpty()) {
        // the activator holds this request and starts an instance for it: a cold start
        cluster.coldStarts(namespace, serviceName).incrementAndGet();
        scaleTo(1);
      }
      Instance best = null;
      for (Instance instance : instances) {
        boolean room = settings.containerConcurrency() == 0 || instance.inFlight < settings.containerConcurrency();
        if (instance.pod.ready() && room && (best == null || instance.inFlight < best.inFlight)) {
          best = instance;
        }
      }
      if (best != null) {
        best.inFlight++;
        return best;
      }
      wait(10);
    }
    return null;
  }

  private synchronized void release(Instance instance) {
    if (instance != null) {
      instance.inFlight--;
    }
    notifyAll();
  }

  private synchronized void markActive() {
    lastActiveNanos = System.nanoTime();
  }

  /** The autoscaler: samples the in-flight requests and sizes the revision from their stable and panic averages. */
  private synchronized void tick() {
    try {
      samples.addLast(inFlight.get());
      int windowSamples = (int) Math.max(1, settings.window().toMillis() / TICK.toMillis());
      while (samples.size() > windowSamples) {
        samples.removeFirst();
      }
      int panicSamples = (int) Math.max(1, settings.panicWindow().toMillis() / TICK.toMillis());
      double stable = samples.stream().mapToInt(Integer::intValue).average().orElse(0);
      double panic = samples.stream().skip(Math.max(0, samples.size() - panicSamples)).mapToInt(Integer::intValue)
          .average().orElse(0);
      int wantedNow = (int) Math.ceil(Math.max(stable, panic) / settings.targetPerInstance());
      if (wantedNow > instances.size()) {
        scaleTo(wantedNow);
        lastScaleUpNanos = System.nanoTime();
        return;
      }
      long now = System.nanoTime();
      boolean calm = now - lastScaleUpNanos >= settings.window().toNanos();
      int wantedStable = Math.max(settings.minScale(), (int) Math.ceil(stable / settings.targetPerInstance()));
      if (wantedStable == 0) {
        boolean idle = inFlight.get() == 0
            && now - lastActiveNanos >= settings.window().plus(SCALE_TO_ZERO_GRACE).toNanos();
        if (idle && everReady && !instances.isEmpty()) {
          scaleTo(0);
        }
      } else if (calm && wantedStable < instances.size()) {
        scaleTo(wantedStable);
      }
    } catch (RuntimeException e) {
      failure = "the local autoscaler failed: " + e;
    }
  }

  /** Adds or removes instances; only idle ones are removed. */
  private void scaleTo(int wanted) {
    int target = Math.min(wanted, settings.maxScale());
    while (instances.size() < target) {
      ModelServerPod pod = new ModelServerPod(cluster, namespace, name + "-deployment-" + LocalCluster.suffix(),
          podLabels, podSpec, this::instanceChanged);
      instances.add(new Instance(pod));
      pod.start();
    }
    for (int i = instances.size() - 1; i >= 0 && instances.size() > target; i--) {
      Instance instance = instances.get(i);
      if (instance.inFlight == 0) {
        instances.remove(i);
        cluster.threads.submit(instance.pod::stop);
      }
    }
  }

  private void instanceChanged() {
    synchronized (this) {
      if (instances.stream().anyMatch(i -> i.pod.ready())) {
        everReady = true;
      }
      if (!everReady && instances.stream().anyMatch(i -> i.pod.readiness().isCompletedExceptionally())) {
        failure = "the revision's model server cannot start (see its pod's status)";
      }
      notifyAll();
    }
    onChange.run();
  }

  @Override
  public void close() {
    ticker.cancel(false);
    activator.close();
    List<Instance> all;
    synchronized (this) {
      all = List.copyOf(instances);
      instances.clear();
    }
    all.parallelStream().forEach(i -> i.pod.stop());
  }
}
