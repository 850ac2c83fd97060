package dev.mlbench.loadgen.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The bundled samples carry the inputs the project's model servers declare in their metadata. */
class PayloadsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void sentimentSendsOneText() throws IOException {
    JsonNode input = onlyInput("sentiment", "text", "BYTES");
    assertEquals(1, input.path("data").size());
  }

  @Test
  void timeseriesSendsAWindowOf24Values() throws IOException {
    JsonNode input = onlyInput("timeseries", "window", "FP32");
    assertEquals(24, input.path("data").size());
    assertEquals(List.of(24), MAPPER.convertValue(input.path("shape"), List.class));
  }

  @Test
  void recommendationSendsAUserAndK() throws IOException {
    JsonNode request = MAPPER.readTree(Payloads.resolve("recommendation", null));
    assertEquals("user_id", request.path("inputs").get(0).path("name").asText());
    assertEquals("INT64", request.path("inputs").get(0).path("datatype").asText());
    assertEquals("k", request.path("inputs").get(1).path("name").asText());
  }

  @Test
  void imageClassificationSendsABase64Png() throws IOException {
    JsonNode input = onlyInput("image-classification", "image", "BYTES");
    byte[] png = Base64.getDecoder().decode(input.path("data").get(0).asText());
    assertEquals(48, ImageIO.read(new ByteArrayInputStream(png)).getHeight());
  }

  @Test
  void inlineJsonWinsAndAFileIsRead(@TempDir Path dir) throws IOException {
    String body = "{\"inputs\":[{\"name\":\"a\",\"shape\":[1],\"datatype\":\"INT64\",\"data\":[1]}]}";
    Path file = Files.writeString(dir.resolve("request.json"), body);
    assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), Payloads.resolve(file.toString(), null));
    assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), Payloads.resolve("sentiment", body));
    assertThrows(ConfigurationException.class, () -> Payloads.resolve(null, null));
    assertThrows(ConfigurationException.class, () -> Payloads.resolve(Files.writeString(dir.resolve("bad.json"), "{").toString(), null));
  }

  private static JsonNode onlyInput(String workload, String name, String datatype) throws IOException {
    JsonNode inputs = MAPPER.readTree(Payloads.resolve(workload, null)).path("inputs");
    assertEquals(1, inputs.size());
    assertEquals(name, inputs.get(0).path("name").asText());
    assertEquals(datatype, inputs.get(0).path("datatype").asText());
    return inputs.get(0);
  }
}
