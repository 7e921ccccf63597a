package org.vbfann.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;
import org.vbfann.core.Histogram2D;

class FakeRatePlotTest {
    @Test
    void oneSeriesPerEtaBinWithRateErrorsAndEmptyBinsLeftOut(@TempDir Path dir) throws Exception {
        Histogram2D map = new Histogram2D("MuonPtEtaMapFR", "muon fake rate",
                Axis.variable(new double[] {5, 10, 1000}, "pT [GeV]"), Axis.variable(new double[] {0, 1.2, 2.4}, "|eta|"));
        map.setContent(1, 1, 0.15);
        map.setSumw2(1, 1, 0.01 * 0.01);
        map.setContent(2, 1, 0.10);
        map.setSumw2(2, 1, 0.02 * 0.02);
        map.setContent(1, 2, 0.2);
        map.setSumw2(1, 2, 0.03 * 0.03);
        JFreeChart c = FakeRatePlot.chart("muon fake rate", map);
        IntervalXYDataset d = (IntervalXYDataset) c.getXYPlot().getDataset();
        assertEquals(2, d.getSeriesCount());
        assertEquals(2, d.getItemCount(0));
        assertEquals(1, d.getItemCount(1), "the empty bin pT [10, 1000), |eta| [1.2, 2.4) is left out");
        assertEquals(0.10, d.getYValue(0, 1), 1e-15);
        assertEquals(0.08, d.getStartYValue(0, 1), 1e-15);
        assertEquals(0.12, d.getEndYValue(0, 1), 1e-15);
        assertEquals(10, d.getStartXValue(0, 1), 1e-12);
        assertEquals(1000, d.getEndXValue(0, 1), 1e-12);
        assertEquals(0.2, d.getYValue(1, 0), 1e-15);
        ChartFiles.save(c, dir.resolve("fr.png"));
        assertTrue(Files.size(dir.resolve("fr.png")) > 0);
    }

    @Test
    void shapesAreStepsOverTheBinEdges() {
        Histogram1D h = new Histogram1D("zjets", "", Axis.uniform(2, 100, 140, "m4l"));
        h.fill(110, 2);
        h.fill(130, 3);
        XYDataset d = FakeRatePlot.shapes("shapes", Map.of("4mu", h)).getXYPlot().getDataset();
        assertEquals(3, d.getItemCount(0));
        assertEquals(100, d.getXValue(0, 0));
        assertEquals(2, d.getYValue(0, 0));
        assertEquals(120, d.getXValue(0, 1));
        assertEquals(3, d.getYValue(0, 1));
        assertEquals(140, d.getXValue(0, 2));
    }
}
