package dev.mlbench.functions.timeseries.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import ai.djl.util.Pair;
import dev.mlbench.functions.timeseries.Co2Series;
import dev.mlbench.functions.timeseries.LstmForecaster;
import dev.mlbench.functions.timeseries.TimeseriesModel;
import dev.mlbench.functions.timeseries.WindowScaling;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Build step: trains LSTM(32) + Linear(12) with DJL on PyTorch over the CO2 series (held-out tail excluded),
 * exports the weights for the plain-Java {@link LstmForecaster}, and fails the build unless that forward pass
 * reproduces PyTorch's on the training windows.
 */
public final class Co2LstmTrainingMain {

    static final int HIDDEN = 32;
    static final int EPOCHS = 60;
    static final int BATCH = 32;
    static final long SEED = 42;
    private static final float PARITY_TOLERANCE = 1e-4f;

    private Co2LstmTrainingMain() {
    }

    public static void main(String[] args) throws IOException, TranslateException {
        float[] series = Co2Series.read(Path.of(args[0]));
        Path modelDir = Files.createDirectories(Path.of(args[1]));
        long started = System.nanoTime();
        Engine.getEngine("PyTorch").setRandomSeed((int) SEED);
        Windows windows = Windows.before(series, Co2Series.heldOutStart(series));
        try (Model model = Model.newInstance("co2-lstm", "PyTorch")) {
            model.setBlock(network());
            NDManager manager = model.getNDManager();
            NDArray inputs = manager.create(windows.inputs(), new Shape(windows.count(), Co2Series.WINDOW, 1));
            NDArray targets = manager.create(windows.targets(), new Shape(windows.count(), Co2Series.HORIZON));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.005f)).optClipGrad(1f).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(BATCH, Co2Series.WINDOW, 1));
                ArrayDataset dataset = new ArrayDataset.Builder().setData(inputs).optLabels(targets)
                        .setSampling(BATCH, true).build();
                EasyTrain.fit(trainer, EPOCHS, dataset, null);
                LstmForecaster forecaster = export(model, series);
                checkParity(forecaster, trainer, inputs, windows);
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(modelDir.resolve(TimeseriesModel.WEIGHTS_FILE))))) {
                    forecaster.writeTo(out);
                }
            }
        }
        System.out.printf(Locale.ROOT, "trained LSTM(%d) on %d CO2 windows for %d epochs in %.1f s%n", HIDDEN,
                windows.count(), EPOCHS, (System.nanoTime() - started) / 1e9);
    }

    private static SequentialBlock network() {
        return new SequentialBlock()
                .add(LSTM.builder().setStateSize(HIDDEN).setNumLayers(1).optBatchFirst(true).optReturnState(false).build())
                .add(new LambdaBlock(list -> new NDList(list.singletonOrThrow().get(":, -1, :"))))
                .add(Linear.builder().setUnits(Co2Series.HORIZON).build());
    }

    private static LstmForecaster export(Model model, float[] series) {
        float[] inputWeights = null;
        float[] recurrentWeights = null;
        float[] inputBias = null;
        float[] recurrentBias = null;
        float[] outputWeights = null;
        float[] outputBias = null;
        for (Pair<String, Parameter> named : model.getBlock().getParameters()) {
            String name = named.getKey();
            float[] values = named.getValue().getArray().toFloatArray();
            if (name.contains("i2h") && name.endsWith("WEIGHT")) {
                inputWeights = values;
            } else if (name.contains("h2h") && name.endsWith("WEIGHT")) {
                recurrentWeights = values;
            } else if (name.contains("i2h") && name.endsWith("BIAS")) {
                inputBias = values;
            } else if (name.contains("h2h") && name.endsWith("BIAS")) {
                recurrentBias = values;
            } else if (name.endsWith("weight")) {
                outputWeights = values;
            } else if (name.endsWith("bias")) {
                outputBias = values;
            } else {
                throw new IllegalStateException("unexpected parameter " + name);
            }
        }
        if (inputWeights == null || recurrentWeights == null || inputBias == null || recurrentBias == null
                || outputWeights == null || outputBias == null) {
            throw new IllegalStateException("missing LSTM parameters among " + model.getBlock().getParameters().keys());
        }
        float[] gateBias = new float[inputBias.length];
        for (int i = 0; i < gateBias.length; i++) {
            gateBias[i] = inputBias[i] + recurrentBias[i];
        }
        float[] sampleWindow = Arrays.copyOfRange(series, series.length - Co2Series.WINDOW, series.length);
        return new LstmForecaster(HIDDEN, inputWeights, recurrentWeights, gateBias, outputWeights, outputBias, sampleWindow);
    }

    private static void checkParity(LstmForecaster forecaster, Trainer trainer, NDArray inputs, Windows windows) {
        float[] engine = trainer.evaluate(new NDList(inputs)).singletonOrThrow().toFloatArray();
        float worst = 0;
        for (int w = 0; w < windows.count(); w++) {
            float[] java = forecaster.forward(windows.input(w));
            for (int h = 0; h < java.length; h++) {
                worst = Math.max(worst, Math.abs(java[h] - engine[w * Co2Series.HORIZON + h]));
            }
        }
        if (worst > PARITY_TOLERANCE) {
            throw new IllegalStateException("the plain-Java LSTM differs from PyTorch by " + worst);
        }
        System.out.printf(Locale.ROOT, "plain-Java LSTM matches PyTorch within %.2e on %d windows%n", worst, windows.count());
    }

    /** Every training window before the held-out tail, scaled as the network sees it. */
    private record Windows(int count, float[] inputs, float[] targets) {

        static Windows before(float[] series, int heldOutStart) {
            int count = heldOutStart - Co2Series.WINDOW - Co2Series.HORIZON + 1;
            float[] inputs = new float[count * Co2Series.WINDOW];
            float[] targets = new float[count * Co2Series.HORIZON];
            for (int w = 0; w < count; w++) {
                float[] window = Arrays.copyOfRange(series, w, w + Co2Series.WINDOW);
                float[] future = Arrays.copyOfRange(series, w + Co2Series.WINDOW, w + Co2Series.WINDOW + Co2Series.HORIZON);
                System.arraycopy(WindowScaling.scaleWindow(window), 0, inputs, w * Co2Series.WINDOW, Co2Series.WINDOW);
                System.arraycopy(WindowScaling.scaleTargets(window, future), 0, targets, w * Co2Series.HORIZON, Co2Series.HORIZON);
            }
            return new Windows(count, inputs, targets);
        }

        float[] input(int w) {
            return Arrays.copyOfRange(inputs, w * Co2Series.WINDOW, (w + 1) * Co2Series.WINDOW);
        }
    }
}
