package org.vbfann.plot;

import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;
import org.vbfann.core.Histogram2D;

/**
 * Z+X plots: the fake rate against pT, one series per |η| bin (as plotFR.cc draws them), and the
 * control-region shapes of the final states (as plotCRs.cc).
 */
public final class FakeRatePlot {
    private FakeRatePlot() {
    }

    /**
     * The rates of a map (x: pT, y: |η|; content the rate, error its uncertainty) with bin-width x errors and
     * the rate errors as y errors, on a logarithmic pT axis; bins with zero content and error are left out.
     */
    public static JFreeChart chart(String title, Histogram2D map) {
        Axis pt = map.xAxis();
        Axis eta = map.yAxis();
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        for (int iy = 1; iy <= eta.bins(); iy++) {
            XYIntervalSeries s = new XYIntervalSeries(String.format("%.3g < |eta| < %.3g", eta.lowEdge(iy),
                    eta.highEdge(iy)));
            for (int ix = 1; ix <= pt.bins(); ix++) {
                double f = map.content(ix, iy);
                double e = map.error(ix, iy);
                if (f != 0 || e != 0) {
                    s.add(Math.sqrt(Math.max(pt.lowEdge(ix), 1) * pt.highEdge(ix)), Math.max(pt.lowEdge(ix), 1),
                            pt.highEdge(ix), f, f - e, f + e);
                }
            }
            data.addSeries(s);
        }
        LogarithmicAxis x = new LogarithmicAxis(pt.title());
        NumberAxis y = new NumberAxis("fake rate");
        XYPlot plot = new XYPlot(data, x, y, new XYErrorRenderer());
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    /** The histograms (e.g. a Z+X shape per final state) as step lines on their common axis. */
    public static JFreeChart shapes(String title, Map<String, Histogram1D> histograms) {
        XYSeriesCollection data = new XYSeriesCollection();
        String xLabel = "";
        for (Map.Entry<String, Histogram1D> e : histograms.entrySet()) {
            Histogram1D h = e.getValue();
            Axis a = h.axis();
            xLabel = a.title();
            XYSeries s = new XYSeries(e.getKey(), false);
            for (int i = 1; i <= a.bins(); i++) {
                s.add(a.lowEdge(i), h.content(i));
            }
            s.add(a.max(), h.content(a.bins()));
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, new NumberAxis("events / bin"), new XYStepRenderer());
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }
}
