package dev.mlbench.api.crd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import dev.mlbench.api.v1alpha1.MLBenchmark;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;

/**
 * The CRD under crds/ is what the code generates: the build fails on drift. To refresh it after changing the
 * API, run {@code ./mvnw -pl operator/api verify -Dmlbench.updateCrd=true}.
 */
class CommittedCrdTest {

  static final String FILE = "mlbenchmarks.mlbench.dev-v1.yml";
  static final Path GENERATED = Path.of("target/classes/META-INF/fabric8", FILE);
  static final Path COMMITTED = Path.of("../../crds", FILE);
  static final String HEADER = "# Generated from operator/api by the Fabric8 CRD generator. Do not edit: change the API and run\n"
      + "# ./mvnw -pl operator/api verify -Dmlbench.updateCrd=true\n";

  @Test
  void committedCrdEqualsTheGeneratedOne() throws IOException {
    String expected = render(Files.readString(GENERATED));
    if (Boolean.getBoolean("mlbench.updateCrd")) {
      Files.writeString(COMMITTED, expected);
    }
    assertTrue(Files.exists(COMMITTED), COMMITTED + " is missing; run with -Dmlbench.updateCrd=true to create it");
    assertEquals(expected, Files.readString(COMMITTED),
        "crds/" + FILE + " differs from what operator/api generates; run "
            + "./mvnw -pl operator/api verify -Dmlbench.updateCrd=true and commit the result");
  }

  @Test
  void printerColumnsAreShownInTheOrderTheyAreDeclared() throws IOException {
    JsonNode columns = yaml().readTree(Files.readString(COMMITTED)).at("/spec/versions/0/additionalPrinterColumns");
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.get("name").asText()));
    assertEquals(List.of("Phase", "Models", "Fastest", "Cheapest", "Age"), names);
  }

  /** The generator sorts printer columns by JSON path; kubectl shows them in list order, so declare order wins. */
  static String render(String generated) throws IOException {
    ObjectMapper yaml = yaml();
    ObjectNode crd = (ObjectNode) yaml.readTree(generated);
    List<String> declared = Arrays.stream(MLBenchmark.class.getAnnotationsByType(AdditionalPrinterColumn.class))
        .map(AdditionalPrinterColumn::name)
        .toList();
    for (JsonNode version : crd.at("/spec/versions")) {
      ArrayNode columns = (ArrayNode) version.get("additionalPrinterColumns");
      List<JsonNode> sorted = new ArrayList<>();
      columns.forEach(sorted::add);
      sorted.sort((a, b) -> Integer.compare(declared.indexOf(a.get("name").asText()),
          declared.indexOf(b.get("name").asText())));
      columns.removeAll();
      columns.addAll(sorted);
    }
    return HEADER + yaml.writeValueAsString(crd);
  }

  private static ObjectMapper yaml() {
    return new ObjectMapper(new YAMLFactory()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
  }
}
