package dev.mlbench.cli.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** A YAML file as a user would `kubectl apply` it: one MLBenchmark, optionally with the ConfigMaps it refers to. */
record BenchmarkFile(MLBenchmark benchmark, List<ConfigMap> configMaps) {

  static BenchmarkFile read(Path file, KubernetesSerialization serialization) throws LocalModeException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new LocalModeException(file + ": no such file");
    } catch (IOException e) {
      throw new LocalModeException(file + ": cannot read it: " + e.getMessage());
    }
    MLBenchmark benchmark = null;
    List<ConfigMap> configMaps = new ArrayList<>();
    int number = 0;
    for (String document : text.split("(?m)^---\\s*$")) {
      number++;
      if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
        continue;
      }
      GenericKubernetesResource object;
      try {
        object = serialization.unmarshal(document, GenericKubernetesResource.class);
      } catch (RuntimeException e) {
        throw new LocalModeException(file + ", document " + number + ": not valid YAML: " + rootCause(e));
      }
      String type = object.getApiVersion() + "/" + object.getKind();
      try {
        switch (type) {
          case "mlbench.dev/v1alpha1/MLBenchmark" -> {
            if (benchmark != null) {
              throw new LocalModeException(file + " holds more than one MLBenchmark: local mode runs one at a time");
            }
            benchmark = serialization.unmarshal(document, MLBenchmark.class);
          }
          case "v1/ConfigMap" -> configMaps.add(serialization.unmarshal(document, ConfigMap.class));
          default -> throw new LocalModeException(file + ", document " + number + ": local mode applies MLBenchmarks"
              + " (mlbench.dev/v1alpha1) and ConfigMaps (v1), not " + object.getKind() + " (" + object.getApiVersion() + ")");
        }
      } catch (RuntimeException e) {
        throw new LocalModeException(file + ", document " + number + " (" + object.getKind() + "): " + rootCause(e));
      }
    }
    if (benchmark == null) {
      throw new LocalModeException(file + " holds no MLBenchmark (apiVersion: mlbench.dev/v1alpha1, kind: MLBenchmark)");
    }
    return new BenchmarkFile(benchmark, configMaps);
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
