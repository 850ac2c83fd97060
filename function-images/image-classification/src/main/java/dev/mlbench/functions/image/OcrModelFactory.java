package dev.mlbench.functions.image;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mlbench.functions.server.ServerConfig;
import dev.mlbench.functions.server.model.InferenceModel;
import dev.mlbench.functions.server.model.ModelFactory;
import dev.mlbench.functions.server.model.PackagedNatives;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the {@code MODEL_VARIANT} CNN (default {@code orientation}) from the model files packaged at build time. */
public final class OcrModelFactory implements ModelFactory {

    private static final String DICTIONARY = "ppocr_keys_v1.txt";

    @Override
    public String defaultModelName() {
        return "image-classification";
    }

    @Override
    public InferenceModel load(String modelName, ServerConfig config) throws IOException, OrtException {
        OcrVariant variant = config.modelVariant().map(OcrVariant::fromName).orElse(OcrVariant.ORIENTATION);
        PackagedNatives.directoryWith("libonnxruntime.so")
                .ifPresent(directory -> PackagedNatives.setUnlessChosen("onnxruntime.native.path", directory.toString()));
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(config.inferenceThreads());
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(packaged(variant.modelFile()), options);
            CtcTextDecoder textDecoder = variant == OcrVariant.TEXT_RECOGNITION
                    ? new CtcTextDecoder(List.of(new String(packaged(DICTIONARY), StandardCharsets.UTF_8).split("\n")))
                    : null;
            return new OcrModel(modelName, variant, environment, session, textDecoder, packaged(OcrModel.SAMPLE_IMAGE));
        }
    }

    static byte[] packaged(String file) throws IOException {
        try (InputStream resource = OcrModelFactory.class.getResourceAsStream("/model/" + file)) {
            if (resource == null) {
                throw new IOException("model/" + file + " is not on the class path; was the build's fetch step run?");
            }
            return resource.readAllBytes();
        }
    }
}
