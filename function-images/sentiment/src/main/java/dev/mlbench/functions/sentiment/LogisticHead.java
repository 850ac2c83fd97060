package dev.mlbench.functions.sentiment;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** P(positive | embedding) = sigmoid(w · embedding + b). */
public final class LogisticHead {

    private final float[] weights;
    private final float bias;

    public LogisticHead(float[] weights, float bias) {
        this.weights = weights.clone();
        this.bias = bias;
    }

    public float probabilityPositive(float[] embedding) {
        double logit = bias;
        for (int i = 0; i < weights.length; i++) {
            logit += weights[i] * embedding[i];
        }
        return (float) (1 / (1 + Math.exp(-logit)));
    }

    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(weights.length);
        for (float weight : weights) {
            out.writeFloat(weight);
        }
        out.writeFloat(bias);
    }

    public static LogisticHead readFrom(DataInputStream in) throws IOException {
        float[] weights = new float[in.readInt()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        return new LogisticHead(weights, in.readFloat());
    }
}
