package dev.mlbench.functions.server;

import dev.mlbench.functions.server.model.InferenceModel;
import dev.mlbench.functions.server.model.ModelFactory;
import dev.mlbench.functions.server.oip.Datatype;
import dev.mlbench.functions.server.oip.InferenceRequest;
import dev.mlbench.functions.server.oip.ModelMetadata;
import dev.mlbench.functions.server.oip.OipException;
import dev.mlbench.functions.server.oip.Tensor;
import dev.mlbench.functions.server.oip.TensorSpec;
import java.util.List;

/** A small arithmetic model that exercises every datatype and an optional input, to test the runtime alone. */
final class SumModelFactory implements ModelFactory {

    @Override
    public String defaultModelName() {
        return "sum";
    }

    @Override
    public InferenceModel load(String modelName, ServerConfig config) {
        ModelMetadata metadata = new ModelMetadata(modelName, "3", "java", List.of(
                TensorSpec.required("values", Datatype.FP32, TensorSpec.ANY_SIZE, 2),
                TensorSpec.required("label", Datatype.BYTES, 1),
                TensorSpec.optional("repeat", Datatype.INT64, 1)),
                List.of(TensorSpec.required("row_sums", Datatype.FP32, TensorSpec.ANY_SIZE),
                        TensorSpec.required("tag", Datatype.BYTES, 1)));
        return new InferenceModel() {
            @Override
            public ModelMetadata metadata() {
                return metadata;
            }

            @Override
            public List<Tensor> infer(InferenceRequest request) {
                float[] values = request.input("values").orElseThrow().floats();
                long repeat = request.input("repeat").map(tensor -> tensor.longs()[0]).orElse(1L);
                if (repeat < 1 || repeat > 3) {
                    throw OipException.badRequest("repeat must be 1..3, was " + repeat);
                }
                float[] rowSums = new float[values.length / 2];
                for (int row = 0; row < rowSums.length; row++) {
                    rowSums[row] = values[2 * row] + values[2 * row + 1];
                }
                String tag = request.input("label").orElseThrow().strings()[0].repeat((int) repeat);
                return List.of(Tensor.fp32("row_sums", new long[] {rowSums.length}, rowSums),
                        Tensor.bytes("tag", new long[] {1}, new String[] {tag}));
            }

            @Override
            public InferenceRequest sampleRequest() {
                return InferenceRequest.of(Tensor.fp32("values", new long[] {1, 2}, new float[] {1, 2}),
                        Tensor.bytes("label", new long[] {1}, new String[] {"x"}));
            }
        };
    }
}
