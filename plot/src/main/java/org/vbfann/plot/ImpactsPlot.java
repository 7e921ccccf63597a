package org.vbfann.plot;

import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** Impacts on the POI of each nuisance at its +1 and -1 sigma post-fit values, ranked, like plotImpacts.py. */
public final class ImpactsPlot {
    private ImpactsPlot() {
    }

    /** One nuisance: the POI shifts for theta + sigma and theta - sigma. */
    public record Entry(String name, double impactUp, double impactDown) {
    }

    /** The chart of the entries in the given (ranked) order. */
    public static JFreeChart chart(String title, String poi, List<Entry> ranked) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Entry e : ranked) {
            data.addValue(e.impactUp(), "+1\u03c3", e.name());
            data.addValue(e.impactDown(), "-1\u03c3", e.name());
        }
        return ChartFactory.createBarChart(title, "nuisance", "\u0394" + poi, data, PlotOrientation.HORIZONTAL,
                true, false, false);
    }
}
