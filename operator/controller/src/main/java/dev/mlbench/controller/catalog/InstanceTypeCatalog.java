package dev.mlbench.controller.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The instance types the VM target knows, read from {@code instance-types.yaml}. */
public final class InstanceTypeCatalog {

  private static final InstanceTypeCatalog DEFAULT = load("/instance-types.yaml");

  private final Map<String, InstanceType> byName;

  private InstanceTypeCatalog(List<InstanceType> types) {
    this.byName = types.stream().collect(Collectors.toUnmodifiableMap(InstanceType::name, Function.identity()));
  }

  public static InstanceTypeCatalog defaultCatalog() {
    return DEFAULT;
  }

  public Optional<InstanceType> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public List<String> names() {
    return byName.keySet().stream().sorted().toList();
  }

  private record CatalogFile(List<InstanceType> instanceTypes) {
  }

  static InstanceTypeCatalog load(String resource) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try (InputStream in = InstanceTypeCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("instance type catalogue " + resource + " is missing from the classpath");
      }
      return new InstanceTypeCatalog(yaml.readValue(in, CatalogFile.class).instanceTypes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read instance type catalogue " + resource, e);
    }
  }
}
