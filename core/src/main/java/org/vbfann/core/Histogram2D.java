package org.vbfann.core;

import java.util.Arrays;

/**
 * A two-dimensional weighted histogram with ROOT's cell layout: cell {@code ix + (nx + 2) * iy}, where
 * {@code ix} and {@code iy} run from 0 (underflow) to {@code n + 1} (overflow). Keeps the sum of weights and
 * of squared weights per cell and the number of fills.
 */
public final class Histogram2D {
    private final String name;
    private String title;
    private final Axis xAxis;
    private final Axis yAxis;
    private String zTitle;
    private final double[] sumw;
    private final double[] sumw2;
    private double entries;

    /** An empty histogram. */
    public Histogram2D(String name, String title, Axis xAxis, Axis yAxis) {
        this.name = name;
        this.title = title == null ? "" : title;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        this.zTitle = "";
        int cells = (xAxis.bins() + 2) * (yAxis.bins() + 2);
        this.sumw = new double[cells];
        this.sumw2 = new double[cells];
    }

    /**
     * A histogram from stored cells in ROOT's layout (copied). A null {@code sumw2} means unweighted
     * fills (sumw2 = sumw).
     */
    public static Histogram2D of(String name, String title, Axis xAxis, Axis yAxis,
                                 double[] sumw, double[] sumw2, double entries) {
        Histogram2D h = new Histogram2D(name, title, xAxis, yAxis);
        h.checkCells("sumw", sumw);
        System.arraycopy(sumw, 0, h.sumw, 0, sumw.length);
        double[] w2 = sumw2 != null ? sumw2 : sumw;
        h.checkCells("sumw2", w2);
        System.arraycopy(w2, 0, h.sumw2, 0, w2.length);
        h.entries = entries;
        return h;
    }

    private void checkCells(String what, double[] cells) {
        if (cells.length != sumw.length) {
            throw new IllegalArgumentException("histogram '" + name + "': " + what + " has " + cells.length
                    + " cells, expected " + sumw.length + " ((nx+2)*(ny+2))");
        }
    }

    /** Index of cell (ix, iy) in {@link #contents()}. */
    public int cell(int ix, int iy) {
        return ix + (xAxis.bins() + 2) * iy;
    }

    /** Adds weight {@code w} at ({@code x}, {@code y}). */
    public void fill(double x, double y, double w) {
        int c = cell(xAxis.findBin(x), yAxis.findBin(y));
        sumw[c] += w;
        sumw2[c] += w * w;
        entries += 1;
    }

    /** Adds {@code other} cell by cell (same binning required). */
    public void add(Histogram2D other) {
        if (!xAxis.sameBinning(other.xAxis) || !yAxis.sameBinning(other.yAxis)) {
            throw new IllegalArgumentException("cannot add histogram '" + other.name + "' to '" + name
                    + "': binnings differ");
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

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public void setTitle(String t) {
        this.title = t == null ? "" : t;
    }

    public Axis xAxis() {
        return xAxis;
    }

    public Axis yAxis() {
        return yAxis;
    }

    /** Title of the z axis (may be empty). */
    public String zTitle() {
        return zTitle;
    }

    public void setZTitle(String t) {
        this.zTitle = t == null ? "" : t;
    }

    public double entries() {
        return entries;
    }

    public void setEntries(double n) {
        this.entries = n;
    }

    /** Content of cell (ix, iy). */
    public double content(int ix, int iy) {
        return sumw[cell(ix, iy)];
    }

    /** Sets the content of cell (ix, iy). */
    public void setContent(int ix, int iy, double v) {
        sumw[cell(ix, iy)] = v;
    }

    /** Sum of squared weights of cell (ix, iy). */
    public double sumw2(int ix, int iy) {
        return sumw2[cell(ix, iy)];
    }

    /** Sets the sum of squared weights of cell (ix, iy). */
    public void setSumw2(int ix, int iy, double v) {
        sumw2[cell(ix, iy)] = v;
    }

    /** Statistical error of cell (ix, iy). */
    public double error(int ix, int iy) {
        return Math.sqrt(sumw2[cell(ix, iy)]);
    }

    /** All cells, ROOT's layout (a copy). */
    public double[] contents() {
        return sumw.clone();
    }

    /** All cells' sums of squared weights (a copy). */
    public double[] sumw2() {
        return sumw2.clone();
    }

    /** Sum of the in-range cells. */
    public double integral() {
        double s = 0;
        for (int iy = 1; iy <= yAxis.bins(); iy++) {
            for (int ix = 1; ix <= xAxis.bins(); ix++) {
                s += sumw[cell(ix, iy)];
            }
        }
        return s;
    }

    /** Whether both have equal binning, contents, squared weights and entries. */
    public boolean sameContents(Histogram2D o) {
        return xAxis.sameBinning(o.xAxis) && yAxis.sameBinning(o.yAxis) && Arrays.equals(sumw, o.sumw)
                && Arrays.equals(sumw2, o.sumw2) && entries == o.entries;
    }

    @Override
    public String toString() {
        return "Histogram2D(" + name + ", " + xAxis + " x " + yAxis + ")";
    }
}
