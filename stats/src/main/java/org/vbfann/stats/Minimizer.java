package org.vbfann.stats;

import java.util.Arrays;

/**
 * A bounded quasi-Newton minimiser for {@link LikelihoodModel} NLLs with analytic gradients.
 *
 * <p>Each iteration splits the free parameters into an active set (at a bound with the gradient pushing
 * outwards) and the rest, solves the Newton system of the rest with the Hessian from central differences of
 * the analytic gradient, and searches along the step projected onto the bounds (Armijo backtracking). A step
 * that fails is damped (Levenberg-Marquardt) before giving up. Convergence: EDM = g^T H^-1 g / 2 &lt; tolerance,
 * like MINUIT's. A fresh Hessian every iteration (rather than BFGS updates) keeps the steps right across the
 * kinks of piecewise interpolations (pyhf code0/code1 at alpha = 0), where quasi-Newton updates stall.
 */
public final class Minimizer {
    /** Default EDM tolerance: far below MINUIT's (Combine runs 1e-4 to 1e-3) so results are reproducible. */
    public static final double DEFAULT_TOLERANCE = 1e-11;
    /** Default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = 500;
    private static final double ARMIJO = 1e-4;
    private static final double BOUND_EPS = 1e-12;

    private final double tolerance;
    private final int maxIterations;

    /** A minimiser with the default tolerance and iteration limit. */
    public Minimizer() {
        this(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /** A minimiser with the given EDM tolerance and iteration limit. */
    public Minimizer(double tolerance, int maxIterations) {
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * Minimises the NLL of {@code ev} from {@code start} over the parameters not {@code fixed}, inside [lo, hi].
     * Fixed parameters keep their start values.
     */
    public FitResult minimize(LikelihoodModel.Evaluator ev, double[] start, boolean[] fixed, double[] lo,
                              double[] hi) {
        int np = start.length;
        int[] free = freeIndices(fixed);
        int n = free.length;
        double[] x = start.clone();
        for (int i = 0; i < np; i++) {
            x[i] = Math.min(hi[i], Math.max(lo[i], x[i]));
        }
        double[] g = new double[np];
        int evals = 1;
        double f = ev.nllAndGradient(x, g);
        if (!Double.isFinite(f)) {
            return new FitResult(FitStatus.NOT_FINITE_AT_START, x, f, Double.NaN, 0, evals);
        }
        if (n == 0) {
            return new FitResult(FitStatus.CONVERGED, x, f, 0, 0, evals);
        }
        double[] h = new double[n * n];
        evals += finiteDifferenceHessian(ev, x, free, lo, hi, h);
        double[] xNew = new double[np];
        double[] gNew = new double[np];
        double[] d = new double[n];
        double[] chol = new double[n * n];
        double[] rhs = new double[n];
        boolean[] active = new boolean[n];
        double edm = Double.NaN;
        double lambda = 0;
        for (int iter = 0; iter < maxIterations; iter++) {
            int nInactive = 0;
            for (int a = 0; a < n; a++) {
                int i = free[a];
                boolean atLo = x[i] - lo[i] <= BOUND_EPS * Math.max(1, Math.abs(lo[i])) && g[i] > 0;
                boolean atHi = hi[i] - x[i] <= BOUND_EPS * Math.max(1, Math.abs(hi[i])) && g[i] < 0;
                active[a] = atLo || atHi;
                if (!active[a]) {
                    nInactive++;
                }
            }
            if (nInactive == 0) {
                return new FitResult(FitStatus.CONVERGED, x, f, 0, iter, evals);
            }
            if (!solve(h, active, g, free, lambda, chol, rhs, d)) {
                lambda = lambda == 0 ? 1e-6 * maxDiagonal(h, n) + 1e-12 : lambda * 10;
                if (lambda > 1e12 * (maxDiagonal(h, n) + 1)) {
                    return new FitResult(FitStatus.LINE_SEARCH_FAILED, x, f, edm, iter, evals);
                }
                continue;
            }
            edm = 0;
            for (int a = 0; a < n; a++) {
                if (!active[a]) {
                    edm -= 0.5 * g[free[a]] * d[a];
                }
            }
            if (edm < tolerance && lambda == 0) {
                return new FitResult(FitStatus.CONVERGED, x, f, edm, iter, evals);
            }
            double step = 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int ls = 0; ls < 40; ls++) {
                System.arraycopy(x, 0, xNew, 0, np);
                double decrease = 0;
                for (int a = 0; a < n; a++) {
                    int i = free[a];
                    if (!active[a]) {
                        xNew[i] = Math.min(hi[i], Math.max(lo[i], x[i] + step * d[a]));
                    }
                    decrease += g[i] * (xNew[i] - x[i]);
                }
                fNew = ev.nllAndGradient(xNew, gNew);
                evals++;
                if (fNew <= f + ARMIJO * decrease) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                if (edm < 1e3 * tolerance) {
                    // At the floating-point floor of the NLL: no lower value is representable here.
                    return new FitResult(FitStatus.CONVERGED, x, f, edm, iter, evals);
                }
                lambda = lambda == 0 ? 1e-3 * (maxDiagonal(h, n) + 1e-12) : lambda * 10;
                if (lambda > 1e12 * (maxDiagonal(h, n) + 1)) {
                    return new FitResult(FitStatus.LINE_SEARCH_FAILED, x, f, edm, iter, evals);
                }
                continue;
            }
            lambda = 0;
            evals += finiteDifferenceHessian(ev, xNew, free, lo, hi, h);
            double fOld = f;
            System.arraycopy(xNew, 0, x, 0, np);
            System.arraycopy(gNew, 0, g, 0, np);
            f = fNew;
            if (Math.abs(fOld - f) <= 1e-15 * Math.max(1, Math.abs(f)) && edm < 1e3 * tolerance) {
                return new FitResult(FitStatus.CONVERGED, x, f, edm, iter + 1, evals);
            }
        }
        return new FitResult(FitStatus.MAX_ITERATIONS, x, f, edm, maxIterations, evals);
    }

    /**
     * The Hessian of the NLL at x over the free parameters, by central differences of the analytic gradient
     * (one-sided next to a bound), symmetrised.
     *
     * @param out n&times;n row-major (modified)
     * @return the number of gradient evaluations
     */
    public static int finiteDifferenceHessian(LikelihoodModel.Evaluator ev, double[] x, int[] free, double[] lo,
                                              double[] hi, double[] out) {
        int n = free.length;
        int np = x.length;
        double[] xp = x.clone();
        double[] gp = new double[np];
        double[] gm = new double[np];
        int evals = 0;
        for (int a = 0; a < n; a++) {
            int i = free[a];
            double step = 1e-5 * Math.max(1, Math.abs(x[i]));
            double up = Math.min(hi[i], x[i] + step);
            double dn = Math.max(lo[i], x[i] - step);
            if (up - dn <= 0) {
                for (int b = 0; b < n; b++) {
                    out[a * n + b] = a == b ? 1 : 0;
                }
                continue;
            }
            xp[i] = up;
            ev.nllAndGradient(xp, gp);
            xp[i] = dn;
            ev.nllAndGradient(xp, gm);
            xp[i] = x[i];
            evals += 2;
            for (int b = 0; b < n; b++) {
                out[a * n + b] = (gp[free[b]] - gm[free[b]]) / (up - dn);
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double v = 0.5 * (out[a * n + b] + out[b * n + a]);
                out[a * n + b] = v;
                out[b * n + a] = v;
            }
        }
        return evals;
    }

    /** Indices of the parameters that are not fixed. */
    public static int[] freeIndices(boolean[] fixed) {
        int n = 0;
        for (boolean b : fixed) {
            if (!b) {
                n++;
            }
        }
        int[] free = new int[n];
        int k = 0;
        for (int i = 0; i < fixed.length; i++) {
            if (!fixed[i]) {
                free[k++] = i;
            }
        }
        return free;
    }

    /** Solves (H + lambda diag) d = -g over the inactive parameters; false if not positive definite. */
    private static boolean solve(double[] h, boolean[] active, double[] g, int[] free, double lambda,
                                 double[] chol, double[] rhs, double[] d) {
        int n = free.length;
        int[] map = new int[n];
        int m = 0;
        for (int a = 0; a < n; a++) {
            if (!active[a]) {
                map[m++] = a;
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double v = h[map[i] * n + map[j]];
                if (i == j) {
                    v += lambda * Math.max(Math.abs(v), 1e-12) + lambda;
                }
                chol[i * m + j] = v;
            }
            rhs[i] = -g[free[map[i]]];
        }
        if (!Cholesky.decompose(chol, m)) {
            return false;
        }
        Cholesky.solve(chol, m, rhs);
        Arrays.fill(d, 0);
        for (int i = 0; i < m; i++) {
            d[map[i]] = rhs[i];
        }
        return true;
    }

    private static double maxDiagonal(double[] h, int n) {
        double m = 0;
        for (int a = 0; a < n; a++) {
            m = Math.max(m, Math.abs(h[a * n + a]));
        }
        return m;
    }
}
