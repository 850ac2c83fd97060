package dev.mlbench.functions.image;

import dev.mlbench.functions.server.oip.OipException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Turns a base64-encoded PNG or JPEG into pixels, refusing anything else, and images too large to decode safely. */
public final class ImageDecoder {

    static final int MAX_SIDE = 8192;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ImageDecoder() {
    }

    public static BufferedImage decode(String base64, int index) {
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(WHITESPACE.matcher(stripDataUrlPrefix(base64)).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw OipException.badRequest("image #" + index + " is not valid base64: " + e.getMessage());
        }
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw OipException.badRequest("image #" + index + " is not a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg")) {
                    throw OipException.badRequest("image #" + index + " is " + format + "; send PNG or JPEG");
                }
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    throw OipException.badRequest("image #" + index + " is " + width + "x" + height
                            + " pixels; the limit is " + MAX_SIDE + " per side");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw OipException.badRequest("image #" + index + " could not be decoded: " + e.getMessage());
        }
    }

    private static String stripDataUrlPrefix(String value) {
        int comma = value.indexOf(',');
        return value.startsWith("data:") && comma > 0 ? value.substring(comma + 1) : value;
    }
}
