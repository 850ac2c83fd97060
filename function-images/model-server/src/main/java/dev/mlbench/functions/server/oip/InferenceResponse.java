package dev.mlbench.functions.server.oip;

import java.util.List;
import java.util.Optional;

/** The body of a successful inference. */
public record InferenceResponse(String modelName, String modelVersion, Optional<String> id, List<Tensor> outputs) {

    public InferenceResponse {
        outputs = List.copyOf(outputs);
    }
}
