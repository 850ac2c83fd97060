package dev.mlbench.functions.timeseries;

import dev.mlbench.functions.server.model.InferenceModel;
import dev.mlbench.functions.server.oip.Datatype;
import dev.mlbench.functions.server.oip.InferenceRequest;
import dev.mlbench.functions.server.oip.ModelMetadata;
import dev.mlbench.functions.server.oip.OipException;
import dev.mlbench.functions.server.oip.Tensor;
import dev.mlbench.functions.server.oip.TensorSpec;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/** The next 1 to 12 monthly values after a window of the 24 latest ones. */
public final class TimeseriesModel implements InferenceModel {

    public static final String WEIGHTS_FILE = "co2-lstm.bin";

    private final LstmForecaster forecaster;
    private final ModelMetadata metadata;

    TimeseriesModel(String name, LstmForecaster forecaster) {
        this.forecaster = forecaster;
        this.metadata = new ModelMetadata(name, "1", "java-lstm",
                List.of(TensorSpec.required("window", Datatype.FP32, Co2Series.WINDOW),
                        TensorSpec.optional("horizon", Datatype.INT64, 1)),
                List.of(TensorSpec.required("forecast", Datatype.FP32, TensorSpec.ANY_SIZE)));
    }

    public static LstmForecaster loadPackagedForecaster() throws IOException {
        try (InputStream resource = TimeseriesModel.class.getResourceAsStream("/model/" + WEIGHTS_FILE)) {
            if (resource == null) {
                throw new IOException("model/" + WEIGHTS_FILE + " is not on the class path; was the build's training step run?");
            }
            return LstmForecaster.readFrom(new DataInputStream(new BufferedInputStream(resource)));
        }
    }

    @Override
    public ModelMetadata metadata() {
        return metadata;
    }

    @Override
    public List<Tensor> infer(InferenceRequest request) {
        float[] window = request.input("window").orElseThrow().floats();
        long horizon = request.input("horizon").map(tensor -> tensor.longs()[0]).orElse((long) forecaster.horizon());
        if (horizon < 1 || horizon > forecaster.horizon()) {
            throw OipException.badRequest("horizon must be between 1 and " + forecaster.horizon() + ", was " + horizon);
        }
        float[] forecast = Arrays.copyOf(forecaster.forecast(window), (int) horizon);
        return List.of(Tensor.fp32("forecast", new long[] {horizon}, forecast));
    }

    @Override
    public InferenceRequest sampleRequest() {
        return InferenceRequest.of(Tensor.fp32("window", new long[] {Co2Series.WINDOW}, forecaster.sampleWindow()));
    }
}
