package dev.mlbench.functions.timeseries;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A one-layer LSTM followed by a linear layer over its last hidden state, evaluated in plain Java with the
 * weights trained by DJL/PyTorch (gate order input, forget, cell, output, as PyTorch stores them). Serving
 * this way needs no 400 MB native engine, which is what keeps the cold start short.
 */
public final class LstmForecaster {

    private static final int FORMAT_VERSION = 1;

    private final int hidden;
    private final float[] inputWeights;
    private final float[] recurrentWeights;
    private final float[] gateBias;
    private final float[] outputWeights;
    private final float[] outputBias;
    private final float[] sampleWindow;

    /**
     * @param inputWeights     [4H] for one input feature
     * @param recurrentWeights [4H, H] row-major
     * @param gateBias         [4H], the sum of PyTorch's input and recurrent biases
     * @param outputWeights    [outputs, H] row-major
     * @param sampleWindow     a real window of the training series, for warm-up and benchmarks
     */
    public LstmForecaster(int hidden, float[] inputWeights, float[] recurrentWeights, float[] gateBias,
                          float[] outputWeights, float[] outputBias, float[] sampleWindow) {
        this.hidden = hidden;
        this.inputWeights = inputWeights;
        this.recurrentWeights = recurrentWeights;
        this.gateBias = gateBias;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
        this.sampleWindow = sampleWindow;
    }

    public int horizon() {
        return outputBias.length;
    }

    public float[] sampleWindow() {
        return sampleWindow.clone();
    }

    /** The next {@link #horizon()} values after {@code window}, in the window's own units. */
    public float[] forecast(float[] window) {
        return WindowScaling.unscale(window, forward(WindowScaling.scaleWindow(window)));
    }

    /** The network on already-scaled input; exposed to check it against the trained engine. */
    public float[] forward(float[] scaledWindow) {
        float[] h = new float[hidden];
        float[] c = new float[hidden];
        float[] gates = new float[4 * hidden];
        for (float x : scaledWindow) {
            for (int g = 0; g < gates.length; g++) {
                float sum = gateBias[g] + inputWeights[g] * x;
                int row = g * hidden;
                for (int k = 0; k < hidden; k++) {
                    sum += recurrentWeights[row + k] * h[k];
                }
                gates[g] = sum;
            }
            for (int k = 0; k < hidden; k++) {
                float input = sigmoid(gates[k]);
                float forget = sigmoid(gates[hidden + k]);
                float cell = (float) Math.tanh(gates[2 * hidden + k]);
                float output = sigmoid(gates[3 * hidden + k]);
                c[k] = forget * c[k] + input * cell;
                h[k] = output * (float) Math.tanh(c[k]);
            }
        }
        float[] result = outputBias.clone();
        for (int o = 0; o < result.length; o++) {
            for (int k = 0; k < hidden; k++) {
                result[o] += outputWeights[o * hidden + k] * h[k];
            }
        }
        return result;
    }

    private static float sigmoid(float value) {
        return (float) (1 / (1 + Math.exp(-value)));
    }

    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        out.writeInt(hidden);
        out.writeInt(outputBias.length);
        out.writeInt(sampleWindow.length);
        for (float[] values : new float[][] {inputWeights, recurrentWeights, gateBias, outputWeights, outputBias, sampleWindow}) {
            for (float value : values) {
                out.writeFloat(value);
            }
        }
    }

    public static LstmForecaster readFrom(DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("unsupported LSTM weights format version " + version);
        }
        int hidden = in.readInt();
        int outputs = in.readInt();
        int window = in.readInt();
        return new LstmForecaster(hidden, read(in, 4 * hidden), read(in, 4 * hidden * hidden), read(in, 4 * hidden),
                read(in, outputs * hidden), read(in, outputs), read(in, window));
    }

    private static float[] read(DataInputStream in, int count) throws IOException {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
