package org.vbfann.stats;

/**
 * Maximum-likelihood fits of one {@link LikelihoodModel}: free, with parameters fixed at given values, and the
 * Hessian covariance at a minimum. Bounds and fixed flags start as the model's and can be changed. Not
 * thread-safe (it owns one evaluator).
 */
public final class Fitter {
    private final LikelihoodModel model;
    private final LikelihoodModel.Evaluator evaluator;
    private final LikelihoodModel.Evaluator plainEvaluator;
    private final boolean[] profiled;
    private boolean profiling;
    private final Minimizer minimizer;
    private final double[] lo;
    private final double[] hi;
    private final boolean[] fixed;
    private final double[] init;

    /** A fitter with the model's initial values, bounds and fixed flags and the default minimiser. */
    public Fitter(LikelihoodModel model) {
        this(model, new Minimizer());
    }

    /** A fitter with the given minimiser. */
    public Fitter(LikelihoodModel model, Minimizer minimizer) {
        this.model = model;
        this.profiled = model.profiledParameters();
        this.evaluator = model.profilingEvaluator();
        this.plainEvaluator = model.evaluator();
        this.profiling = any(profiled);
        this.minimizer = minimizer;
        this.lo = model.lowerBounds();
        this.hi = model.upperBounds();
        this.fixed = model.fixedParameters();
        this.init = model.initialValues();
    }

    /** A fitter of another dataset (e.g. Asimov) that keeps this fitter's bounds, fixed flags and initial values. */
    public Fitter withModel(LikelihoodModel other) {
        Fitter f = new Fitter(other, minimizer);
        System.arraycopy(lo, 0, f.lo, 0, lo.length);
        System.arraycopy(hi, 0, f.hi, 0, hi.length);
        System.arraycopy(fixed, 0, f.fixed, 0, fixed.length);
        System.arraycopy(init, 0, f.init, 0, init.length);
        return f;
    }

    /** The model. */
    public LikelihoodModel model() {
        return model;
    }

    /** A plain evaluator of this fitter's model (for NLL values at chosen points). */
    public LikelihoodModel.Evaluator evaluator() {
        return plainEvaluator;
    }

    private static boolean any(boolean[] b) {
        for (boolean v : b) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    /** The fixed mask the minimiser sees: fixed parameters, plus the analytically profiled ones. */
    private boolean[] minimizerFixed() {
        if (!profiling) {
            return fixed;
        }
        boolean[] f = fixed.clone();
        for (int i = 0; i < f.length; i++) {
            f[i] |= profiled[i];
        }
        return f;
    }

    private LikelihoodModel.Evaluator activeEvaluator() {
        return profiling ? evaluator : plainEvaluator;
    }

    /** Sets the bounds of parameter p. */
    public void setBounds(int p, double lower, double upper) {
        lo[p] = lower;
        hi[p] = upper;
        init[p] = Math.min(upper, Math.max(lower, init[p]));
    }

    /** Sets the initial value of parameter p. */
    public void setInit(int p, double value) {
        init[p] = value;
    }

    /** Fixes or frees parameter p. */
    public void setFixed(int p, boolean isFixed) {
        fixed[p] = isFixed;
    }

    /** The initial values (a copy). */
    public double[] initialValues() {
        return init.clone();
    }

    /** The lower bound of p. */
    public double lower(int p) {
        return lo[p];
    }

    /** The upper bound of p. */
    public double upper(int p) {
        return hi[p];
    }

    /** Whether p is fixed. */
    public boolean isFixed(int p) {
        return fixed[p];
    }

    /** Fits all free parameters from the initial values. */
    public FitResult fit() {
        return fit(init);
    }

    /** Fits all free parameters from {@code start}; if that does not converge, retries from the initial values. */
    public FitResult fit(double[] start) {
        boolean[] mask = minimizerFixed();
        FitResult r = minimizer.minimize(activeEvaluator(), start, mask, lo, hi);
        if (!r.converged() && start != init) {
            FitResult again = minimizer.minimize(activeEvaluator(), init, mask, lo, hi);
            if (again.converged() || again.nll() < r.nll()) {
                return again;
            }
        }
        return r;
    }

    /** Fits with parameter p fixed at {@code value} (outside its bounds if need be), from {@code start}. */
    public FitResult fitFixed(int p, double value, double[] start) {
        boolean wasFixed = fixed[p];
        double l = lo[p];
        double h = hi[p];
        double[] s = start.clone();
        s[p] = value;
        fixed[p] = true;
        lo[p] = Math.min(l, value);
        hi[p] = Math.max(h, value);
        double[] i0 = init.clone();
        init[p] = value;
        boolean wasProfiling = profiling;
        // A profiled parameter held at a value: profile none, minimise the others numerically.
        profiling = profiling && !profiled[p];
        try {
            return fit(s);
        } finally {
            profiling = wasProfiling;
            fixed[p] = wasFixed;
            lo[p] = l;
            hi[p] = h;
            System.arraycopy(i0, 0, init, 0, i0.length);
        }
    }

    /**
     * Fits and fails with a {@link StatsException} naming the fit if it does not converge.
     *
     * @param what what the fit is, for the message (e.g. "background-only fit to data")
     */
    public static FitResult requireConverged(FitResult r, String what) {
        if (!r.converged()) {
            throw new FitFailedException(what + " did not converge: " + r.status().name().toLowerCase(java.util.Locale.ROOT)
                    + " after " + r.iterations() + " iterations (NLL " + r.nll() + ", EDM " + r.edm() + ")", r);
        }
        return r;
    }

    /**
     * The covariance matrix at x: the inverse of the finite-difference Hessian of the NLL over the free
     * parameters (with the Barlow-Beeston-lite totals profiled, so it is their Schur complement); rows and columns
     * of fixed and profiled parameters are zero.
     *
     * @return row-major np&times;np, or null when the Hessian is not positive definite
     */
    public double[] covariance(double[] x) {
        int np = x.length;
        int[] free = Minimizer.freeIndices(minimizerFixed());
        int n = free.length;
        double[] h = new double[n * n];
        Minimizer.finiteDifferenceHessian(activeEvaluator(), x.clone(), free, lo, hi, h);
        double[] inv = Cholesky.inverse(h, n);
        if (inv == null) {
            return null;
        }
        double[] cov = new double[np * np];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                cov[free[a] * np + free[b]] = inv[a * n + b];
            }
        }
        return cov;
    }
}
