package dev.mlbench.functions.image;

import static dev.mlbench.functions.image.TextLineImages.base64Png;
import static dev.mlbench.functions.image.TextLineImages.imageRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlbench.functions.server.model.ModelFactory;
import dev.mlbench.functions.server.testing.OipServerContract;
import dev.mlbench.functions.server.testing.OipTestClient;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OrientationServerTest extends OipServerContract {

    private static final String TEXT = "Quarterly report 2026";

    @Override
    protected ModelFactory modelFactory() {
        return new OcrModelFactory();
    }

    @Override
    protected String validRequest() {
        return imageRequest(base64Png(TEXT, false));
    }

    @Override
    protected void assertValidResponse(JsonNode response) {
        assertEquals("0", output(response, "label").get("data").get(0).asText(), response::toString);
        assertTrue(output(response, "probability").get("data").get(0).asDouble() > 0.9, response::toString);
    }

    @Test
    void tellsUprightFromRotatedTextInOneBatch() {
        JsonNode response = infer(imageRequest(base64Png("Invoice number 4711", true), base64Png("Invoice number 4711", false),
                base64Png("The quick brown fox", true)));
        JsonNode labels = output(response, "label").get("data");
        assertEquals("[\"180\",\"0\",\"180\"]", labels.toString(), response::toString);
        for (JsonNode probability : output(response, "probability").get("data")) {
            assertTrue(probability.asDouble() > 0.9, response::toString);
        }
    }

    @Test
    void acceptsThePreprocessedTensorAndAgreesWithTheImagePath() {
        TextLinePreprocessor preprocessor = new TextLinePreprocessor(OcrVariant.ORIENTATION.inputWidth());
        float[] pixels = new float[preprocessor.valuesPerImage()];
        preprocessor.write(TextLineRenderer.render(TEXT, true), pixels, 0);
        String data = Arrays.stream(box(pixels)).map(value -> Float.toString(value)).collect(Collectors.joining(","));
        JsonNode response = infer("""
                {"inputs": [{"name": "x", "datatype": "FP32", "shape": [1, 3, 48, %d], "data": [%s]}]}"""
                .formatted(preprocessor.width(), data));
        JsonNode fromImage = infer(imageRequest(base64Png(TEXT, true)));
        assertEquals("180", output(response, "label").get("data").get(0).asText());
        assertEquals(output(fromImage, "probability").get("data").get(0).asDouble(),
                output(response, "probability").get("data").get(0).asDouble(), 1e-4);
    }

    @Test
    void refusesAnImageThatIsNotAnImageAndAnAmbiguousRequest() {
        OipTestClient.Reply notAnImage = client().post(inferPath(), imageRequest("aGVsbG8gd29ybGQ="));
        assertEquals(400, notAnImage.status());
        assertTrue(notAnImage.body().contains("not a PNG or JPEG"), notAnImage::toString);
        OipTestClient.Reply notBase64 = client().post(inferPath(), imageRequest("%%%"));
        assertEquals(400, notBase64.status());
        assertTrue(notBase64.body().contains("not valid base64"), notBase64::toString);
        OipTestClient.Reply neither = client().post(inferPath(), "{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\","
                + " \"shape\": [1, 3, 48, 2], \"data\": " + Arrays.toString(new float[288]) + "}]}");
        assertEquals(400, neither.status());
        assertTrue(neither.body().contains("width 2"), neither::toString);
    }

    private static Float[] box(float[] values) {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
