package dev.mlbench.functions.sentiment;

/** Full-batch gradient descent with momentum on the L2-regularised logistic loss; deterministic. */
public final class LogisticHeadTrainer {

    private static final int EPOCHS = 1500;
    private static final double LEARNING_RATE = 2.0;
    private static final double MOMENTUM = 0.9;
    private static final double L2 = 1e-4;

    private LogisticHeadTrainer() {
    }

    public static LogisticHead train(float[][] embeddings, boolean[] positive) {
        int dimensions = embeddings[0].length;
        double[] weights = new double[dimensions + 1];
        double[] velocity = new double[dimensions + 1];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            double[] gradient = new double[dimensions + 1];
            for (int row = 0; row < embeddings.length; row++) {
                double logit = weights[dimensions];
                for (int d = 0; d < dimensions; d++) {
                    logit += weights[d] * embeddings[row][d];
                }
                double error = 1 / (1 + Math.exp(-logit)) - (positive[row] ? 1 : 0);
                for (int d = 0; d < dimensions; d++) {
                    gradient[d] += error * embeddings[row][d];
                }
                gradient[dimensions] += error;
            }
            for (int d = 0; d <= dimensions; d++) {
                double step = gradient[d] / embeddings.length + (d < dimensions ? L2 * weights[d] : 0);
                velocity[d] = MOMENTUM * velocity[d] - LEARNING_RATE * step;
                weights[d] += velocity[d];
            }
        }
        float[] result = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
            result[d] = (float) weights[d];
        }
        return new LogisticHead(result, (float) weights[dimensions]);
    }
}
