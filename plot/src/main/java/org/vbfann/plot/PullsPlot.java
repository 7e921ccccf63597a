package org.vbfann.plot;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Nuisance pulls (post-fit minus pre-fit, in pre-fit sigmas) with their post-fit constraints as error bars. */
public final class PullsPlot {
    private PullsPlot() {
    }

    /** One nuisance: pull and constraint (post-fit error / pre-fit sigma). */
    public record Entry(String name, double pull, double constraint) {
    }

    /** The chart, one row per nuisance. */
    public static JFreeChart chart(String title, List<Entry> entries) {
        YIntervalSeries s = new YIntervalSeries("pull");
        String[] names = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            s.add(i, e.pull(), e.pull() - e.constraint(), e.pull() + e.constraint());
            names[i] = e.name();
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(s);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        XYPlot plot = new XYPlot(data, new SymbolAxis("nuisance", names), new NumberAxis("(\u03b8 - \u03b8\u2080)/\u03c3"), r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    }
}
