package dev.mlbench.functions.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A seeded random hold-out: {@code heldOutShare} of the ratings are kept away from training to measure the model. */
public record RatingsSplit(List<Rating> training, List<Rating> heldOut) {

    public static RatingsSplit of(List<Rating> ratings, double heldOutShare, long seed) {
        Random random = new Random(seed);
        List<Rating> training = new ArrayList<>();
        List<Rating> heldOut = new ArrayList<>();
        for (Rating rating : ratings) {
            (random.nextDouble() < heldOutShare ? heldOut : training).add(rating);
        }
        return new RatingsSplit(List.copyOf(training), List.copyOf(heldOut));
    }

    /** The standard split of {@link SyntheticRatings}: 10 % held out. */
    public static RatingsSplit standard() {
        return of(SyntheticRatings.generate(), 0.1, SyntheticRatings.SEED + 1);
    }
}
