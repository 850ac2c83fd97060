package dev.mlbench.functions.image;

/** Reads the classifier's softmax over the two orientations. */
final class OrientationDecoder {

    private static final String[] LABELS = {"0", "180"};

    private OrientationDecoder() {
    }

    static Prediction[] decode(float[][] softmax) {
        Prediction[] predictions = new Prediction[softmax.length];
        for (int i = 0; i < softmax.length; i++) {
            int best = softmax[i][1] > softmax[i][0] ? 1 : 0;
            predictions[i] = new Prediction(LABELS[best], softmax[i][best]);
        }
        return predictions;
    }
}
