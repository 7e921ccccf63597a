package org.vbfann.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NllContourPlotTest {
    private static double[] grid(double lo, double hi, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = lo + (hi - lo) * i / (n - 1);
        }
        return g;
    }

    /**
     * 2ΔNLL = ((x − 1)/0.5)² + (y/2)², an ellipse: the level-2.30 crossings lie on it to the accuracy of linear
     * interpolation of a quadratic over one cell, and they go all the way round.
     */
    @Test
    void contoursOfAQuadraticLieOnItsEllipse(@TempDir Path dir) throws Exception {
        double[] x = grid(-1, 3, 41);
        double[] y = grid(-6, 6, 61);
        double[][] f = new double[x.length][y.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                f[i][j] = Math.pow((x[i] - 1) / 0.5, 2) + Math.pow(y[j] / 2, 2);
            }
        }
        XYSeries c = NllContourPlot.contour("68%", x, y, f, NllContourPlot.CL68);
        int points = 0;
        boolean left = false;
        boolean right = false;
        for (int k = 0; k < c.getItemCount(); k++) {
            double px = c.getX(k).doubleValue();
            double py = c.getY(k).doubleValue();
            if (Double.isNaN(px)) {
                continue;
            }
            points++;
            double level = Math.pow((px - 1) / 0.5, 2) + Math.pow(py / 2, 2);
            assertEquals(NllContourPlot.CL68, level, 0.06, "point " + px + ", " + py);
            left |= px < 1 - 0.7;
            right |= px > 1 + 0.7;
        }
        assertTrue(points > 40, "points " + points);
        assertTrue(left && right, "the contour surrounds the minimum");
        assertEquals(0, NllContourPlot.contour("none", x, y, f, -1).getItemCount(), "no crossing below the minimum");

        Path png = dir.resolve("scan2d.png");
        ChartFiles.save(NllContourPlot.chart("scan", "r", "theta", x, y, f, 1, 0), png);
        assertTrue(Files.size(png) > 0);
        assertThrows(IllegalArgumentException.class,
                () -> NllContourPlot.chart("scan", "r", "t", new double[] {1}, y, new double[1][y.length], 1, 0));
    }
}
