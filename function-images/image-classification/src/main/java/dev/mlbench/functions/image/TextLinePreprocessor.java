package dev.mlbench.functions.image;

import java.awt.image.BufferedImage;

/**
 * PaddleOCR's text-line input: scaled to 48 pixels high keeping the aspect ratio (at most {@code width} wide),
 * right-padded with zeros to {@code width}, BGR channels first, each value mapped to [-1, 1].
 */
public final class TextLinePreprocessor {

    public static final int HEIGHT = 48;
    public static final int CHANNELS = 3;

    private final int width;

    public TextLinePreprocessor(int width) {
        this.width = width;
    }

    public int width() {
        return width;
    }

    /** Writes one image's CHW values into {@code batch} at image position {@code index}. */
    public void write(BufferedImage image, float[] batch, int index) {
        int sourceWidth = image.getWidth();
        int sourceHeight = image.getHeight();
        int scaledWidth = (int) Math.min(width, Math.max(1, Math.ceil(HEIGHT * (double) sourceWidth / sourceHeight)));
        int[] source = image.getRGB(0, 0, sourceWidth, sourceHeight, null, 0, sourceWidth);
        int plane = HEIGHT * width;
        int offset = index * CHANNELS * plane;
        for (int y = 0; y < HEIGHT; y++) {
            Sample row = Sample.of(y, HEIGHT, sourceHeight);
            for (int x = 0; x < scaledWidth; x++) {
                Sample column = Sample.of(x, scaledWidth, sourceWidth);
                int position = offset + y * width + x;
                for (int channel = 0; channel < CHANNELS; channel++) {
                    int shift = 8 * channel;
                    double top = column.mix(channelOf(source, row.low() * sourceWidth + column.low(), shift),
                            channelOf(source, row.low() * sourceWidth + column.high(), shift));
                    double bottom = column.mix(channelOf(source, row.high() * sourceWidth + column.low(), shift),
                            channelOf(source, row.high() * sourceWidth + column.high(), shift));
                    batch[position + channel * plane] = normalise(row.mix(top, bottom));
                }
            }
        }
    }

    /** Channel 0 is blue, 1 green, 2 red: PaddleOCR's models were trained on OpenCV's BGR order. */
    private static int channelOf(int[] pixels, int at, int shift) {
        return (pixels[at] >> shift) & 0xFF;
    }

    /** Bilinear resampling along one axis, pixel centres aligned as in OpenCV's INTER_LINEAR. */
    private record Sample(int low, int high, double fraction) {

        static Sample of(int target, int targetSize, int sourceSize) {
            double position = Math.max(0, (target + 0.5) * sourceSize / targetSize - 0.5);
            int low = Math.min((int) position, sourceSize - 1);
            return new Sample(low, Math.min(low + 1, sourceSize - 1), position - low);
        }

        double mix(double atLow, double atHigh) {
            return atLow + (atHigh - atLow) * fraction;
        }
    }

    public int valuesPerImage() {
        return CHANNELS * HEIGHT * width;
    }

    private static float normalise(double value) {
        return (float) ((value / 255 - 0.5) / 0.5);
    }
}
