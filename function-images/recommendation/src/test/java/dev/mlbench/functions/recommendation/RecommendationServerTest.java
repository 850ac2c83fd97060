package dev.mlbench.functions.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlbench.functions.server.model.ModelFactory;
import dev.mlbench.functions.server.testing.OipServerContract;
import dev.mlbench.functions.server.testing.OipTestClient;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecommendationServerTest extends OipServerContract {

    private static final int USER = 17;

    @Override
    protected ModelFactory modelFactory() {
        return new RecommendationModelFactory();
    }

    @Override
    protected String validRequest() {
        return request(USER, 5);
    }

    private static String request(long user, long k) {
        return """
                {"inputs": [{"name": "user_id", "datatype": "INT64", "shape": [1], "data": [%d]},
                            {"name": "k", "datatype": "INT64", "shape": [1], "data": [%d]}]}""".formatted(user, k);
    }

    @Override
    protected void assertValidResponse(JsonNode response) {
        JsonNode items = output(response, "item_ids");
        JsonNode scores = output(response, "scores");
        assertEquals("[5]", items.get("shape").toString());
        assertEquals("[5]", scores.get("shape").toString());
        int[] rated = packagedModel().ratedItems(USER);
        for (int i = 0; i < 5; i++) {
            assertTrue(Arrays.binarySearch(rated, items.get("data").get(i).asInt()) < 0, "recommended an item the user rated");
            if (i > 0) {
                assertTrue(scores.get("data").get(i - 1).asDouble() >= scores.get("data").get(i).asDouble(), "scores descend");
            }
        }
    }

    @Test
    void recommendsTheTopScoredUnratedItemsInOrder() {
        MatrixFactorization model = packagedModel();
        JsonNode response = infer(request(USER, 3));
        int[] rated = model.ratedItems(USER);
        float thirdBest = (float) output(response, "scores").get("data").get(2).asDouble();
        long betterUnratedItems = java.util.stream.IntStream.range(0, model.items())
                .filter(item -> Arrays.binarySearch(rated, item) < 0)
                .filter(item -> model.predict(USER, item) > thirdBest)
                .count();
        assertEquals(2, betterUnratedItems, "exactly the two items above the third are better");
        int first = output(response, "item_ids").get("data").get(0).asInt();
        assertEquals(model.predict(USER, first), output(response, "scores").get("data").get(0).asDouble(), 1e-5);
    }

    @Test
    void defaultsToTenItemsWithoutK() {
        JsonNode response = infer("""
                {"inputs": [{"name": "user_id", "datatype": "INT64", "shape": [1], "data": [3]}]}""");
        assertEquals("[10]", output(response, "item_ids").get("shape").toString());
    }

    @Test
    void refusesAnUnknownUserAndAnOutOfRangeK() {
        OipTestClient.Reply unknownUser = client().post(inferPath(), request(SyntheticRatings.USERS, 5));
        assertEquals(400, unknownUser.status());
        assertTrue(unknownUser.body().contains("user_id 943 is unknown"), unknownUser::toString);
        OipTestClient.Reply hugeK = client().post(inferPath(), request(1, 1000));
        assertEquals(400, hugeK.status());
        assertTrue(hugeK.body().contains("k must be between 1 and 100"), hugeK::toString);
    }

    private static MatrixFactorization packagedModel() {
        try {
            return RecommendationModel.loadPackaged("recommendation").factorization();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
