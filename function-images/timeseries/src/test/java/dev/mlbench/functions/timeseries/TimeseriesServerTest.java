package dev.mlbench.functions.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlbench.functions.server.model.ModelFactory;
import dev.mlbench.functions.server.testing.OipServerContract;
import dev.mlbench.functions.server.testing.OipTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TimeseriesServerTest extends OipServerContract {

    @Override
    protected ModelFactory modelFactory() {
        return new TimeseriesModelFactory();
    }

    @Override
    protected String validRequest() {
        return request(sampleWindow(), 6);
    }

    private static String request(float[] window, int horizon) {
        return """
                {"inputs": [{"name": "window", "datatype": "FP32", "shape": [24], "data": %s},
                            {"name": "horizon", "datatype": "INT64", "shape": [1], "data": [%d]}]}"""
                .formatted(Arrays.toString(window), horizon);
    }

    @Override
    protected void assertValidResponse(JsonNode response) {
        JsonNode forecast = output(response, "forecast");
        assertEquals("[6]", forecast.get("shape").toString());
        float[] expected = Arrays.copyOf(packagedForecaster().forecast(sampleWindow()), 6);
        for (int h = 0; h < 6; h++) {
            assertEquals(expected[h], forecast.get("data").get(h).asDouble(), 1e-4);
        }
    }

    @Test
    void forecastsTwelveMonthsByDefaultNearTheLatestLevel() {
        float[] window = sampleWindow();
        JsonNode response = infer("""
                {"inputs": [{"name": "window", "datatype": "FP32", "shape": [24], "data": %s}]}"""
                .formatted(Arrays.toString(window)));
        JsonNode forecast = output(response, "forecast");
        assertEquals("[12]", forecast.get("shape").toString());
        for (JsonNode value : forecast.get("data")) {
            assertTrue(Math.abs(value.asDouble() - window[window.length - 1]) < 8, response::toString);
        }
    }

    @Test
    void refusesAHorizonBeyondTwelveMonths() {
        OipTestClient.Reply reply = client().post(inferPath(), request(sampleWindow(), 13));
        assertEquals(400, reply.status());
        assertTrue(reply.body().contains("horizon must be between 1 and 12"), reply::toString);
    }

    private static float[] sampleWindow() {
        return packagedForecaster().sampleWindow();
    }

    private static LstmForecaster packagedForecaster() {
        try {
            return TimeseriesModel.loadPackagedForecaster();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
