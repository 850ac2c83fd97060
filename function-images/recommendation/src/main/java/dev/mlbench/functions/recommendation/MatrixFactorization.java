package dev.mlbench.functions.recommendation;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A biased matrix factorisation: predicted stars = mean + user bias + item bias + user factors · item factors.
 * It also remembers which items each user has already rated, so that recommendations skip them.
 */
public final class MatrixFactorization {

    private static final int FORMAT_VERSION = 1;

    final float globalMean;
    final float[] userBias;
    final float[] itemBias;
    final float[][] userFactors;
    final float[][] itemFactors;
    final int[][] ratedItems;

    MatrixFactorization(float globalMean, float[] userBias, float[] itemBias, float[][] userFactors,
                        float[][] itemFactors, int[][] ratedItems) {
        this.globalMean = globalMean;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.ratedItems = ratedItems;
    }

    public int users() {
        return userBias.length;
    }

    public int items() {
        return itemBias.length;
    }

    public int factors() {
        return userFactors[0].length;
    }

    public float predict(int user, int item) {
        float score = globalMean + userBias[user] + itemBias[item];
        float[] userVector = userFactors[user];
        float[] itemVector = itemFactors[item];
        for (int k = 0; k < userVector.length; k++) {
            score += userVector[k] * itemVector[k];
        }
        return score;
    }

    /** Items the user rated in training, sorted ascending. */
    public int[] ratedItems(int user) {
        return ratedItems[user].clone();
    }

    public double rmse(List<Rating> ratings) {
        double squared = 0;
        for (Rating rating : ratings) {
            double error = predict(rating.user(), rating.item()) - rating.stars();
            squared += error * error;
        }
        return Math.sqrt(squared / ratings.size());
    }

    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeInt(users());
        out.writeInt(items());
        out.writeInt(factors());
        out.writeFloat(globalMean);
        writeFloats(out, userBias);
        writeFloats(out, itemBias);
        for (float[] vector : userFactors) {
            writeFloats(out, vector);
        }
        for (float[] vector : itemFactors) {
            writeFloats(out, vector);
        }
        for (int[] items : ratedItems) {
            out.writeInt(items.length);
            for (int item : items) {
                out.writeInt(item);
            }
        }
    }

    public static MatrixFactorization readFrom(DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("unsupported model format version " + version);
        }
        int users = in.readInt();
        int items = in.readInt();
        int factors = in.readInt();
        float globalMean = in.readFloat();
        float[] userBias = readFloats(in, users);
        float[] itemBias = readFloats(in, items);
        float[][] userFactors = new float[users][];
        for (int user = 0; user < users; user++) {
            userFactors[user] = readFloats(in, factors);
        }
        float[][] itemFactors = new float[items][];
        for (int item = 0; item < items; item++) {
            itemFactors[item] = readFloats(in, factors);
        }
        int[][] ratedItems = new int[users][];
        for (int user = 0; user < users; user++) {
            ratedItems[user] = new int[in.readInt()];
            for (int i = 0; i < ratedItems[user].length; i++) {
                ratedItems[user][i] = in.readInt();
            }
        }
        return new MatrixFactorization(globalMean, userBias, itemBias, userFactors, itemFactors, ratedItems);
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static float[] readFloats(DataInputStream in, int count) throws IOException {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
