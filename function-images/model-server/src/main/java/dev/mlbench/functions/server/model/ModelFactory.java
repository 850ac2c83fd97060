package dev.mlbench.functions.server.model;

import dev.mlbench.functions.server.ServerConfig;

/** Loads a workload's model; each workload jar registers exactly one as a {@link java.util.ServiceLoader} service. */
public interface ModelFactory {

    /** The model name served when {@code MODEL_NAME} is not set. */
    String defaultModelName();

    /** Loads the model, to be served as {@code modelName}, with the variant and temp dir {@code config} names. */
    InferenceModel load(String modelName, ServerConfig config) throws Exception;
}
