package dev.mlbench.functions.recommendation;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Build step: trains the recommender on the standard synthetic split and writes it for packaging. */
public final class RecommenderTrainingMain {

    private RecommenderTrainingMain() {
    }

    public static void main(String[] args) throws IOException {
        Path modelDir = Path.of(args[0]);
        long started = System.nanoTime();
        RatingsSplit split = RatingsSplit.standard();
        MatrixFactorization model = MatrixFactorizationTrainer.standard()
                .train(split.training(), SyntheticRatings.USERS, SyntheticRatings.ITEMS);
        Files.createDirectories(modelDir);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(modelDir.resolve(RecommendationModel.MODEL_FILE))))) {
            model.writeTo(out);
        }
        System.out.printf(Locale.ROOT, "trained matrix factorisation K=%d on %d ratings in %.1f s; held-out RMSE %.4f%n",
                model.factors(), split.training().size(), (System.nanoTime() - started) / 1e9, model.rmse(split.heldOut()));
    }
}
