package org.vbfann.stats;

/**
 * Profile-likelihood scans on a grid, as Combine's {@code MultiDimFit --algo grid}: 2 deltaNLL at each point
 * relative to the global minimum, all other parameters profiled, each fit warm-started from its neighbour.
 */
public final class LikelihoodScan {
    /** A 1D scan: the grid and 2 deltaNLL at each point. */
    public record Scan1D(double[] x, double[] twoDeltaNll) {
    }

    /** A 2D scan: grid axes and 2 deltaNLL[i][j] at (x[i], y[j]). */
    public record Scan2D(double[] x, double[] y, double[][] twoDeltaNll) {
    }

    private LikelihoodScan() {
    }

    /** {@code points} values evenly spaced on [lo, hi] (both included). */
    public static double[] grid(double lo, double hi, int points) {
        if (points < 2 || !(lo < hi)) {
            throw new StatsException("scan grid needs at least 2 points on a non-empty range, found " + points
                    + " points on [" + lo + ", " + hi + "]");
        }
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = lo + (hi - lo) * i / (points - 1);
        }
        return g;
    }

    /** Scans parameter p over {@code xs} around the minimum {@code best}. */
    public static Scan1D scan(Fitter fitter, FitResult best, int p, double[] xs) {
        ProfileLikelihood pl = new ProfileLikelihood(fitter, best);
        double[] q = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            q[i] = pl.q(p, xs[i]);
        }
        return new Scan1D(xs.clone(), q);
    }

    /** Scans parameters p1 and p2 over the grid xs &times; ys around the minimum {@code best}. */
    public static Scan2D scan(Fitter fitter, FitResult best, int p1, double[] xs, int p2, double[] ys) {
        Fitter.requireConverged(best, "the fit before the scan");
        double[][] q = new double[xs.length][ys.length];
        double[] warm = best.parameters();
        boolean f1 = fitter.isFixed(p1);
        boolean f2 = fitter.isFixed(p2);
        double lo1 = fitter.lower(p1);
        double hi1 = fitter.upper(p1);
        fitter.setFixed(p1, true);
        try {
            for (int i = 0; i < xs.length; i++) {
                double[] rowStart = warm.clone();
                rowStart[p1] = xs[i];
                fitter.setBounds(p1, Math.min(lo1, xs[i]), Math.max(hi1, xs[i]));
                for (int j = 0; j < ys.length; j++) {
                    FitResult r = Fitter.requireConverged(fitter.fitFixed(p2, ys[j], rowStart),
                            "fit at " + fitter.model().parameterName(p1) + " = " + xs[i] + ", "
                                    + fitter.model().parameterName(p2) + " = " + ys[j]);
                    rowStart = r.parameters();
                    if (j == 0) {
                        warm = r.parameters();
                    }
                    q[i][j] = Math.max(0, 2 * (r.nll() - best.nll()));
                }
            }
        } finally {
            fitter.setBounds(p1, lo1, hi1);
            fitter.setFixed(p1, f1);
            fitter.setFixed(p2, f2);
        }
        return new Scan2D(xs.clone(), ys.clone(), q);
    }
}
