package dev.mlbench.functions.image;

import static dev.mlbench.functions.image.TextLineImages.base64Png;
import static dev.mlbench.functions.image.TextLineImages.imageRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlbench.functions.server.model.ModelFactory;
import dev.mlbench.functions.server.testing.OipServerContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bigger-model variant: the PP-OCRv4 recogniser, selected by MODEL_VARIANT. */
class TextRecognitionServerTest extends OipServerContract {

    @Override
    protected ModelFactory modelFactory() {
        return new OcrModelFactory();
    }

    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("MODEL_VARIANT", "text-recognition");
    }

    @Override
    protected String validRequest() {
        return imageRequest(base64Png("Serverless inference on Kubernetes", false));
    }

    @Override
    protected void assertValidResponse(JsonNode response) {
        assertEquals("Serverless inference on Kubernetes", output(response, "label").get("data").get(0).asText(), response::toString);
        assertTrue(output(response, "probability").get("data").get(0).asDouble() > 0.8, response::toString);
    }

    @Test
    void readsDigitsAndPunctuation() {
        JsonNode response = infer(imageRequest(base64Png("Total: 42.50 EUR", false)));
        assertEquals("Total: 42.50 EUR", output(response, "label").get("data").get(0).asText(), response::toString);
    }

    @Test
    void reportsItsVariantAsTheModelVersion() {
        assertEquals("pp-ocrv4-rec", infer(validRequest()).get("model_version").asText());
    }
}
