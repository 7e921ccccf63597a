package org.vbfann.stats;

import java.util.Arrays;

/**
 * A bounded quasi-Newton minimiser for {@link LikelihoodModel} NLLs with analytic gradients.
 *
 * <p>Each iteration splits the free parameters into an active set (at a bound with the gradient pushing
 * outwards) and the rest, solves the Newton system of the rest with the Hessian from forward differences of
 * the analytic gradient, and searches along the step projected onto the bounds (Armijo backtracking). A step
 * that fails is damped (Levenberg-Marquardt) before giving up. Convergence: EDM = g^T H^-1 g / 2 &lt; tolerance,
 * like MINUIT's. After a full Newton step the Hessian is carried on by a BFGS update (at most
 * {@code MAX_BFGS_STEPS} in a row); any shortened step differences it afresh, which keeps the steps right across
 * the kinks of piecewise interpolations (pyhf code0/code1 at alpha = 0), where quasi-Newton updates alone stall.
 */
public final class Minimizer {
    /** Default EDM tolerance: far below MINUIT's (Combine runs 1e-4 to 1e-3) so results are reproducible. */
    public static final double DEFAULT_TOLERANCE = 1e-11;
    /** Default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = 500;
    private static final double ARMIJO = 1e-4;
    private static final double BOUND_EPS = 1e-12;
    /** A Newton step cut below this fraction by the line search suggests a kink in the NLL. */
    private static final double KINK_STEP = 1e-2;
    private static final int MAX_KINK_ROUNDS = 30;
    /** Consecutive BFGS updates (after full Newton steps) before the Hessian is differenced afresh. */
    private static final int MAX_BFGS_STEPS = 4;

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
        double[] xp = new double[np];
        double[] gp = new double[np];
        evals += forwardDifferenceHessian(ev, x, g, free, lo, hi, h, xp, gp);
        double[] xNew = new double[np];
        double[] gNew = new double[np];
        double[] d = new double[n];
        double[] chol = new double[n * n];
        double[] rhs = new double[n];
        boolean[] active = new boolean[n];
        boolean[] kinked = new boolean[n];
        int kinkRounds = 0;
        double fRound = Double.NaN;
        double edm = Double.NaN;
        double lambda = 0;
        double[] sv = new double[n];
        double[] yv = new double[n];
        double[] hs = new double[n];
        int bfgsSteps = 0;
        for (int iter = 0; iter < maxIterations; iter++) {
            int nInactive = 0;
            for (int a = 0; a < n; a++) {
                int i = free[a];
                boolean atLo = x[i] - lo[i] <= BOUND_EPS * Math.max(1, Math.abs(lo[i])) && g[i] > 0;
                boolean atHi = hi[i] - x[i] <= BOUND_EPS * Math.max(1, Math.abs(hi[i])) && g[i] < 0;
                active[a] = atLo || atHi || kinked[a];
                if (!active[a]) {
                    nInactive++;
                }
            }
            boolean reducedConverged = nInactive == 0;
            if (!reducedConverged) {
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
                reducedConverged = edm < tolerance && lambda == 0;
            } else {
                edm = 0;
            }
            if (reducedConverged && bfgsSteps > 0) {
                // Confirm with a differenced Hessian: a BFGS estimate may call a point converged too early.
                evals += forwardDifferenceHessian(ev, x, g, free, lo, hi, h, xp, gp);
                bfgsSteps = 0;
                continue;
            }
            if (reducedConverged) {
                if (!any(kinked)) {
                    if (nInactive > 0) {
                        // The last Newton step is tiny but squares the remaining error; keep it if it does not hurt.
                        System.arraycopy(x, 0, xNew, 0, np);
                        for (int a = 0; a < n; a++) {
                            int i = free[a];
                            xNew[i] = active[a] ? x[i] : Math.min(hi[i], Math.max(lo[i], x[i] + d[a]));
                        }
                        double fNew = ev.nllAndGradient(xNew, gNew);
                        evals++;
                        if (fNew <= f) {
                            System.arraycopy(xNew, 0, x, 0, np);
                            f = fNew;
                        }
                    }
                    return new FitResult(FitStatus.CONVERGED, x, f, edm, iter, evals);
                }
                // Minimise along each coordinate that sits on a kink, then resume Newton on all of them.
                for (int a = 0; a < n; a++) {
                    if (kinked[a]) {
                        evals += lineMinimize(ev, x, g, free[a], lo[free[a]], hi[free[a]]);
                        kinked[a] = false;
                    }
                }
                f = ev.nllAndGradient(x, g);
                evals += 1 + forwardDifferenceHessian(ev, x, g, free, lo, hi, h, xp, gp);
                if (Math.abs(fRound - f) <= 1e-12 * Math.max(1, Math.abs(f)) || ++kinkRounds > MAX_KINK_ROUNDS) {
                    return new FitResult(FitStatus.CONVERGED, x, f, edm, iter, evals);
                }
                fRound = f;
                continue;
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
                if (bfgsSteps > 0) {
                    evals += forwardDifferenceHessian(ev, x, g, free, lo, hi, h, xp, gp);
                    bfgsSteps = 0;
                    continue;
                }
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
            if (step < KINK_STEP) {
                markKink(x, xNew, g, gNew, free, active, h, kinked);
            }
            if (step == 1 && bfgsUpdate(x, xNew, g, gNew, free, active, h, sv, yv, hs)) {
                bfgsSteps++;
            } else {
                bfgsSteps = 0;
            }
            if (bfgsSteps == 0 || bfgsSteps > MAX_BFGS_STEPS) {
                evals += forwardDifferenceHessian(ev, xNew, gNew, free, lo, hi, h, xp, gp);
                bfgsSteps = 0;
            }
            double fOld = f;
            System.arraycopy(xNew, 0, x, 0, np);
            System.arraycopy(gNew, 0, g, 0, np);
            f = fNew;
            if (Math.abs(fOld - f) <= 1e-15 * Math.max(1, Math.abs(f)) && edm < 1e3 * tolerance && bfgsSteps == 0) {
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

    /**
     * Updates h by BFGS with the step over the free, inactive parameters; false (h untouched) when the curvature
     * condition fails, e.g. across a kink.
     */
    private static boolean bfgsUpdate(double[] x, double[] xNew, double[] g, double[] gNew, int[] free,
                                      boolean[] active, double[] h, double[] sv, double[] yv, double[] hs) {
        int n = free.length;
        double sy = 0;
        double ss = 0;
        double yy = 0;
        for (int a = 0; a < n; a++) {
            int i = free[a];
            sv[a] = active[a] ? 0 : xNew[i] - x[i];
            yv[a] = active[a] ? 0 : gNew[i] - g[i];
            sy += sv[a] * yv[a];
            ss += sv[a] * sv[a];
            yy += yv[a] * yv[a];
        }
        double shs = 0;
        for (int a = 0; a < n; a++) {
            double acc = 0;
            for (int b = 0; b < n; b++) {
                acc += h[a * n + b] * sv[b];
            }
            hs[a] = acc;
            shs += sv[a] * acc;
        }
        if (!(sy > 1e-10 * Math.sqrt(ss * yy)) || !(shs > 0)) {
            return false;
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                h[a * n + b] += yv[a] * yv[b] / sy - hs[a] * hs[b] / shs;
            }
        }
        return true;
    }

    /**
     * Marks the coordinate most likely to sit on a kink (a crop of a bin total at zero, code0/code1 at alpha = 0):
     * the one whose gradient changed sign over the step and moved furthest in units of its curvature.
     */
    private static void markKink(double[] x, double[] xNew, double[] g, double[] gNew, int[] free, boolean[] active,
                                 double[] h, boolean[] kinked) {
        int n = free.length;
        int best = -1;
        double score = 0;
        for (int a = 0; a < n; a++) {
            int i = free[a];
            if (active[a] || g[i] * gNew[i] >= 0) {
                continue;
            }
            double sc = Math.abs(g[i] - gNew[i]) / Math.sqrt(Math.max(h[a * n + a], 1e-12));
            if (sc > score) {
                score = sc;
                best = a;
            }
        }
        if (best >= 0) {
            kinked[best] = true;
        }
    }

    /**
     * Minimises along coordinate i by bisection on the sign of its derivative, inside [lo, hi].
     *
     * @param x modified: x[i] moves to the minimum; g is overwritten
     * @return the number of evaluations
     */
    private static int lineMinimize(LikelihoodModel.Evaluator ev, double[] x, double[] g, int i, double lo, double hi) {
        int evals = 0;
        ev.nllAndGradient(x, g);
        evals++;
        double x0 = x[i];
        double dir = g[i] > 0 ? -1 : 1;
        double step = 1e-3 * Math.max(1, Math.abs(x0));
        double a = x0;
        double b = x0;
        boolean bracketed = false;
        for (int k = 0; k < 60 && !bracketed; k++) {
            b = Math.min(hi, Math.max(lo, x0 + dir * step));
            x[i] = b;
            ev.nllAndGradient(x, g);
            evals++;
            if (g[i] * dir >= 0 || b == lo || b == hi) {
                bracketed = true;
            } else {
                a = b;
                step *= 2;
            }
        }
        double l = Math.min(a, b);
        double u = Math.max(a, b);
        for (int k = 0; k < 60 && u - l > 1e-13 * Math.max(1, Math.abs(u)); k++) {
            double m = 0.5 * (l + u);
            x[i] = m;
            ev.nllAndGradient(x, g);
            evals++;
            if (g[i] > 0) {
                u = m;
            } else {
                l = m;
            }
        }
        x[i] = 0.5 * (l + u);
        return evals;
    }

    private static boolean any(boolean[] b) {
        for (boolean v : b) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    /**
     * The Hessian at x by forward differences of the analytic gradient g(x) (backward next to an upper bound):
     * half the cost of {@link #finiteDifferenceHessian}, accurate enough to steer Newton steps.
     *
     * @param g   the gradient at x (not modified)
     * @param out n&times;n row-major (modified)
     * @return the number of gradient evaluations
     */
    static int forwardDifferenceHessian(LikelihoodModel.Evaluator ev, double[] x, double[] g, int[] free, double[] lo,
                                        double[] hi, double[] out, double[] xp, double[] gp) {
        int n = free.length;
        System.arraycopy(x, 0, xp, 0, x.length);
        for (int a = 0; a < n; a++) {
            int i = free[a];
            double step = 1e-6 * Math.max(1, Math.abs(x[i]));
            double to = x[i] + step <= hi[i] ? x[i] + step : Math.max(lo[i], x[i] - step);
            double h = to - x[i];
            if (h == 0) {
                for (int b = 0; b < n; b++) {
                    out[a * n + b] = a == b ? 1 : 0;
                }
                continue;
            }
            xp[i] = to;
            ev.nllAndGradient(xp, gp);
            xp[i] = x[i];
            for (int b = 0; b < n; b++) {
                out[a * n + b] = (gp[free[b]] - g[free[b]]) / h;
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double v = 0.5 * (out[a * n + b] + out[b * n + a]);
                out[a * n + b] = v;
                out[b * n + a] = v;
            }
        }
        return n;
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
