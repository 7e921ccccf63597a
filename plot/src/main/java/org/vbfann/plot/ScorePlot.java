package org.vbfann.plot;

import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;

/**
 * Distributions of a network score, each normalised to unit area and drawn as a step line: typically signal
 * and background for the training and the test split overlaid, with the Kolmogorov–Smirnov p-values of the
 * train/test comparison in the title as the overtraining check.
 */
public final class ScorePlot {
    /**
     * One distribution.
     *
     * @param name    legend label (e.g. "signal, train")
     * @param score   score of each event
     * @param weights weight of each event, or {@code null} for 1
     */
    public record Sample(String name, double[] score, double[] weights) {
        /** Checks the lengths agree. */
        public Sample {
            if (weights != null && weights.length != score.length) {
                throw new IllegalArgumentException("score sample '" + name + "': " + score.length + " scores and "
                        + weights.length + " weights");
            }
        }
    }

    private ScorePlot() {
    }

    /** The normalised histogram of a sample in {@code bins} equal bins over [lo, hi]; under/overflow are not drawn. */
    public static Histogram1D histogram(Sample s, int bins, double lo, double hi) {
        Histogram1D h = new Histogram1D(s.name(), s.name(), Axis.uniform(bins, lo, hi, "network score"));
        for (int i = 0; i < s.score().length; i++) {
            h.fill(s.score()[i], s.weights() == null ? 1.0 : s.weights()[i]);
        }
        double area = h.integral() * (hi - lo) / bins;
        if (area != 0) {
            h.scale(1.0 / area);
        }
        return h;
    }

    /** The chart of the samples in {@code bins} bins over [lo, hi]. */
    public static JFreeChart chart(String title, List<Sample> samples, int bins, double lo, double hi) {
        return chart(title, "network score", samples, bins, lo, hi);
    }

    /** The same for any variable, e.g. the generator's kinematic distributions; {@code xLabel} names it and its unit. */
    public static JFreeChart chart(String title, String xLabel, List<Sample> samples, int bins, double lo, double hi) {
        XYSeriesCollection data = new XYSeriesCollection();
        double width = (hi - lo) / bins;
        for (Sample s : samples) {
            Histogram1D h = histogram(s, bins, lo, hi);
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int b = 1; b <= bins; b++) {
                xy.add(lo + (b - 1) * width, h.content(b));
            }
            xy.add(hi, h.content(bins));
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, "normalised density", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setRenderer(new XYStepRenderer());
        return chart;
    }

    /** A title line giving KS p-values, e.g. {@code "KS p-value: signal 0.41, background 0.77"}. */
    public static String ksTitle(double signalP, double backgroundP) {
        return String.format(Locale.ROOT, "KS p-value: signal %.3g, background %.3g", signalP, backgroundP);
    }
}
