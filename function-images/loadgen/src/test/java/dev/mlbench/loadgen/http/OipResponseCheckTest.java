package dev.mlbench.loadgen.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class OipResponseCheckTest {

  @Test
  void acceptsOnlyAnObjectWithAnOutputsArray() {
    assertTrue(valid("{\"model_name\":\"m\",\"id\":\"1\",\"parameters\":{\"a\":[1,{\"b\":2}]},\"outputs\":[{\"name\":\"y\",\"data\":[1]}]}"));
    assertTrue(valid("{\"outputs\":[]}"));
    assertFalse(valid("{\"error\":\"model not ready\"}"));
    assertFalse(valid("{\"outputs\":{\"y\":1}}"));
    assertFalse(valid("[{\"outputs\":[]}]"));
    assertFalse(valid("{\"outputs\":[]"));
    assertFalse(valid("{\"outputs\":[]} trailing"));
    assertFalse(valid(""));
  }

  private static boolean valid(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return OipResponseCheck.isInferenceResponse(bytes, 0, bytes.length);
  }
}
