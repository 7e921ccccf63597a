package org.vbfann.plot;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.CategoryTableXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Stacked process yields per bin with data points (Poisson errors) and a data/prediction ratio panel. */
public final class StackPlot {
    private StackPlot() {
    }

    /** One stacked process. */
    public record Process(String name, double[] yields) {
    }

    /**
     * The chart of one channel.
     *
     * @param total      the total prediction per bin
     * @param totalError its uncertainty per bin (drawn in the ratio panel)
     */
    public static JFreeChart chart(String title, List<Process> processes, double[] data, double[] total,
                                   double[] totalError) {
        CategoryTableXYDataset stack = new CategoryTableXYDataset();
        for (Process p : processes) {
            if (p.yields().length != data.length) {
                throw new IllegalArgumentException("stack '" + p.name() + "': " + p.yields().length + " bins, data has "
                        + data.length);
            }
            for (int b = 0; b < data.length; b++) {
                stack.add(b + 0.5, p.yields()[b], p.name());
            }
        }
        StackedXYBarRenderer bars = new StackedXYBarRenderer(0.0);
        bars.setDrawBarOutline(false);
        // flat fills, as HEP stacks are drawn, not JFreeChart's default gradient with shadows
        bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        bars.setShadowVisible(false);
        XYPlot top = new XYPlot(stack, null, new NumberAxis("events"), bars);
        YIntervalSeries ds = new YIntervalSeries("data");
        YIntervalSeries ratio = new YIntervalSeries("data / prediction");
        YIntervalSeries band = new YIntervalSeries("uncertainty");
        for (int b = 0; b < data.length; b++) {
            double e = Math.sqrt(Math.max(data[b], 0));
            ds.add(b + 0.5, data[b], data[b] - e, data[b] + e);
            if (total[b] > 0) {
                ratio.add(b + 0.5, data[b] / total[b], (data[b] - e) / total[b], (data[b] + e) / total[b]);
                band.add(b + 0.5, 1, 1 - totalError[b] / total[b], 1 + totalError[b] / total[b]);
            }
        }
        YIntervalSeriesCollection dataSet = new YIntervalSeriesCollection();
        dataSet.addSeries(ds);
        XYErrorRenderer points = new XYErrorRenderer();
        points.setDrawXError(false);
        top.setRenderer(1, points);
        top.setDataset(1, dataSet);
        YIntervalSeriesCollection ratioSet = new YIntervalSeriesCollection();
        ratioSet.addSeries(ratio);
        ratioSet.addSeries(band);
        XYErrorRenderer ratioRenderer = new XYErrorRenderer();
        ratioRenderer.setDrawXError(false);
        XYPlot bottom = new XYPlot(ratioSet, null, new NumberAxis("data / pred."), ratioRenderer);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("bin"));
        plot.add(top, 3);
        plot.add(bottom, 1);
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }
}
