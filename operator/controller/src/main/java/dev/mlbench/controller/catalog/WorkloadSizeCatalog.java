package dev.mlbench.controller.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.mlbench.api.v1alpha1.ModelSpec;
import dev.mlbench.api.v1alpha1.Workload;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * What each model stores, read from {@code workload-sizes.yaml}: the project's workloads their measured model files and
 * an image estimate of base image + runtime libraries + module jar + native libraries; custom the documented defaults;
 * and whatever a model's {@code sizes} states instead.
 */
public final class WorkloadSizeCatalog {

  /** Environment variable of the project's images that selects the model variant. */
  public static final String MODEL_VARIANT = "MODEL_VARIANT";

  private static final WorkloadSizeCatalog DEFAULT = load("/workload-sizes.yaml");

  private final CatalogFile file;

  private WorkloadSizeCatalog(CatalogFile file) {
    this.file = file;
  }

  public static WorkloadSizeCatalog defaultCatalog() {
    return DEFAULT;
  }

  /** Bytes a model keeps in object storage and its image in the registry. */
  public record StoredBytes(long model, long image) {

    public double modelGb() {
      return model / 1e9;
    }

    public double imageGb() {
      return image / 1e9;
    }
  }

  public StoredBytes of(ModelSpec model) {
    StoredBytes defaults = defaults(model);
    if (model.sizes == null) {
      return defaults;
    }
    return new StoredBytes(model.sizes.model == null ? defaults.model() : bytes(model.sizes.model),
        model.sizes.image == null ? defaults.image() : bytes(model.sizes.image));
  }

  private StoredBytes defaults(ModelSpec model) {
    Optional<WorkloadEntry> entry = file.workloads().stream().filter(w -> w.workload() == model.workload).findFirst();
    if (entry.isEmpty()) {
      return new StoredBytes(file.custom().modelBytes(), file.custom().imageBytes());
    }
    String variant = model.env == null ? null : model.env.get(MODEL_VARIANT);
    List<ModelVariant> variants = entry.get().models();
    ModelVariant served = variants.stream().filter(v -> v.variant().equals(variant)).findFirst().orElse(variants.get(0));
    long modelBytes = served.files().stream().mapToLong(ModelFile::bytes).sum();
    return new StoredBytes(modelBytes, file.baseImage().bytes() + entry.get().libraries() + entry.get().natives());
  }

  private static long bytes(String quantity) {
    return Quantity.getAmountInBytes(new Quantity(quantity)).longValue();
  }

  record CatalogFile(BaseImage baseImage, CustomDefaults custom, List<WorkloadEntry> workloads) {
  }

  record BaseImage(String name, long bytes) {
  }

  record CustomDefaults(long modelBytes, long imageBytes) {
  }

  record WorkloadEntry(Workload workload, long libraries, long natives, List<ModelVariant> models) {
  }

  record ModelVariant(String variant, List<ModelFile> files) {
  }

  record ModelFile(String resource, long bytes) {
  }

  Map<Workload, WorkloadEntry> entries() {
    return file.workloads().stream().collect(Collectors.toMap(WorkloadEntry::workload, e -> e));
  }

  static WorkloadSizeCatalog load(String resource) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try (InputStream in = WorkloadSizeCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("workload size catalogue " + resource + " is missing from the classpath");
      }
      return new WorkloadSizeCatalog(yaml.readValue(in, CatalogFile.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read workload size catalogue " + resource, e);
    }
  }
}
