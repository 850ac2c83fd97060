package dev.mlbench.helm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The mlbench-operator chart, rendered offline by helm-java the way `helm template` does. */
final class HelmChart {

  static final Path REPO = Path.of(System.getProperty("mlbench.repo", "..")).toAbsolutePath().normalize();
  static final Path CHART = REPO.resolve("helm/mlbench-operator");
  static final String RELEASE = "mlbench";
  static final String NAMESPACE = "mlbench-system";
  static final String KUBE_VERSION = "1.31.0";
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private HelmChart() {
  }

  /** The chart's manifests for these `--set` values, CRDs left out, one object per YAML document. */
  static Rendered render(Map<String, Object> values) {
    return new Rendered(parse(template(values)));
  }

  static String template(Map<String, Object> values) {
    TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
        .withKubeVersion(KUBE_VERSION).skipCrds();
    values.forEach(template::set);
    return template.call();
  }

  static List<HasMetadata> parse(String manifests) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : manifests.split("(?m)^---\\s*$")) {
      boolean empty = document.lines().allMatch(line -> line.isBlank() || line.trim().startsWith("#"));
      if (!empty) {
        objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
      }
    }
    return objects;
  }

  record Rendered(List<HasMetadata> objects) {

    <T extends HasMetadata> List<T> all(Class<T> type) {
      return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type) {
      List<T> found = all(type);
      if (found.size() != 1) {
        throw new AssertionError("expected one " + type.getSimpleName() + ", rendered " + found.size() + ": " + kinds());
      }
      return found.get(0);
    }

    Optional<HasMetadata> byKind(String kind) {
      return objects.stream().filter(o -> kind.equals(o.getKind())).findFirst();
    }

    List<String> kinds() {
      return objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
    }
  }
}
