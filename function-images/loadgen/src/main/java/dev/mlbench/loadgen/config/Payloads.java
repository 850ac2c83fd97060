package dev.mlbench.loadgen.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OIP v2 inference request body: a workload's bundled sample ({@code payloads/<workload>.json}), a
 * user file, or inline JSON. Every body is checked to be an OIP request with at least one input.
 */
public final class Payloads {

  public static final List<String> WORKLOADS = List.of("image-classification", "sentiment", "timeseries", "recommendation");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Payloads() {
  }

  /**
   * @param payload a bundled workload name or the path of a JSON file
   * @param inlineJson the body itself; wins over {@code payload} when both are given
   */
  public static byte[] resolve(String payload, String inlineJson) {
    if (inlineJson != null && !inlineJson.isBlank()) {
      return checked(inlineJson.getBytes(StandardCharsets.UTF_8), "inline payload");
    }
    if (payload == null || payload.isBlank()) {
      throw new ConfigurationException("no payload: give a workload (" + String.join(", ", WORKLOADS) + "), a JSON file or inline JSON");
    }
    if (WORKLOADS.contains(payload)) {
      return checked(bundled(payload), "sample payload " + payload);
    }
    Path file = Path.of(payload);
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException("payload '" + payload + "' is neither a workload (" + String.join(", ", WORKLOADS) + ") nor a readable file");
    }
    try {
      return checked(Files.readAllBytes(file), "payload file " + file);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read payload file " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] bundled(String workload) {
    try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + workload + ".json")) {
      if (in == null) {
        throw new IllegalStateException("sample payload of " + workload + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the sample payload of " + workload, e);
    }
  }

  private static byte[] checked(byte[] body, String what) {
    JsonNode request;
    try {
      request = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ConfigurationException(what + " is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + what + ": " + e.getMessage(), e);
    }
    if (request == null || !request.path("inputs").isArray() || request.path("inputs").isEmpty()) {
      throw new ConfigurationException(what + " is not an OIP v2 inference request: it needs a non-empty \"inputs\" array");
    }
    return body;
  }
}
