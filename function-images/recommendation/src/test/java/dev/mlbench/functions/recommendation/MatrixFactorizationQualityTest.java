package dev.mlbench.functions.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixFactorizationQualityTest {

    @Test
    void syntheticSetHasMovieLens100kShape() {
        List<Rating> ratings = SyntheticRatings.generate();
        assertEquals(SyntheticRatings.RATINGS, ratings.size());
        assertEquals(SyntheticRatings.USERS, ratings.stream().mapToInt(Rating::user).distinct().count());
        long[] perItem = new long[SyntheticRatings.ITEMS];
        ratings.forEach(rating -> perItem[rating.item()]++);
        long topTenPercent = java.util.Arrays.stream(perItem).boxed().sorted(java.util.Comparator.reverseOrder())
                .limit(SyntheticRatings.ITEMS / 10).mapToLong(Long::longValue).sum();
        assertTrue(topTenPercent > 0.3 * ratings.size(), "popularity skew: top 10 % items hold " + topTenPercent);
    }

    @Test
    void packagedModelBeatsTheGlobalMeanOnHeldOutRatings() throws IOException {
        RatingsSplit split = RatingsSplit.standard();
        MatrixFactorization model = RecommendationModel.loadPackaged("recommendation").factorization();
        double mean = split.training().stream().mapToDouble(Rating::stars).average().orElseThrow();
        double baseline = Math.sqrt(split.heldOut().stream()
                .mapToDouble(rating -> (rating.stars() - mean) * (rating.stars() - mean)).average().orElseThrow());
        double rmse = model.rmse(split.heldOut());
        System.out.printf(java.util.Locale.ROOT, "held-out RMSE: matrix factorisation %.4f, global mean %.4f%n", rmse, baseline);
        assertTrue(rmse < 0.9 * baseline, "RMSE " + rmse + " against global-mean baseline " + baseline);
    }
}
