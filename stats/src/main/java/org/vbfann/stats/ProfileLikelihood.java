package org.vbfann.stats;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Profile-likelihood curves and intervals of one parameter (MINOS-like, as Combine's {@code MultiDimFit --algo
 * singles}): q(x) = 2 [NLL(x, profiled) - NLL_min], crossings of q = level found by bracketing and Brent's
 * method, each conditional fit warm-started from the previous one.
 */
public final class ProfileLikelihood {
    private static final double ACCURACY = 1e-7;

    /**
     * An interval.
     *
     * @param best  the best-fit value
     * @param lower the lower crossing (the parameter's lower bound if q stays below the level)
     * @param upper the upper crossing (likewise)
     */
    public record Interval(double best, double lower, double upper) {
        /** best - lower. */
        public double errorLow() {
            return best - lower;
        }

        /** upper - best. */
        public double errorHigh() {
            return upper - best;
        }
    }

    private final Fitter fitter;
    private final FitResult minimum;
    private double[] warm;

    /** Curves around a converged minimum of {@code fitter}. */
    public ProfileLikelihood(Fitter fitter, FitResult minimum) {
        this.fitter = fitter;
        this.minimum = Fitter.requireConverged(minimum, "the fit before the profile-likelihood scan");
        this.warm = minimum.parameters();
    }

    /** q(x) = 2 [NLL(p = x, others profiled) - NLL_min], at least 0. */
    public double q(int p, double x) {
        FitResult r = Fitter.requireConverged(fitter.fitFixed(p, x, warm),
                "fit with " + fitter.model().parameterName(p) + " = " + x);
        warm = r.parameters();
        return Math.max(0, 2 * (r.nll() - minimum.nll()));
    }

    /** The interval where q &lt; level (1 for 68.3%, 3.84 for 95%), inside the parameter's bounds. */
    public Interval interval(int p, double level) {
        double best = minimum.parameters()[p];
        double[] start = minimum.parameters();
        double step = initialStep(p);
        warm = start;
        double upper = crossing(p, best, step, fitter.upper(p), level);
        warm = start;
        double lower = crossing(p, best, -step, fitter.lower(p), level);
        warm = start;
        return new Interval(best, lower, upper);
    }

    private double initialStep(int p) {
        double[] cov = fitter.covariance(minimum.parameters());
        int n = minimum.parameters().length;
        double v = cov == null ? Double.NaN : cov[p * n + p];
        return v > 0 && Double.isFinite(v) ? Math.sqrt(v) : 0.1 * Math.max(1, Math.abs(minimum.parameters()[p]));
    }

    private double crossing(int p, double best, double step, double bound, double level) {
        double a = best;
        double b = best + step;
        double qb;
        while (true) {
            if ((step > 0 && b >= bound) || (step < 0 && b <= bound)) {
                b = bound;
                if (b == best) {
                    return bound;
                }
                qb = q(p, b);
                if (qb < level) {
                    return bound;
                }
                break;
            }
            qb = q(p, b);
            if (qb >= level) {
                break;
            }
            a = b;
            step *= 2;
            b = best + step;
        }
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        try {
            return new BrentSolver(ACCURACY, ACCURACY * Math.max(1, Math.abs(best)))
                    .solve(200, x -> q(p, x) - level, lo, hi);
        } catch (MathIllegalArgumentException e) {
            throw new StatsException("profile-likelihood crossing of " + fitter.model().parameterName(p)
                    + " at 2dNLL = " + level + " not found between " + lo + " and " + hi, e);
        }
    }
}
