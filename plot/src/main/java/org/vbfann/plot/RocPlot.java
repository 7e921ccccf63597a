package org.vbfann.plot;

import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * ROC curves of several discriminants on one set of axes: background efficiency on x, signal efficiency on
 * y, each curve labelled with its AUC (e.g. the network against MELA's {@code f_Djet_VAJHU} and
 * {@code f_D_jet}).
 */
public final class RocPlot {
    /**
     * One curve.
     *
     * @param name                 legend label
     * @param backgroundEfficiency x of each point
     * @param signalEfficiency     y of each point
     * @param auc                  area under the curve, shown in the legend
     */
    public record Curve(String name, double[] backgroundEfficiency, double[] signalEfficiency, double auc) {
        /** Checks the lengths agree. */
        public Curve {
            if (backgroundEfficiency.length != signalEfficiency.length) {
                throw new IllegalArgumentException("ROC curve '" + name + "': " + backgroundEfficiency.length
                        + " background and " + signalEfficiency.length + " signal efficiencies");
            }
        }
    }

    private RocPlot() {
    }

    /** The chart of the given curves. */
    public static JFreeChart chart(String title, List<Curve> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Curve c : curves) {
            XYSeries s = new XYSeries(String.format(Locale.ROOT, "%s (AUC = %.4f)", c.name(), c.auc()), false, true);
            for (int k = 0; k < c.backgroundEfficiency().length; k++) {
                s.add(c.backgroundEfficiency()[k], c.signalEfficiency()[k]);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "background efficiency", "signal efficiency", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getDomainAxis().setRange(0, 1);
        plot.getRangeAxis().setRange(0, 1.02);
        return chart;
    }
}
