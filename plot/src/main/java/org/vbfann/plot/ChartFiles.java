package org.vbfann.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.vbfann.core.AtomicFiles;

/**
 * Writes charts to PNG or SVG files, chosen by the file extension, atomically (a temporary file in the
 * same folder, renamed at the end), so a plot is either complete or absent.
 */
public final class ChartFiles {
    /** Default size of a plot in pixels. */
    public static final int WIDTH = 800;
    /** Default height of a plot in pixels. */
    public static final int HEIGHT = 600;

    private ChartFiles() {
    }

    /** Saves {@code chart} at the default size; the format follows the extension (.png or .svg). */
    public static void save(JFreeChart chart, Path file) {
        save(chart, file, WIDTH, HEIGHT);
    }

    /**
     * Saves {@code chart} as {@code width x height}; the format follows the extension (.png or .svg).
     *
     * @throws IllegalArgumentException for another extension
     * @throws UncheckedIOException     if the file cannot be written (nothing is left behind)
     */
    public static void save(JFreeChart chart, Path file, int width, int height) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw new IllegalArgumentException(file + ": plot files must end in .png or .svg");
        }
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        if (svg) {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
            os.writeBytes(g.getSVGDocument().getBytes(StandardCharsets.UTF_8));
        } else {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
            g.dispose();
            try {
                ImageIO.write(img, "png", os);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot encode plot: " + e.getMessage(), e);
            }
        }
        AtomicFiles.write(file, os.toByteArray());
    }
}
