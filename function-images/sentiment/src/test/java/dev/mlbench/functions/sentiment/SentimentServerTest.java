package dev.mlbench.functions.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlbench.functions.server.model.ModelFactory;
import dev.mlbench.functions.server.testing.OipServerContract;
import dev.mlbench.functions.server.testing.OipTestClient;
import org.junit.jupiter.api.Test;

class SentimentServerTest extends OipServerContract {

    @Override
    protected ModelFactory modelFactory() {
        return new SentimentModelFactory();
    }

    @Override
    protected String validRequest() {
        return textRequest("This was the worst meal I have ever had; cold, bland and overpriced.",
                "Absolutely loved it, the staff were wonderful and I will definitely come back!");
    }

    @Override
    protected void assertValidResponse(JsonNode response) {
        assertEquals("[\"negative\",\"positive\"]", output(response, "label").get("data").toString(), response::toString);
        for (JsonNode probability : output(response, "probability").get("data")) {
            assertTrue(probability.asDouble() > 0.8, response::toString);
        }
    }

    @Test
    void readsClearlyNegativeAndPositiveProductReviews() {
        JsonNode response = infer(textRequest("The battery died after two days and support never answered. Useless.",
                "Great phone: sharp screen, long battery life, and it arrived a day early."));
        assertEquals("[\"negative\",\"positive\"]", output(response, "label").get("data").toString(), response::toString);
    }

    @Test
    void refusesAnEmptyText() {
        OipTestClient.Reply reply = client().post(inferPath(), textRequest("fine", "   "));
        assertEquals(400, reply.status());
        assertTrue(reply.body().contains("text #1 is empty"), reply::toString);
    }

    private static String textRequest(String... texts) {
        return OipTestClient.toJson(java.util.Map.of("inputs", java.util.List.of(java.util.Map.of(
                "name", "text", "datatype", "BYTES", "shape", java.util.List.of(texts.length), "data", texts))));
    }
}
