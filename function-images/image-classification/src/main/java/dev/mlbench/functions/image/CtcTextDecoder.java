package dev.mlbench.functions.image;

import java.util.List;

/**
 * Greedy CTC decoding of the recogniser's per-step character probabilities: best class per step, repeats
 * merged, blanks dropped; the probability is the mean of the kept characters' probabilities, as PaddleOCR does.
 * Spaces read from the blank margins around a line are trimmed.
 */
final class CtcTextDecoder {

    private static final int BLANK = 0;

    private final List<String> alphabet;

    /** @param characters the dictionary, one character per line; class 0 is the CTC blank and the last class a space */
    CtcTextDecoder(List<String> characters) {
        this.alphabet = characters;
    }

    Prediction[] decode(float[][][] probabilities) {
        Prediction[] predictions = new Prediction[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            predictions[i] = decodeOne(probabilities[i]);
        }
        return predictions;
    }

    private Prediction decodeOne(float[][] steps) {
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        int kept = 0;
        int previous = BLANK;
        for (float[] step : steps) {
            int best = 0;
            for (int c = 1; c < step.length; c++) {
                if (step[c] > step[best]) {
                    best = c;
                }
            }
            if (best != BLANK && best != previous) {
                text.append(characterOf(best));
                confidence += step[best];
                kept++;
            }
            previous = best;
        }
        return new Prediction(text.toString().strip(), kept == 0 ? 0f : (float) (confidence / kept));
    }

    private String characterOf(int index) {
        return index <= alphabet.size() ? alphabet.get(index - 1) : " ";
    }
}
