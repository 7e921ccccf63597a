package org.vbfann.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A 2D profile-likelihood scan: 2ΔNLL on the grid as a colour map (capped at {@link #CAP}), the 68 % and 95 % CL
 * contours for two parameters (2ΔNLL = 2.30 and 5.99, χ² with two degrees of freedom) and the best fit.
 */
public final class NllContourPlot {
    /** 2ΔNLL of the 68 % CL region of two parameters (χ², 2 d.o.f.). */
    public static final double CL68 = 2.2958;
    /** 2ΔNLL of the 95 % CL region of two parameters (χ², 2 d.o.f.). */
    public static final double CL95 = 5.9915;
    /** Values above this share the colour of the cap: the interesting part is the region near the minimum. */
    public static final double CAP = 10;
    private static final int CAP_STEPS = 50;

    private NllContourPlot() {
    }

    /**
     * The chart.
     *
     * @param x      grid values of the first parameter, increasing
     * @param y      grid values of the second parameter, increasing
     * @param twoDnll 2ΔNLL at (x[i], y[j]) as {@code twoDnll[i][j]}
     * @param bestX  best fit of the first parameter
     * @param bestY  best fit of the second parameter
     */
    public static JFreeChart chart(String title, String xName, String yName, double[] x, double[] y,
                                   double[][] twoDnll, double bestX, double bestY) {
        if (x.length < 2 || y.length < 2 || twoDnll.length != x.length) {
            throw new IllegalArgumentException("a 2D scan needs a grid of at least 2 x 2 points with one row per x value,"
                    + " got " + x.length + " x " + y.length + " and " + twoDnll.length + " rows");
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(new NumberAxis(xName));
        plot.setRangeAxis(new NumberAxis(yName));
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);

        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(contour("68% CL", x, y, twoDnll, CL68));
        lines.addSeries(contour("95% CL", x, y, twoDnll, CL95));
        XYSeries best = new XYSeries("best fit");
        best.add(bestX, bestY);
        lines.addSeries(best);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer();
        for (int s = 0; s < 2; s++) {
            lineRenderer.setSeriesShapesVisible(s, false);
            lineRenderer.setSeriesPaint(s, Color.BLACK);
            lineRenderer.setSeriesStroke(s, s == 0 ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        lineRenderer.setSeriesLinesVisible(2, false);
        lineRenderer.setSeriesShape(2, new Ellipse2D.Double(-4, -4, 8, 8));
        lineRenderer.setSeriesPaint(2, Color.RED);
        plot.setDataset(0, lines);
        plot.setRenderer(0, lineRenderer);

        DefaultXYZDataset grid = new DefaultXYZDataset();
        int n = x.length * y.length;
        double[][] xyz = new double[3][n];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                int k = i * y.length + j;
                xyz[0][k] = x[i];
                xyz[1][k] = y[j];
                xyz[2][k] = Math.min(CAP, twoDnll[i][j]);
            }
        }
        grid.addSeries("2 \u0394NLL", xyz);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth((x[x.length - 1] - x[0]) / (x.length - 1));
        blocks.setBlockHeight((y[y.length - 1] - y[0]) / (y.length - 1));
        blocks.setPaintScale(paintScale());
        blocks.setDefaultSeriesVisibleInLegend(false);
        plot.setDataset(1, grid);
        plot.setRenderer(1, blocks);

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("colour: 2 \u0394NLL from 0 (white) to " + (int) CAP + " or more (dark blue)"));
        return chart;
    }

    /** White at the minimum to dark blue at the cap, in {@link #CAP_STEPS} steps. */
    private static LookupPaintScale paintScale() {
        LookupPaintScale s = new LookupPaintScale(0, CAP + 1e-9, new Color(20, 40, 120));
        for (int k = 0; k < CAP_STEPS; k++) {
            float t = (float) k / (CAP_STEPS - 1);
            s.add(CAP * k / CAP_STEPS, new Color(1 - 0.9f * t, 1 - 0.8f * t, 1 - 0.5f * t));
        }
        return s;
    }

    /**
     * The level curve f = level by marching squares: in each grid cell the crossings on its edges (linear
     * interpolation) joined pairwise; segments are separated by NaN points, which the renderer does not connect.
     * Public for its test.
     */
    public static XYSeries contour(String label, double[] x, double[] y, double[][] f, double level) {
        XYSeries s = new XYSeries(label, false, true);
        double[] cx = new double[4];
        double[] cy = new double[4];
        for (int i = 0; i + 1 < x.length; i++) {
            for (int j = 0; j + 1 < y.length; j++) {
                // corners counter-clockwise: (i, j), (i+1, j), (i+1, j+1), (i, j+1); edges between consecutive ones
                double[] v = {f[i][j], f[i + 1][j], f[i + 1][j + 1], f[i][j + 1]};
                double[] px = {x[i], x[i + 1], x[i + 1], x[i]};
                double[] py = {y[j], y[j], y[j + 1], y[j + 1]};
                int crossings = 0;
                for (int e = 0; e < 4; e++) {
                    int a = e;
                    int b = (e + 1) % 4;
                    if ((v[a] < level) != (v[b] < level) && Double.isFinite(v[a]) && Double.isFinite(v[b])) {
                        double t = (level - v[a]) / (v[b] - v[a]);
                        cx[crossings] = px[a] + t * (px[b] - px[a]);
                        cy[crossings] = py[a] + t * (py[b] - py[a]);
                        crossings++;
                    }
                }
                // 2 crossings: one segment; 4 (a saddle cell): two, pairing consecutive edges
                for (int c = 0; c + 1 < crossings; c += 2) {
                    s.add(cx[c], cy[c]);
                    s.add(cx[c + 1], cy[c + 1]);
                    s.add(Double.NaN, Double.NaN);
                }
            }
        }
        return s;
    }
}
