package dev.mlbench.functions.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Renders a line of dark text on a light background, upright or turned by 180 degrees, as the models expect to see it. */
public final class TextLineRenderer {

    private static final int HEIGHT = 64;

    private TextLineRenderer() {
    }

    public static BufferedImage render(String text, boolean upsideDown) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 40);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D probeGraphics = probe.createGraphics();
        FontMetrics metrics = probeGraphics.getFontMetrics(font);
        int width = metrics.stringWidth(text) + 24;
        probeGraphics.dispose();

        BufferedImage image = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, HEIGHT);
        if (upsideDown) {
            graphics.setTransform(AffineTransform.getRotateInstance(Math.PI, width / 2.0, HEIGHT / 2.0));
        }
        graphics.setColor(Color.BLACK);
        graphics.setFont(font);
        graphics.drawString(text, 12, (HEIGHT - metrics.getHeight()) / 2 + metrics.getAscent());
        graphics.dispose();
        return image;
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
