package dev.mlbench.loadgen.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Whether a response body is an OIP v2 inference response: a JSON object with an {@code outputs} array. */
public final class OipResponseCheck {

  private static final JsonFactory JSON = new JsonFactory();

  private OipResponseCheck() {
  }

  public static boolean isInferenceResponse(byte[] body, int offset, int length) {
    try (JsonParser parser = JSON.createParser(body, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      boolean outputs = false;
      for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("outputs".equals(field)) {
          outputs = value == JsonToken.START_ARRAY;
        }
        parser.skipChildren();
      }
      return outputs && parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
