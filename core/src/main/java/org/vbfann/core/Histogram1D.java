package org.vbfann.core;

import java.util.Arrays;

/**
 * A one-dimensional weighted histogram with ROOT's cell layout: cell 0 is the underflow, cells
 * 1..n the bins, cell n+1 the overflow. Keeps the sum of weights and the sum of squared weights per
 * cell and the number of fills ({@code entries}), like a TH1 with Sumw2.
 */
public final class Histogram1D {
    private final String name;
    private String title;
    private final Axis axis;
    private String yTitle;
    private final double[] sumw;
    private final double[] sumw2;
    private double entries;

    /** An empty histogram. */
    public Histogram1D(String name, String title, Axis axis) {
        this.name = name;
        this.title = title == null ? "" : title;
        this.axis = axis;
        this.yTitle = "";
        this.sumw = new double[axis.bins() + 2];
        this.sumw2 = new double[axis.bins() + 2];
    }

    /**
     * A histogram from stored cells (as read from a file). Arrays are copied; each must have
     * {@code axis.bins() + 2} cells. A null {@code sumw2} means unweighted fills (sumw2 = sumw).
     */
    public static Histogram1D of(String name, String title, Axis axis, double[] sumw, double[] sumw2, double entries) {
        Histogram1D h = new Histogram1D(name, title, axis);
        h.checkCells("sumw", sumw);
        System.arraycopy(sumw, 0, h.sumw, 0, sumw.length);
        if (sumw2 != null) {
            h.checkCells("sumw2", sumw2);
            System.arraycopy(sumw2, 0, h.sumw2, 0, sumw2.length);
        } else {
            System.arraycopy(sumw, 0, h.sumw2, 0, sumw.length);
        }
        h.entries = entries;
        return h;
    }

    private void checkCells(String what, double[] cells) {
        if (cells.length != sumw.length) {
            throw new IllegalArgumentException("histogram '" + name + "': " + what + " has " + cells.length
                    + " cells, expected " + sumw.length + " (" + axis.bins() + " bins + under/overflow)");
        }
    }

    /** Adds weight {@code w} at {@code x}. */
    public void fill(double x, double w) {
        int bin = axis.findBin(x);
        sumw[bin] += w;
        sumw2[bin] += w * w;
        entries += 1;
    }

    /** Adds weight 1 at {@code x}. */
    public void fill(double x) {
        fill(x, 1.0);
    }

    /** Adds {@code other} cell by cell (same binning required), like TH1::Add. */
    public void add(Histogram1D other) {
        if (!axis.sameBinning(other.axis)) {
            throw new IllegalArgumentException("cannot add histogram '" + other.name + "' " + other.axis
                    + " to '" + name + "' " + axis + ": binnings differ");
        }
        for (int i = 0; i < sumw.length; i++) {
            sumw[i] += other.sumw[i];
            sumw2[i] += other.sumw2[i];
        }
        entries += other.entries;
    }

    /** Multiplies contents by {@code factor} and squared weights by its square. */
    public void scale(double factor) {
        for (int i = 0; i < sumw.length; i++) {
            sumw[i] *= factor;
            sumw2[i] *= factor * factor;
        }
    }

    /** A deep copy, optionally under another name. */
    public Histogram1D copy(String newName) {
        Histogram1D h = of(newName, title, axis, sumw, sumw2, entries);
        h.yTitle = yTitle;
        return h;
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public void setTitle(String newTitle) {
        this.title = newTitle == null ? "" : newTitle;
    }

    public Axis axis() {
        return axis;
    }

    /** Title of the y axis (may be empty). */
    public String yTitle() {
        return yTitle;
    }

    public void setYTitle(String t) {
        this.yTitle = t == null ? "" : t;
    }

    /** Number of fills (ROOT's fEntries). */
    public double entries() {
        return entries;
    }

    public void setEntries(double n) {
        this.entries = n;
    }

    /** Content of cell {@code bin} (0 = underflow, bins()+1 = overflow). */
    public double content(int bin) {
        return sumw[bin];
    }

    /** Sets the content of cell {@code bin}. */
    public void setContent(int bin, double value) {
        sumw[bin] = value;
    }

    /** Sum of squared weights of cell {@code bin}. */
    public double sumw2(int bin) {
        return sumw2[bin];
    }

    /** Sets the sum of squared weights of cell {@code bin}. */
    public void setSumw2(int bin, double value) {
        sumw2[bin] = value;
    }

    /** Statistical error of cell {@code bin}: sqrt(sumw2). */
    public double error(int bin) {
        return Math.sqrt(sumw2[bin]);
    }

    /** All cells' contents, under- and overflow included (a copy). */
    public double[] contents() {
        return sumw.clone();
    }

    /** All cells' sums of squared weights, under- and overflow included (a copy). */
    public double[] sumw2() {
        return sumw2.clone();
    }

    /** Sum of the in-range bins (no under/overflow), like TH1::Integral(). */
    public double integral() {
        double s = 0;
        for (int i = 1; i <= axis.bins(); i++) {
            s += sumw[i];
        }
        return s;
    }

    /** Sum of all cells including under- and overflow. */
    public double integralWithFlow() {
        double s = 0;
        for (double v : sumw) {
            s += v;
        }
        return s;
    }

    @Override
    public String toString() {
        return "Histogram1D(" + name + ", " + axis + ", integral=" + integral() + ")";
    }

    /** Whether both have equal binning, contents, squared weights and entries (names and titles ignored). */
    public boolean sameContents(Histogram1D o) {
        return axis.sameBinning(o.axis) && Arrays.equals(sumw, o.sumw) && Arrays.equals(sumw2, o.sumw2)
                && entries == o.entries;
    }
}
