package dev.mlbench.functions.sentiment;

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

/** Positive or negative, with the probability of that label, for each text of a batch. */
public final class SentimentModel implements InferenceModel {

    static final String HEAD_FILE = "sentiment-head.bin";
    static final int MAX_BATCH = 64;
    static final int MAX_CHARACTERS = 10_000;
    private static final int EMBEDDING_BATCH = 32;

    private final SentenceEncoder encoder;
    private final LogisticHead head;
    private final ModelMetadata metadata;

    SentimentModel(String name, SentenceEncoder encoder, LogisticHead head) {
        this.encoder = encoder;
        this.head = head;
        this.metadata = new ModelMetadata(name, "1", "onnxruntime",
                List.of(TensorSpec.required("text", Datatype.BYTES, TensorSpec.ANY_SIZE)),
                List.of(TensorSpec.required("label", Datatype.BYTES, TensorSpec.ANY_SIZE),
                        TensorSpec.required("probability", Datatype.FP32, TensorSpec.ANY_SIZE)));
    }

    static LogisticHead loadPackagedHead() throws IOException {
        try (InputStream resource = SentimentModel.class.getResourceAsStream("/model/" + HEAD_FILE)) {
            if (resource == null) {
                throw new IOException("model/" + HEAD_FILE + " is not on the class path; was the build's training step run?");
            }
            return LogisticHead.readFrom(new DataInputStream(new BufferedInputStream(resource)));
        }
    }

    /** Embeds any number of texts in encoder-sized batches. */
    static float[][] embedAll(SentenceEncoder encoder, List<String> texts) {
        float[][] embeddings = new float[texts.size()][];
        for (int start = 0; start < texts.size(); start += EMBEDDING_BATCH) {
            List<String> batch = texts.subList(start, Math.min(texts.size(), start + EMBEDDING_BATCH));
            float[][] embedded = encoder.embed(batch);
            System.arraycopy(embedded, 0, embeddings, start, embedded.length);
        }
        return embeddings;
    }

    @Override
    public ModelMetadata metadata() {
        return metadata;
    }

    @Override
    public List<Tensor> infer(InferenceRequest request) {
        String[] texts = request.input("text").orElseThrow().strings();
        if (texts.length > MAX_BATCH) {
            throw OipException.badRequest("a batch holds at most " + MAX_BATCH + " texts, got " + texts.length);
        }
        for (int i = 0; i < texts.length; i++) {
            if (texts[i].isBlank()) {
                throw OipException.badRequest("text #" + i + " is empty");
            }
            if (texts[i].length() > MAX_CHARACTERS) {
                throw OipException.badRequest("text #" + i + " has " + texts[i].length() + " characters; the limit is "
                        + MAX_CHARACTERS);
            }
        }
        float[][] embeddings = embedAll(encoder, Arrays.asList(texts));
        String[] labels = new String[texts.length];
        float[] probabilities = new float[texts.length];
        for (int i = 0; i < texts.length; i++) {
            float positive = head.probabilityPositive(embeddings[i]);
            labels[i] = positive >= 0.5f ? "positive" : "negative";
            probabilities[i] = positive >= 0.5f ? positive : 1 - positive;
        }
        long[] shape = {texts.length};
        return List.of(Tensor.bytes("label", shape, labels), Tensor.fp32("probability", shape, probabilities));
    }

    /** The probability that each text is positive; what held-out accuracy is measured on. */
    float[] probabilitiesPositive(List<String> texts) {
        float[][] embeddings = embedAll(encoder, texts);
        float[] probabilities = new float[texts.size()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = head.probabilityPositive(embeddings[i]);
        }
        return probabilities;
    }

    @Override
    public InferenceRequest sampleRequest() {
        return InferenceRequest.of(Tensor.bytes("text", new long[] {1},
                new String[] {"The service was quick and the food was absolutely delicious."}));
    }

    @Override
    public void close() {
        encoder.close();
    }
}
