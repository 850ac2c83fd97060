package dev.mlbench.functions.server.oip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A decoded {@code POST /v2/models/{m}/infer} body. An empty {@code requestedOutputs} means "all outputs". */
public record InferenceRequest(Optional<String> id, Map<String, Tensor> inputs, List<String> requestedOutputs) {

    public InferenceRequest {
        inputs = new LinkedHashMap<>(inputs);
        requestedOutputs = List.copyOf(requestedOutputs);
    }

    public static InferenceRequest of(Tensor... tensors) {
        Map<String, Tensor> byName = new LinkedHashMap<>();
        for (Tensor tensor : tensors) {
            byName.put(tensor.name(), tensor);
        }
        return new InferenceRequest(Optional.empty(), byName, List.of());
    }

    public Optional<Tensor> input(String name) {
        return Optional.ofNullable(inputs.get(name));
    }
}
