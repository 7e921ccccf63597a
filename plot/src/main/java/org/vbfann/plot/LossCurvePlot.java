package org.vbfann.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Training and validation loss against epoch, with a vertical line at the epoch whose weights were kept. */
public final class LossCurvePlot {
    private LossCurvePlot() {
    }

    /**
     * The chart of the losses; epochs are numbered from 1.
     *
     * @param bestEpoch 0-based epoch kept by early stopping, or −1 for none
     */
    public static JFreeChart chart(String title, double[] trainLoss, double[] validationLoss, int bestEpoch) {
        if (trainLoss.length != validationLoss.length) {
            throw new IllegalArgumentException("loss curves: " + trainLoss.length + " training and "
                    + validationLoss.length + " validation values");
        }
        XYSeries train = new XYSeries("training loss");
        XYSeries val = new XYSeries("validation loss");
        for (int e = 0; e < trainLoss.length; e++) {
            train.add(e + 1, trainLoss[e]);
            val.add(e + 1, validationLoss[e]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(train);
        data.addSeries(val);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", "loss", data, PlotOrientation.VERTICAL,
                true, false, false);
        if (bestEpoch >= 0) {
            ValueMarker m = new ValueMarker(bestEpoch + 1, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            m.setLabel("best epoch " + (bestEpoch + 1));
            chart.getXYPlot().addDomainMarker(m);
        }
        ((org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }
}
