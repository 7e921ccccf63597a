package org.vbfann.physics.gen;

import java.util.SplittableRandom;

/**
 * A one-dimensional distribution sampled by inverting its cumulative integral, tabulated with the trapezoid
 * rule on a uniform grid and interpolated linearly (the density is piecewise linear between grid points).
 * Sampling may be restricted to a sub-range. Used for the Z line shape and the m4ℓ spectra.
 */
final class TabulatedDistribution {
    /** A density up to normalisation. */
    interface Density {
        double at(double x);
    }

    private final double lo;
    private final double step;
    private final double[] pdf;
    private final double[] cdf;

    /** Tabulates {@code density} on {@code points} grid points spanning [lo, hi]. */
    TabulatedDistribution(Density density, double lo, double hi, int points) {
        this.lo = lo;
        this.step = (hi - lo) / (points - 1);
        this.pdf = new double[points];
        this.cdf = new double[points];
        for (int i = 0; i < points; i++) {
            pdf[i] = Math.max(0.0, density.at(lo + i * step));
        }
        for (int i = 1; i < points; i++) {
            cdf[i] = cdf[i - 1] + 0.5 * (pdf[i - 1] + pdf[i]) * step;
        }
        double total = cdf[points - 1];
        if (!(total > 0)) {
            throw new IllegalArgumentException("density integrates to " + total + " on [" + lo + ", " + hi + "]");
        }
        for (int i = 0; i < points; i++) {
            cdf[i] /= total;
            pdf[i] /= total;
        }
    }

    double lo() {
        return lo;
    }

    double hi() {
        return lo + step * (pdf.length - 1);
    }

    /** The normalised cumulative probability below x (0 below the range, 1 above). */
    double cdf(double x) {
        if (x <= lo) {
            return 0.0;
        }
        double t = (x - lo) / step;
        int i = (int) t;
        if (i >= pdf.length - 1) {
            return 1.0;
        }
        double f = t - i;
        // integral of the linear pdf over the fraction f of cell i
        double partial = step * f * (pdf[i] + 0.5 * f * (pdf[i + 1] - pdf[i]));
        return cdf[i] + partial;
    }

    /** A variate restricted to [a, b] (clipped to the tabulated range). */
    double sample(SplittableRandom r, double a, double b) {
        double ca = cdf(a);
        double cb = cdf(b);
        return inverse(ca + (cb - ca) * r.nextDouble());
    }

    /** A variate over the whole range. */
    double sample(SplittableRandom r) {
        return inverse(r.nextDouble());
    }

    /**
     * The first index in ({@code low}, length − 1] whose value exceeds {@code u} in a non-decreasing array
     * (length − 1 if none does), by bisection.
     */
    static int firstAbove(double[] sorted, double u, int low) {
        int lowIdx = low;
        int highIdx = sorted.length - 1;
        while (highIdx - lowIdx > 1) {
            int mid = (lowIdx + highIdx) >>> 1;
            if (sorted[mid] <= u) {
                lowIdx = mid;
            } else {
                highIdx = mid;
            }
        }
        return highIdx;
    }

    private double inverse(double u) {
        int i = firstAbove(cdf, u, 0) - 1;
        double rest = u - cdf[i];
        double p0 = pdf[i];
        double slope = (pdf[i + 1] - p0) / step;
        // solve p0·t + slope·t²/2 = rest for t in [0, step]
        double t;
        if (Math.abs(slope) < 1e-300) {
            t = p0 > 0 ? rest / p0 : 0.5 * step;
        } else {
            double disc = p0 * p0 + 2 * slope * rest;
            t = (-p0 + Math.sqrt(Math.max(0.0, disc))) / slope;
        }
        return lo + i * step + Math.min(step, Math.max(0.0, t));
    }
}
