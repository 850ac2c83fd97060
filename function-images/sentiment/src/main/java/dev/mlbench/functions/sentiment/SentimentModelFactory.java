package dev.mlbench.functions.sentiment;

import dev.mlbench.functions.server.ServerConfig;
import dev.mlbench.functions.server.model.InferenceModel;
import dev.mlbench.functions.server.model.ModelFactory;
import dev.mlbench.functions.server.model.PackagedNatives;
import java.nio.file.Path;

/** Serves the MiniLM encoder with the logistic head trained at build time. */
public final class SentimentModelFactory implements ModelFactory {

    private static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";

    @Override
    public String defaultModelName() {
        return "sentiment";
    }

    @Override
    public InferenceModel load(String modelName, ServerConfig config) throws Exception {
        keepTokenizerNativesUnder(config.tempDir());
        PackagedNatives.directoryWith("libonnxruntime.so")
                .ifPresent(directory -> PackagedNatives.setUnlessChosen("onnxruntime.native.path", directory.toString()));
        PackagedNatives.directoryWith("libtokenizers.so").ifPresent(directory ->
                PackagedNatives.setUnlessChosen("RUST_LIBRARY_PATH", directory.resolve("libtokenizers.so").toString()));
        LogisticHead head = SentimentModel.loadPackagedHead();
        return new SentimentModel(modelName, SentenceEncoder.load(config.inferenceThreads()), head);
    }

    /** The tokenizer unpacks its native library into DJL's cache, by default under HOME; keep it in the temp dir. */
    private static void keepTokenizerNativesUnder(Path tempDir) {
        if (System.getenv(DJL_CACHE_DIR) == null && System.getProperty(DJL_CACHE_DIR) == null) {
            System.setProperty(DJL_CACHE_DIR, tempDir.resolve("djl").toString());
        }
    }
}
