package dev.mlbench.functions.server.oip;

import java.util.List;
import java.util.Optional;

/** OIP model metadata: what {@code GET /v2/models/{m}} returns and what an inference request is checked against. */
public record ModelMetadata(String name, String version, String platform, List<TensorSpec> inputs,
                            List<TensorSpec> outputs) {

    public ModelMetadata {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public Optional<TensorSpec> input(String inputName) {
        return inputs.stream().filter(spec -> spec.name().equals(inputName)).findFirst();
    }

    public boolean hasOutput(String outputName) {
        return outputs.stream().anyMatch(spec -> spec.name().equals(outputName));
    }
}
