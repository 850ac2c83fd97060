package dev.mlbench.functions.timeseries;

import dev.mlbench.functions.server.ServerConfig;
import dev.mlbench.functions.server.model.InferenceModel;
import dev.mlbench.functions.server.model.ModelFactory;
import java.io.IOException;

/** Serves the CO2 LSTM trained at build time. */
public final class TimeseriesModelFactory implements ModelFactory {

    @Override
    public String defaultModelName() {
        return "timeseries";
    }

    @Override
    public InferenceModel load(String modelName, ServerConfig config) throws IOException {
        return new TimeseriesModel(modelName, TimeseriesModel.loadPackagedForecaster());
    }
}
