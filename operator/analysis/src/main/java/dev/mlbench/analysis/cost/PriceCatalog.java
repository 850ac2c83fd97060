package dev.mlbench.analysis.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.mlbench.api.v1alpha1.CostSpec;
import dev.mlbench.api.v1alpha1.CostSpec.Provider;

/**
 * A provider's dated price list and billing rules, read from {@code prices/<provider>.yaml}, with the
 * benchmark's {@code spec.cost.overrides} laid over it. Immutable.
 */
public final class PriceCatalog {

  /** One catalogue entry; {@code confirmed} is false for a figure not checked against the dated price page. */
  public record Entry(double value, String unit, boolean confirmed, String note) {
  }

  private record CatalogFile(String provider, String region, String source, String retrievedAt, Map<String, String> services,
      Map<String, FileEntry> entries) {
  }

  private record FileEntry(double value, String unit, Boolean confirmed, String note) {
    Entry toEntry() {
      return new Entry(value, unit, confirmed == null || confirmed, note);
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final Map<Provider, CatalogFile> BUILT_IN = loadBuiltIn();

  private static final SortedSet<String> FIXED_KEYS = fixedKeys();

  private static final Map<String, String> UNITS = units();

  private final Provider provider;
  private final CatalogFile file;
  private final Map<String, Entry> entries;

  private PriceCatalog(Provider provider, CatalogFile file, Map<String, Entry> entries) {
    this.provider = provider;
    this.file = file;
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** The built-in catalogue of {@code provider}; for {@code custom} only the neutral billing rules. */
  public static PriceCatalog of(Provider provider) {
    CatalogFile file = BUILT_IN.get(provider);
    Map<String, Entry> entries = new TreeMap<>();
    file.entries().forEach((key, entry) -> entries.put(key, entry.toEntry()));
    return new PriceCatalog(provider, file, entries);
  }

  /** The catalogue {@code spec.cost} selects, with its overrides applied. */
  public static PriceCatalog forSpec(CostSpec cost) {
    PriceCatalog catalog = of(cost.provider);
    return cost.overrides == null ? catalog : catalog.withOverrides(cost.overrides);
  }

  /**
   * A copy whose entries {@code overrides} replaces or adds.
   *
   * @throws IllegalArgumentException naming every unknown key and listing the valid ones, or a negative price
   */
  public PriceCatalog withOverrides(Map<String, Double> overrides) {
    SortedSet<String> unknown = new TreeSet<>();
    overrides.forEach((key, value) -> {
      if (!isValidKey(key)) {
        unknown.add(key);
      } else if (value == null || value < 0 || value.isNaN() || value.isInfinite()) {
        throw new IllegalArgumentException("spec.cost.overrides['" + key + "'] must be a finite number of 0 or more, was " + value);
      }
    });
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown price keys in spec.cost.overrides: " + String.join(", ", unknown)
          + "; valid keys: " + String.join(", ", validKeys()));
    }
    Map<String, Entry> merged = new TreeMap<>(entries);
    overrides.forEach((key, value) -> {
      Entry replaced = entries.get(key);
      merged.put(key, new Entry(value, replaced == null ? unitOf(key) : replaced.unit(), true, "from spec.cost.overrides"));
    });
    return new PriceCatalog(provider, file, merged);
  }

  /** Every key a catalogue or override may hold, {@code vm.<instanceType>.hour} standing for all instance types. */
  public static SortedSet<String> validKeys() {
    SortedSet<String> keys = new TreeSet<>(FIXED_KEYS);
    keys.add("vm.<instanceType>.hour");
    return Collections.unmodifiableSortedSet(keys);
  }

  public static boolean isValidKey(String key) {
    return key != null && (FIXED_KEYS.contains(key) || PriceKeys.VM_HOUR.matcher(key).matches());
  }

  /**
   * The value of {@code key}.
   *
   * @throws MissingPriceException when neither the catalogue nor the overrides hold it
   */
  public double value(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      throw new MissingPriceException(key, provider);
    }
    return entry.value();
  }

  public boolean flag(String key) {
    return value(key) != 0;
  }

  public Map<String, Entry> entries() {
    return entries;
  }

  /** Keys whose figure is not confirmed, for the report to flag. */
  public SortedSet<String> unconfirmedKeys() {
    SortedSet<String> keys = new TreeSet<>();
    entries.forEach((key, entry) -> {
      if (!entry.confirmed()) {
        keys.add(key);
      }
    });
    return keys;
  }

  public Provider provider() {
    return provider;
  }

  public String region() {
    return file.region();
  }

  public String source() {
    return file.source();
  }

  public LocalDate retrievedAt() {
    return LocalDate.parse(file.retrievedAt());
  }

  /** The provider's product each target kind is priced as, keyed faas, container, vm, gateway. */
  public Map<String, String> services() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(file.services()));
  }

  private static Map<Provider, CatalogFile> loadBuiltIn() {
    Map<Provider, CatalogFile> catalogues = new EnumMap<>(Provider.class);
    for (Provider provider : Provider.values()) {
      String name = provider.name().toLowerCase();
      String resource = "/prices/" + name + ".yaml";
      try (InputStream in = PriceCatalog.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("price catalogue " + resource + " is missing from the classpath");
        }
        CatalogFile file = YAML.readValue(in, CatalogFile.class);
        if (!name.equals(file.provider())) {
          throw new IllegalStateException(resource + " declares provider '" + file.provider() + "'");
        }
        catalogues.put(provider, file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read price catalogue " + resource, e);
      }
    }
    return catalogues;
  }

  private static String unitOf(String key) {
    return PriceKeys.VM_HOUR.matcher(key).matches() ? "USD per instance-hour" : UNITS.get(key);
  }

  private static Map<String, String> units() {
    Map<String, String> units = new TreeMap<>();
    BUILT_IN.values().forEach(file -> file.entries().forEach((key, entry) -> units.putIfAbsent(key, entry.unit())));
    return units;
  }

  private static SortedSet<String> fixedKeys() {
    SortedSet<String> keys = new TreeSet<>();
    BUILT_IN.values().forEach(file -> file.entries().keySet().stream()
        .filter(key -> !PriceKeys.VM_HOUR.matcher(key).matches())
        .forEach(keys::add));
    return keys;
  }
}
