package org.vbfann.core;

import java.util.Arrays;

/**
 * A binned axis: {@code nbins} bins between {@code nbins + 1} increasing edges, either uniform
 * ({@link #uniform}) or variable ({@link #variable}). Bin 0 is the underflow and bin {@code nbins + 1}
 * the overflow, as in ROOT's TAxis, so a histogram over this axis stores {@code nbins + 2} cells.
 * Immutable.
 */
public final class Axis {
    private final int nbins;
    private final double min;
    private final double max;
    private final double[] edges;   // null for a uniform axis
    private final String title;

    private Axis(int nbins, double min, double max, double[] edges, String title) {
        this.nbins = nbins;
        this.min = min;
        this.max = max;
        this.edges = edges;
        this.title = title == null ? "" : title;
    }

    /**
     * A uniform axis.
     *
     * @throws IllegalArgumentException if {@code nbins < 1} or {@code !(min < max)}
     */
    public static Axis uniform(int nbins, double min, double max, String title) {
        if (nbins < 1) {
            throw new IllegalArgumentException("axis needs at least 1 bin, got " + nbins);
        }
        if (!(min < max) || Double.isInfinite(min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("axis range must be finite with min < max, got [" + min + ", " + max + "]");
        }
        return new Axis(nbins, min, max, null, title);
    }

    /**
     * A variable-width axis from its {@code nbins + 1} strictly increasing edges (copied).
     *
     * @throws IllegalArgumentException if fewer than 2 edges or edges not strictly increasing
     */
    public static Axis variable(double[] edges, String title) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("a variable axis needs at least 2 edges, got " + edges.length);
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("axis edges must increase strictly: edge " + i + " = " + edges[i]
                        + " after " + edges[i - 1]);
            }
        }
        double[] copy = edges.clone();
        return new Axis(copy.length - 1, copy[0], copy[copy.length - 1], copy, title);
    }

    /** Number of in-range bins (without under- and overflow). */
    public int bins() {
        return nbins;
    }

    /** Lower edge of the first bin. */
    public double min() {
        return min;
    }

    /** Upper edge of the last bin. */
    public double max() {
        return max;
    }

    /** Whether the bins have different widths (edges were given explicitly). */
    public boolean isVariable() {
        return edges != null;
    }

    /** Axis title (may be empty). */
    public String title() {
        return title;
    }

    /** A copy of this axis with another title. */
    public Axis withTitle(String newTitle) {
        return new Axis(nbins, min, max, edges, newTitle);
    }

    /** Lower edge of bin {@code bin} (1-based; {@code bins() + 1} gives the upper edge of the last bin). */
    public double lowEdge(int bin) {
        if (edges != null) {
            return edges[bin - 1];
        }
        return min + (max - min) * (bin - 1) / nbins;
    }

    /** Upper edge of bin {@code bin} (1-based). */
    public double highEdge(int bin) {
        return lowEdge(bin + 1);
    }

    /** Centre of bin {@code bin} (1-based). */
    public double center(int bin) {
        return 0.5 * (lowEdge(bin) + highEdge(bin));
    }

    /** Width of bin {@code bin} (1-based). */
    public double width(int bin) {
        return highEdge(bin) - lowEdge(bin);
    }

    /** All {@code bins() + 1} edges. */
    public double[] edges() {
        if (edges != null) {
            return edges.clone();
        }
        double[] e = new double[nbins + 1];
        for (int i = 0; i <= nbins; i++) {
            e[i] = lowEdge(i + 1);
        }
        return e;
    }

    /**
     * The bin holding {@code x}: 0 below {@link #min()}, {@code bins() + 1} at or above {@link #max()},
     * else 1..bins(); bins include their lower edge. NaN goes to the underflow, as ROOT does.
     */
    public int findBin(double x) {
        if (!(x >= min)) {
            return 0;
        }
        if (x >= max) {
            return nbins + 1;
        }
        if (edges == null) {
            int bin = 1 + (int) ((x - min) / (max - min) * nbins);
            return Math.min(bin, nbins);  // rounding just below max
        }
        int i = Arrays.binarySearch(edges, x);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Whether both axes have the same binning (titles are ignored). */
    public boolean sameBinning(Axis other) {
        if (nbins != other.nbins) {
            return false;
        }
        for (int i = 1; i <= nbins + 1; i++) {
            if (Double.compare(lowEdge(i), other.lowEdge(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Axis a && sameBinning(a) && title.equals(a.title);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(edges()) + title.hashCode();
    }

    @Override
    public String toString() {
        return edges == null ? "Axis(" + nbins + ", " + min + ", " + max + ")" : "Axis(" + Arrays.toString(edges) + ")";
    }
}
