package dev.mlbench.functions.recommendation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** Fits a {@link MatrixFactorization} by stochastic gradient descent (Funk SVD with biases), seeded. */
public final class MatrixFactorizationTrainer {

    private final int factors;
    private final int epochs;
    private final float learningRate;
    private final float regularisation;
    private final long seed;

    public MatrixFactorizationTrainer(int factors, int epochs, float learningRate, float regularisation, long seed) {
        this.factors = factors;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.regularisation = regularisation;
        this.seed = seed;
    }

    /** K = 32, 25 epochs, learning rate 0.01, L2 0.05: the settings the model card reports. */
    public static MatrixFactorizationTrainer standard() {
        return new MatrixFactorizationTrainer(32, 25, 0.01f, 0.05f, SyntheticRatings.SEED);
    }

    public MatrixFactorization train(List<Rating> ratings, int users, int items) {
        Random random = new Random(seed);
        float[][] userFactors = smallRandom(random, users);
        float[][] itemFactors = smallRandom(random, items);
        float[] userBias = new float[users];
        float[] itemBias = new float[items];
        float mean = (float) ratings.stream().mapToDouble(Rating::stars).average().orElseThrow();
        List<Rating> order = new ArrayList<>(ratings);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (Rating rating : order) {
                int user = rating.user();
                int item = rating.item();
                float[] p = userFactors[user];
                float[] q = itemFactors[item];
                float predicted = mean + userBias[user] + itemBias[item];
                for (int k = 0; k < factors; k++) {
                    predicted += p[k] * q[k];
                }
                float error = rating.stars() - predicted;
                userBias[user] += learningRate * (error - regularisation * userBias[user]);
                itemBias[item] += learningRate * (error - regularisation * itemBias[item]);
                for (int k = 0; k < factors; k++) {
                    float pk = p[k];
                    p[k] += learningRate * (error * q[k] - regularisation * pk);
                    q[k] += learningRate * (error * pk - regularisation * q[k]);
                }
            }
        }
        return new MatrixFactorization(mean, userBias, itemBias, userFactors, itemFactors, ratedItems(ratings, users));
    }

    private float[][] smallRandom(Random random, int rows) {
        float[][] matrix = new float[rows][factors];
        for (float[] row : matrix) {
            for (int k = 0; k < factors; k++) {
                row[k] = (float) (0.1 * random.nextGaussian());
            }
        }
        return matrix;
    }

    private static int[][] ratedItems(List<Rating> ratings, int users) {
        List<TreeSet<Integer>> byUser = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            byUser.add(new TreeSet<>());
        }
        for (Rating rating : ratings) {
            byUser.get(rating.user()).add(rating.item());
        }
        int[][] rated = new int[users][];
        for (int user = 0; user < users; user++) {
            rated[user] = byUser.get(user).stream().mapToInt(Integer::intValue).toArray();
        }
        return rated;
    }
}
