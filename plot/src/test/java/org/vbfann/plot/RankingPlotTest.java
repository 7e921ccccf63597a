package org.vbfann.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingPlotTest {
    @Test
    void keptAndDroppedConfigurationsAreSeparateSeriesWithTheReferenceLine(@TempDir Path dir) throws Exception {
        JFreeChart c = RankingPlot.chart("scan", "eps*purity", new double[] {0.3, 0.5, Double.NaN, 0.4},
                new boolean[] {true, false, true, true}, 0.35, "MELA");
        XYDataset d = c.getXYPlot().getDataset();
        assertEquals(2, d.getItemCount(0));
        assertEquals(4.0, d.getXValue(0, 1));
        assertEquals(1, d.getItemCount(1));
        assertEquals(0.5, d.getYValue(1, 0));
        ValueMarker m = (ValueMarker) c.getXYPlot().getRangeMarkers(Layer.FOREGROUND).iterator().next();
        assertEquals(0.35, m.getValue());
        // the axis reaches the reference even when it lies outside the points
        JFreeChart far = RankingPlot.chart("scan", "Z", new double[] {1.40, 1.44}, new boolean[] {true, true}, 1.49, "MELA");
        assertEquals(true, far.getXYPlot().getRangeAxis().getUpperBound() > 1.49);
        ChartFiles.save(c, dir.resolve("ranking.png"));
        assertEquals(true, Files.size(dir.resolve("ranking.png")) > 0);
    }
}
