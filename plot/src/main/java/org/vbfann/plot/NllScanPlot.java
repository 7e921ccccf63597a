package org.vbfann.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A 1D profile-likelihood scan: 2 deltaNLL against the parameter, with lines at 1 (68%) and 3.84 (95%). */
public final class NllScanPlot {
    private NllScanPlot() {
    }

    /** One curve of a scan. */
    public record Curve(String label, double[] x, double[] twoDeltaNll) {
    }

    /** The chart of one or more curves (e.g. observed and expected). */
    public static JFreeChart chart(String title, String parameter, Curve... curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Curve c : curves) {
            if (c.x().length != c.twoDeltaNll().length) {
                throw new IllegalArgumentException("scan '" + c.label() + "': " + c.x().length + " points and "
                        + c.twoDeltaNll().length + " values");
            }
            XYSeries s = new XYSeries(c.label(), false);
            for (int i = 0; i < c.x().length; i++) {
                s.add(c.x()[i], c.twoDeltaNll()[i]);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, parameter, "2 \u0394NLL", data,
                PlotOrientation.VERTICAL, true, false, false);
        for (double level : new double[]{1, 3.84}) {
            ValueMarker m = new ValueMarker(level, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[]{4f, 4f}, 0f));
            m.setLabel(level == 1 ? "68%" : "95%");
            chart.getXYPlot().addRangeMarker(m);
        }
        return chart;
    }
}
