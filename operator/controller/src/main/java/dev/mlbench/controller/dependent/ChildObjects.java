package dev.mlbench.controller.dependent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.TargetKind;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** Names and labels of the objects the operator creates: one place, so every dependent agrees. */
public final class ChildObjects {

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "mlbench-operator";
  public static final String NAME_LABEL = "app.kubernetes.io/name";
  public static final String COMPONENT_LABEL = "app.kubernetes.io/component";
  public static final String BENCHMARK_LABEL = "mlbench.dev/benchmark";
  public static final String MODEL_LABEL = "mlbench.dev/model";
  public static final String TARGET_LABEL = "mlbench.dev/target";
  public static final String MODEL_SERVER = "model-server";

  /** Kubernetes label values, Service and Knative Service names are at most 63 characters. */
  public static final int MAX_NAME = 63;

  private ChildObjects() {
  }

  /** Name of the object serving {@code model} on {@code target}: {@code <benchmark>-<model>-<target>}. */
  public static String workloadName(MLBenchmark benchmark, String model, TargetKind target) {
    return bounded(MAX_NAME, benchmark.getMetadata().getName(), model, target.value());
  }

  /** Name, namespace and labels of the object serving {@code model} on {@code target}. */
  public static ObjectMeta metadata(MLBenchmark benchmark, ModelSpec model, TargetKind target) {
    return new ObjectMetaBuilder()
        .withName(workloadName(benchmark, model.name, target))
        .withNamespace(benchmark.getMetadata().getNamespace())
        .withLabels(labels(benchmark, model, target))
        .build();
  }

  public static Map<String, String> selectorLabels(MLBenchmark benchmark, ModelSpec model, TargetKind target) {
    return Map.of(
        BENCHMARK_LABEL, benchmark.getMetadata().getName(),
        MODEL_LABEL, model.name,
        TARGET_LABEL, target.value());
  }

  public static Map<String, String> labels(MLBenchmark benchmark, ModelSpec model, TargetKind target) {
    return Map.of(
        MANAGED_BY_LABEL, MANAGED_BY,
        NAME_LABEL, "mlbench",
        COMPONENT_LABEL, MODEL_SERVER,
        BENCHMARK_LABEL, benchmark.getMetadata().getName(),
        MODEL_LABEL, model.name,
        TARGET_LABEL, target.value());
  }

  /**
   * Joins parts with '-' and, when the result is longer than {@code max}, cuts it and appends a hash of the
   * whole, so names stay unique and deterministic.
   */
  public static String bounded(int max, String... parts) {
    String joined = String.join("-", parts);
    if (joined.length() <= max) {
      return joined;
    }
    String hash = sha256(joined).substring(0, 8);
    String head = joined.substring(0, max - hash.length() - 1);
    while (head.endsWith("-")) {
      head = head.substring(0, head.length() - 1);
    }
    return head + "-" + hash;
  }

  private static String sha256(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
