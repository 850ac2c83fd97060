package dev.mlbench.functions.server.model;

import dev.mlbench.functions.server.oip.InferenceRequest;
import dev.mlbench.functions.server.oip.ModelMetadata;
import dev.mlbench.functions.server.oip.Tensor;
import java.util.List;

/**
 * A loaded model. {@link #infer} receives a request already checked against {@link #metadata()}, may be
 * called from several threads at once, and throws {@link dev.mlbench.functions.server.oip.OipException}
 * for inputs that are well-formed but unusable (an undecodable image, say).
 */
public interface InferenceModel extends AutoCloseable {

    ModelMetadata metadata();

    List<Tensor> infer(InferenceRequest request);

    /** A realistic request, used for the warm-up inference that gates readiness and by the benchmark. */
    InferenceRequest sampleRequest();

    @Override
    default void close() {
    }
}
