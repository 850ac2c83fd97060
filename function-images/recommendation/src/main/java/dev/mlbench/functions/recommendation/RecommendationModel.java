package dev.mlbench.functions.recommendation;

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
import java.util.PriorityQueue;

/** Top-k items a user has not rated yet, by predicted stars. */
public final class RecommendationModel implements InferenceModel {

    static final String MODEL_FILE = "matrix-factorization.bin";
    static final int DEFAULT_K = 10;
    static final int MAX_K = 100;

    private final MatrixFactorization factorization;
    private final ModelMetadata metadata;

    RecommendationModel(String name, MatrixFactorization factorization) {
        this.factorization = factorization;
        this.metadata = new ModelMetadata(name, "1", "java-matrix-factorization",
                List.of(TensorSpec.required("user_id", Datatype.INT64, 1),
                        TensorSpec.optional("k", Datatype.INT64, 1)),
                List.of(TensorSpec.required("item_ids", Datatype.INT64, TensorSpec.ANY_SIZE),
                        TensorSpec.required("scores", Datatype.FP32, TensorSpec.ANY_SIZE)));
    }

    static RecommendationModel loadPackaged(String name) throws IOException {
        try (InputStream resource = RecommendationModel.class.getResourceAsStream("/model/" + MODEL_FILE)) {
            if (resource == null) {
                throw new IOException("model/" + MODEL_FILE + " is not on the class path; was the build's training step run?");
            }
            return new RecommendationModel(name, MatrixFactorization.readFrom(new DataInputStream(new BufferedInputStream(resource))));
        }
    }

    MatrixFactorization factorization() {
        return factorization;
    }

    @Override
    public ModelMetadata metadata() {
        return metadata;
    }

    @Override
    public List<Tensor> infer(InferenceRequest request) {
        long user = request.input("user_id").orElseThrow().longs()[0];
        long k = request.input("k").map(tensor -> tensor.longs()[0]).orElse((long) DEFAULT_K);
        if (user < 0 || user >= factorization.users()) {
            throw OipException.badRequest("user_id " + user + " is unknown; users are 0.." + (factorization.users() - 1));
        }
        if (k < 1 || k > MAX_K) {
            throw OipException.badRequest("k must be between 1 and " + MAX_K + ", was " + k);
        }
        return topK((int) user, (int) k);
    }

    private List<Tensor> topK(int user, int k) {
        int[] rated = factorization.ratedItems(user);
        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1);
        for (int item = 0; item < factorization.items(); item++) {
            if (Arrays.binarySearch(rated, item) < 0) {
                best.add(new Scored(item, factorization.predict(user, item)));
                if (best.size() > k) {
                    best.poll();
                }
            }
        }
        int count = best.size();
        long[] items = new long[count];
        float[] scores = new float[count];
        for (int i = count - 1; i >= 0; i--) {
            Scored scored = best.poll();
            items[i] = scored.item();
            scores[i] = scored.score();
        }
        return List.of(Tensor.int64("item_ids", new long[] {count}, items),
                Tensor.fp32("scores", new long[] {count}, scores));
    }

    @Override
    public InferenceRequest sampleRequest() {
        return InferenceRequest.of(Tensor.int64("user_id", new long[] {1}, new long[] {196}),
                Tensor.int64("k", new long[] {1}, new long[] {DEFAULT_K}));
    }

    /** Ordered so that the queue's head is the weakest of the kept items. */
    private record Scored(int item, float score) implements Comparable<Scored> {
        @Override
        public int compareTo(Scored other) {
            int byScore = Float.compare(score, other.score);
            return byScore != 0 ? byScore : Integer.compare(other.item, item);
        }
    }
}
