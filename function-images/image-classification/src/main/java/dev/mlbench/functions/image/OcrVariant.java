package dev.mlbench.functions.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The CNNs of the PaddleOCR model package that can be served; {@code MODEL_VARIANT} picks one. */
public enum OcrVariant {
    /** MobileNetV3 text-orientation classifier, 0.6 MB: labels "0" and "180". */
    ORIENTATION("ch_ppocr_mobile_v2.0_cls_infer.onnx", "ppocr-mobile-v2.0-cls", 192, false),
    /** PP-OCRv4 text recogniser (CNN + CTC head), 10.8 MB: the label is the text read. */
    TEXT_RECOGNITION("ch_PP-OCRv4_rec_infer.onnx", "pp-ocrv4-rec", 320, true);

    static final int MAX_WIDTH = 2048;

    private final String modelFile;
    private final String version;
    private final int inputWidth;
    private final boolean widensForLongLines;

    OcrVariant(String modelFile, String version, int inputWidth, boolean widensForLongLines) {
        this.modelFile = modelFile;
        this.version = version;
        this.inputWidth = inputWidth;
        this.widensForLongLines = widensForLongLines;
    }

    public static OcrVariant fromName(String name) {
        return Arrays.stream(values())
                .filter(variant -> variant.variantName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("MODEL_VARIANT=" + name + " is unknown; choose one of "
                        + Arrays.stream(values()).map(OcrVariant::variantName).collect(Collectors.joining(", "))));
    }

    public String variantName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String modelFile() {
        return modelFile;
    }

    public String version() {
        return version;
    }

    public int inputWidth() {
        return inputWidth;
    }

    /**
     * The input width for a batch: the classifier looks at a fixed-width window, the recogniser needs the whole
     * line at its natural aspect ratio, so that long lines are not squeezed.
     */
    public int batchWidth(List<BufferedImage> images) {
        if (!widensForLongLines) {
            return inputWidth;
        }
        int widest = images.stream()
                .mapToInt(image -> (int) Math.ceil(TextLinePreprocessor.HEIGHT * (double) image.getWidth() / image.getHeight()))
                .max()
                .orElse(inputWidth);
        return Math.min(MAX_WIDTH, Math.max(inputWidth, widest));
    }
}
