package dev.mlbench.functions.recommendation;

import dev.mlbench.functions.server.ServerConfig;
import dev.mlbench.functions.server.model.InferenceModel;
import dev.mlbench.functions.server.model.ModelFactory;
import java.io.IOException;

/** Serves the matrix factorisation trained at build time. */
public final class RecommendationModelFactory implements ModelFactory {

    @Override
    public String defaultModelName() {
        return "recommendation";
    }

    @Override
    public InferenceModel load(String modelName, ServerConfig config) throws IOException {
        return RecommendationModel.loadPackaged(modelName);
    }
}
