package org.vbfann.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartFilesTest {
    private static JFreeChart line() {
        XYSeries s = new XYSeries("s");
        s.add(0, 0);
        s.add(1, 1);
        return ChartFactory.createXYLineChart("t", "x", "y", new XYSeriesCollection(s));
    }

    @Test
    void writesPngAndSvgByExtension(@TempDir Path dir) throws Exception {
        ChartFiles.save(line(), dir.resolve("a.png"), 200, 100);
        BufferedImage img = ImageIO.read(dir.resolve("a.png").toFile());
        assertEquals(200, img.getWidth());
        ChartFiles.save(line(), dir.resolve("a.svg"));
        assertTrue(Files.readString(dir.resolve("a.svg")).contains("<svg"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void rejectsUnknownExtension(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChartFiles.save(line(), dir.resolve("a.gif")));
        assertTrue(e.getMessage().endsWith("plot files must end in .png or .svg"), e.getMessage());
    }
}
