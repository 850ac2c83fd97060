package dev.mlbench.functions.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlbench.functions.server.model.ModelFactory;
import dev.mlbench.functions.server.testing.OipServerContract;
import dev.mlbench.functions.server.testing.OipTestClient;
import org.junit.jupiter.api.Test;

class SumModelServerTest extends OipServerContract {

    @Override
    protected ModelFactory modelFactory() {
        return new SumModelFactory();
    }

    @Override
    protected String validRequest() {
        return """
                {"inputs": [
                  {"name": "values", "datatype": "FP32", "shape": [2, 2], "data": [[1.5, 2], [3, -4]]},
                  {"name": "label", "datatype": "BYTES", "shape": [1], "data": ["ab"]},
                  {"name": "repeat", "datatype": "INT64", "shape": [1], "data": [2]}
                ]}""";
    }

    @Override
    protected void assertValidResponse(JsonNode response) {
        JsonNode sums = output(response, "row_sums");
        assertEquals("[2]", sums.get("shape").toString());
        assertEquals(3.5, sums.get("data").get(0).asDouble(), 1e-6);
        assertEquals(-1.0, sums.get("data").get(1).asDouble(), 1e-6);
        assertEquals("abab", output(response, "tag").get("data").get(0).asText());
    }

    @Test
    void leavesAnOptionalInputOut() {
        JsonNode response = infer("""
                {"inputs": [{"name": "values", "datatype": "FP32", "shape": [1, 2], "data": [1, 1]},
                            {"name": "label", "datatype": "BYTES", "shape": [1], "data": ["z"]}]}""");
        assertEquals("z", output(response, "tag").get("data").get(0).asText());
    }

    @Test
    void passesTheModelsOwnRefusalOnAsBadRequest() {
        OipTestClient.Reply reply = client().post(inferPath(), validRequest().replace("\"data\": [2]", "\"data\": [9]"));
        assertEquals(400, reply.status());
        assertEquals("repeat must be 1..3, was 9", reply.json().get("error").asText());
    }

    @Test
    void servesAVersionedPathOfItsOwnVersion() {
        assertEquals(200, client().post(inferPath().replace("/infer", "/versions/3/infer"), validRequest()).status());
        assertEquals(200, client().get("/v2/models/sum/versions/3").status());
    }
}
