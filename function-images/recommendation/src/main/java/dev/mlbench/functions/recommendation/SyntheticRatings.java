package dev.mlbench.functions.recommendation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded, synthetic stand-in for MovieLens-100k (no real ratings set of that kind can be fetched here): the
 * same counts (943 users, 1,682 items, 100,000 ratings, at least 20 per user), star ratings from a rank-8 taste
 * model with user and item biases plus noise, and the popularity skew of real catalogues (a few items draw most
 * ratings; user activity is heavy-tailed).
 */
public final class SyntheticRatings {

    public static final int USERS = 943;
    public static final int ITEMS = 1682;
    public static final int RATINGS = 100_000;
    public static final long SEED = 42;

    private static final int MIN_RATINGS_PER_USER = 20;
    private static final int MAX_RATINGS_PER_USER = 700;
    private static final int TASTE_DIMENSIONS = 8;
    private static final double GLOBAL_MEAN = 3.53;
    private static final double NOISE = 0.8;

    private SyntheticRatings() {
    }

    public static List<Rating> generate() {
        Random random = new Random(SEED);
        double[][] userTaste = gaussianMatrix(random, USERS, TASTE_DIMENSIONS, 0.45);
        double[][] itemTaste = gaussianMatrix(random, ITEMS, TASTE_DIMENSIONS, 0.45);
        double[] userBias = gaussianVector(random, USERS, 0.35);
        double[] itemBias = gaussianVector(random, ITEMS, 0.5);
        double[] itemPopularity = cumulativePopularity();
        int[] ratingsPerUser = ratingsPerUser(random);

        List<Rating> ratings = new ArrayList<>(RATINGS);
        for (int user = 0; user < USERS; user++) {
            Set<Integer> seen = new HashSet<>();
            while (seen.size() < ratingsPerUser[user]) {
                int item = sample(itemPopularity, random.nextDouble());
                if (seen.add(item)) {
                    double affinity = 0;
                    for (int d = 0; d < TASTE_DIMENSIONS; d++) {
                        affinity += userTaste[user][d] * itemTaste[item][d];
                    }
                    double stars = GLOBAL_MEAN + userBias[user] + itemBias[item] + affinity + NOISE * random.nextGaussian();
                    ratings.add(new Rating(user, item, (float) Math.max(1, Math.min(5, Math.round(stars)))));
                }
            }
        }
        return ratings;
    }

    /** Zipf-like: the item of popularity rank r is drawn with weight 1/(r + 10)^0.9. */
    private static double[] cumulativePopularity() {
        double[] cumulative = new double[ITEMS];
        double total = 0;
        for (int item = 0; item < ITEMS; item++) {
            total += 1 / Math.pow(item + 10, 0.9);
            cumulative[item] = total;
        }
        for (int item = 0; item < ITEMS; item++) {
            cumulative[item] /= total;
        }
        return cumulative;
    }

    /** Heavy-tailed activity scaled so that the counts add up to exactly {@link #RATINGS}. */
    private static int[] ratingsPerUser(Random random) {
        double[] weights = new double[USERS];
        double total = 0;
        for (int user = 0; user < USERS; user++) {
            weights[user] = Math.exp(random.nextGaussian());
            total += weights[user];
        }
        int spare = RATINGS - USERS * MIN_RATINGS_PER_USER;
        int[] counts = new int[USERS];
        int assigned = 0;
        for (int user = 0; user < USERS; user++) {
            counts[user] = Math.min(MAX_RATINGS_PER_USER, MIN_RATINGS_PER_USER + (int) Math.floor(spare * weights[user] / total));
            assigned += counts[user];
        }
        for (int user = 0; assigned < RATINGS; user = (user + 1) % USERS) {
            if (counts[user] < MAX_RATINGS_PER_USER) {
                counts[user]++;
                assigned++;
            }
        }
        return counts;
    }

    private static int sample(double[] cumulative, double uniform) {
        int index = Arrays.binarySearch(cumulative, uniform);
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }

    private static double[][] gaussianMatrix(Random random, int rows, int columns, double deviation) {
        double[][] matrix = new double[rows][];
        for (int row = 0; row < rows; row++) {
            matrix[row] = gaussianVector(random, columns, deviation);
        }
        return matrix;
    }

    private static double[] gaussianVector(Random random, int size, double deviation) {
        double[] vector = new double[size];
        for (int i = 0; i < size; i++) {
            vector[i] = deviation * random.nextGaussian();
        }
        return vector;
    }
}
