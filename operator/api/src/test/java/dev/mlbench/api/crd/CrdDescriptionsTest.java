package dev.mlbench.api.crd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** {@code kubectl explain mlb.spec...} has something to say about every field. */
class CrdDescriptionsTest {

  @Test
  void everySpecAndStatusFieldHasADescription() throws IOException {
    JsonNode schema = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(CommittedCrdTest.COMMITTED))
        .at("/spec/versions/0/schema/openAPIV3Schema/properties");
    List<String> undocumented = new ArrayList<>();
    collect(schema.get("spec"), "spec", undocumented);
    collect(schema.get("status"), "status", undocumented);
    assertEquals(List.of(), undocumented, "fields without a description");
  }

  private static void collect(JsonNode schema, String path, List<String> undocumented) {
    JsonNode properties = schema.has("items") ? schema.get("items").get("properties") : schema.get("properties");
    if (properties == null) {
      return;
    }
    properties.fields().forEachRemaining(property -> {
      String child = path + "." + property.getKey();
      if (!property.getValue().hasNonNull("description") || property.getValue().get("description").asText().isBlank()) {
        undocumented.add(child);
      }
      collect(property.getValue(), child, undocumented);
    });
  }
}
