package org.vbfann.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A figure of merit across the configurations of a scan, like the guide's checkTrainings scatter plots: one
 * point per configuration (x = its position in the scan), those kept by the overtraining filter apart from those
 * dropped, and a horizontal line at the reference discriminant's value (MELA).
 */
public final class RankingPlot {
    private RankingPlot() {
    }

    /**
     * The chart.
     *
     * @param metric    axis label of the metric
     * @param values    the metric of each configuration, in scan order
     * @param kept      whether each configuration passed the overtraining filter
     * @param reference the reference discriminant's value, NaN for none
     * @param refName   its legend label
     */
    public static JFreeChart chart(String title, String metric, double[] values, boolean[] kept, double reference,
            String refName) {
        if (values.length != kept.length) {
            throw new IllegalArgumentException("ranking plot: " + values.length + " values and " + kept.length + " flags");
        }
        XYSeries in = new XYSeries("kept", false, true);
        XYSeries out = new XYSeries("dropped (train-test AUC gap)", false, true);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                (kept[i] ? in : out).add(i + 1, values[i]);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(in);
        data.addSeries(out);
        JFreeChart chart = ChartFactory.createScatterPlot(title, "configuration", metric, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setSeriesPaint(0, new Color(0x1f77b4));
        r.setSeriesPaint(1, Color.DARK_GRAY);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (!Double.isNaN(reference)) {
            // the reference line must be visible even when every configuration is far from it
            double lo = Math.min(reference, minY(values));
            double hi = Math.max(reference, maxY(values));
            double pad = Math.max(1e-9, 0.05 * (hi - lo));
            plot.getRangeAxis().setRange(lo - pad, hi + pad);
            ValueMarker m = new ValueMarker(reference, Color.RED, new BasicStroke(1.5f));
            m.setLabel(refName);
            plot.addRangeMarker(m);
        }
        return chart;
    }

    private static double minY(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Double.isNaN(x) ? m : Math.min(m, x);
        }
        return m;
    }

    private static double maxY(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Double.isNaN(x) ? m : Math.max(m, x);
        }
        return m;
    }
}
