package dev.mlbench.controller.dependent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.TargetKind;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;

/**
 * The model server container and pod settings shared by every target: the OIP v2 probes and a pod that
 * passes the restricted Pod Security Standard.
 */
public final class ModelServerPodTemplate {

  public static final String CONTAINER_NAME = "model-server";
  public static final String READY_PATH = "/v2/health/ready";
  public static final String LIVE_PATH = "/v2/health/live";
  public static final long NON_ROOT_UID = 65532L;
  static final String TMP_VOLUME = "tmp";
  static final String TMP_PATH = "/tmp";

  private ModelServerPodTemplate() {
  }

  /**
   * The model server container. Knative injects {@code PORT} itself and names the port {@code http1}; on the
   * Deployment targets the operator sets both.
   */
  public static Container container(MLBenchmark benchmark, ModelSpec model, TargetKind target,
      ResourceRequirements resources) {
    boolean knative = target == TargetKind.SERVERLESS;
    ContainerBuilder builder = new ContainerBuilder()
        .withName(CONTAINER_NAME)
        .withImage(ModelServerImages.imageFor(model))
        .withEnv(env(model, knative))
        .addNewPort().withName(knative ? "http1" : "http").withContainerPort(model.port).withProtocol("TCP").endPort()
        .withResources(resources)
        .withReadinessProbe(probe(READY_PATH, model, knative, 1, 3))
        .withLivenessProbe(probe(LIVE_PATH, model, knative, 10, 3))
        .withSecurityContext(containerSecurityContext())
        .addNewVolumeMount().withName(TMP_VOLUME).withMountPath(TMP_PATH).endVolumeMount();
    if (!knative) {
      // loading a large model may take minutes; liveness must not kill the pod meanwhile
      builder.withStartupProbe(probe(LIVE_PATH, model, false, 2, 300));
    }
    return builder.build();
  }

  public static ResourceRequirements resources(String cpu, String memory) {
    Map<String, Quantity> amounts = Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory));
    return new ResourceRequirementsBuilder().withRequests(amounts).withLimits(amounts).build();
  }

  public static List<Volume> volumes() {
    return List.of(new VolumeBuilder().withName(TMP_VOLUME)
        .withNewEmptyDir().withSizeLimit(new Quantity("1Gi")).endEmptyDir().build());
  }

  public static PodSecurityContext podSecurityContext() {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(NON_ROOT_UID)
        .withRunAsGroup(NON_ROOT_UID)
        .withFsGroup(NON_ROOT_UID)
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build();
  }

  public static SecurityContext containerSecurityContext() {
    return new SecurityContextBuilder()
        .withAllowPrivilegeEscalation(false)
        .withPrivileged(false)
        .withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true)
        .withRunAsUser(NON_ROOT_UID)
        .withRunAsGroup(NON_ROOT_UID)
        .withNewCapabilities().withDrop("ALL").endCapabilities()
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build();
  }

  /** The OIP model name the server answers to. */
  public static String servedModelName(ModelSpec model) {
    return model.modelName != null ? model.modelName : model.name;
  }

  private static List<EnvVar> env(ModelSpec model, boolean knative) {
    Map<String, String> values = new TreeMap<>();
    if (model.env != null) {
      values.putAll(model.env);
    }
    values.put("MODEL_NAME", servedModelName(model));
    values.put("TMPDIR", TMP_PATH);
    values.put("HOME", TMP_PATH);
    values.put("XDG_CACHE_HOME", TMP_PATH + "/.cache");
    if (!knative) {
      values.put("PORT", Integer.toString(model.port));
    }
    List<EnvVar> env = new ArrayList<>();
    values.forEach((name, value) -> env.add(new EnvVar(name, value, null)));
    return env;
  }

  private static Probe probe(String path, ModelSpec model, boolean knative, int periodSeconds, int failureThreshold) {
    ProbeBuilder builder = new ProbeBuilder()
        .withPeriodSeconds(periodSeconds)
        .withFailureThreshold(failureThreshold)
        .withTimeoutSeconds(2);
    if (knative) {
      // Knative routes probes through its queue-proxy and rejects an explicit port
      return builder.withNewHttpGet().withPath(path).endHttpGet().build();
    }
    return builder.withNewHttpGet().withPath(path).withNewPort("http").endHttpGet().build();
  }
}
