package org.vbfann.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Histogram1D;

class NetworkPlotsTest {
    @Test
    void rocCurvesCarryTheirAucInTheLegend(@TempDir Path dir) throws Exception {
        JFreeChart c = RocPlot.chart("ROC", List.of(
                new RocPlot.Curve("NN", new double[] {0, 0.1, 1}, new double[] {0, 0.7, 1}, 0.8),
                new RocPlot.Curve("D_jet", new double[] {0, 0.5, 1}, new double[] {0, 0.6, 1}, 0.55)));
        XYDataset d = c.getXYPlot().getDataset();
        assertEquals(2, d.getSeriesCount());
        assertEquals("NN (AUC = 0.8000)", d.getSeriesKey(0));
        assertEquals(0.7, d.getYValue(0, 1));
        ChartFiles.save(c, dir.resolve("roc.png"), 300, 200);
        BufferedImage img = ImageIO.read(dir.resolve("roc.png").toFile());
        assertEquals(300, img.getWidth());
    }

    @Test
    void lossCurvesNumberEpochsFromOne(@TempDir Path dir) {
        JFreeChart c = LossCurvePlot.chart("loss", new double[] {0.7, 0.5, 0.45}, new double[] {0.72, 0.55, 0.56}, 1);
        XYDataset d = c.getXYPlot().getDataset();
        assertEquals(1.0, d.getXValue(0, 0));
        assertEquals(0.56, d.getYValue(1, 2));
        assertEquals(1, c.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
        ChartFiles.save(c, dir.resolve("loss.svg"));
        assertThrows(IllegalArgumentException.class,
                () -> LossCurvePlot.chart("x", new double[2], new double[3], -1));
    }

    @Test
    void scoreHistogramsHaveUnitArea(@TempDir Path dir) {
        ScorePlot.Sample s = new ScorePlot.Sample("signal, train", new double[] {0.05, 0.15, 0.15, 0.95},
                new double[] {1, 2, 1, 4});
        Histogram1D h = ScorePlot.histogram(s, 10, 0, 1);
        // Total weight 8 over bins of width 0.1: density = weight / (8 · 0.1).
        assertEquals(1.25, h.content(1), 1e-12);
        assertEquals(3.75, h.content(2), 1e-12);
        assertEquals(5.0, h.content(10), 1e-12);
        assertEquals(1.0, h.integral() * 0.1, 1e-12);
        JFreeChart c = ScorePlot.chart(ScorePlot.ksTitle(0.41, 0.0123), List.of(s), 10, 0, 1);
        assertTrue(c.getTitle().getText().equals("KS p-value: signal 0.410, background 0.0123"), c.getTitle().getText());
        ChartFiles.save(c, dir.resolve("scores.png"));
    }
}
