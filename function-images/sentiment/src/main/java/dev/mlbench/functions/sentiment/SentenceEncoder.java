package dev.mlbench.functions.sentiment;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sentence embeddings from the int8 all-MiniLM-L6-v2 encoder: WordPiece tokens, the transformer's last hidden
 * state mean-pooled over real tokens, L2-normalised (as sentence-transformers does for this model).
 */
public final class SentenceEncoder implements AutoCloseable {

    public static final int DIMENSIONS = 384;
    static final int MAX_TOKENS = 256;
    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    private SentenceEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
    }

    /** Loads encoder and tokenizer from the model jar on the class path, the two in parallel to shorten the cold start. */
    public static SentenceEncoder load(int threads) throws IOException, OrtException {
        CompletableFuture<HuggingFaceTokenizer> tokenizer = CompletableFuture.supplyAsync(SentenceEncoder::loadTokenizer);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            session = environment.createSession(resource(MODEL_RESOURCE), options);
        }
        try {
            return new SentenceEncoder(environment, session, tokenizer.join());
        } catch (CompletionException e) {
            session.close();
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    private static HuggingFaceTokenizer loadTokenizer() {
        try (InputStream json = SentenceEncoder.class.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (json == null) {
                throw new IOException(TOKENIZER_RESOURCE + " is not on the class path");
            }
            return HuggingFaceTokenizer.newInstance(json, Map.of("truncation", "true", "padding", "false",
                    "maxLength", Integer.toString(MAX_TOKENS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public float[][] embed(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int longest = 0;
        for (Encoding encoding : encodings) {
            longest = Math.max(longest, encoding.getIds().length);
        }
        long[] ids = new long[texts.size() * longest];
        long[] mask = new long[ids.length];
        long[] types = new long[ids.length];
        for (int row = 0; row < encodings.length; row++) {
            long[] rowIds = encodings[row].getIds();
            System.arraycopy(rowIds, 0, ids, row * longest, rowIds.length);
            System.arraycopy(encodings[row].getAttentionMask(), 0, mask, row * longest, rowIds.length);
            System.arraycopy(encodings[row].getTypeIds(), 0, types, row * longest, rowIds.length);
        }
        long[] shape = {texts.size(), longest};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor,
                     "token_type_ids", typeTensor))) {
            return meanPool((float[][][]) result.get(0).getValue(), mask, longest);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    private static float[][] meanPool(float[][][] hidden, long[] mask, int longest) {
        float[][] pooled = new float[hidden.length][DIMENSIONS];
        for (int row = 0; row < hidden.length; row++) {
            int tokens = 0;
            for (int t = 0; t < longest; t++) {
                if (mask[row * longest + t] == 1) {
                    tokens++;
                    for (int d = 0; d < DIMENSIONS; d++) {
                        pooled[row][d] += hidden[row][t][d];
                    }
                }
            }
            double norm = 0;
            for (int d = 0; d < DIMENSIONS; d++) {
                pooled[row][d] /= tokens;
                norm += pooled[row][d] * pooled[row][d];
            }
            float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
            for (int d = 0; d < DIMENSIONS; d++) {
                pooled[row][d] *= scale;
            }
        }
        return pooled;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SentenceEncoder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
