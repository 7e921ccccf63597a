package org.vbfann.stats;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Asymptotic (Wald) CLs, limits and discovery p-values with the profile-likelihood test statistics of
 * Cowan, Cranmer, Gross, Vitells (arXiv:1007.1727), as Combine's {@code AsymptoticLimits} and pyhf's
 * {@code AsymptoticCalculator} compute them.
 *
 * <p>On construction: a free fit to the data, a fit with the POI fixed at the Asimov value (0, or 1 for q0) to the
 * data, the Asimov dataset from it (expected counts and auxiliary data at those fitted values), and a free fit
 * to the Asimov dataset. Every later q(mu) is one conditional fit, warm-started from the previous one.
 */
public final class AsymptoticCalculator {
    /** Combine's CL for limits (0.95) as a CLs target. */
    public static final double DEFAULT_ALPHA = 0.05;
    /** The five band quantiles of Combine's AsymptoticLimits (src/AsymptoticLimits.cc), lowest limit first. */
    public static final double[] COMBINE_QUANTILES = {0.025, 0.16, 0.5, 0.84, 0.975};
    /** pyhf's expected-band test statistic values n in {2, 1, 0, -1, -2} (infer/calculators.py). */
    public static final double[] PYHF_BAND_SIGMAS = {2, 1, 0, -1, -2};
    private static final double ROOT_RELATIVE_ACCURACY = 1e-7;
    private static final double ROOT_ABSOLUTE_ACCURACY = 1e-9;

    /** Which convention sets the expected band. */
    public enum Convention {
        /** Combine: the band at quantiles 0.025, 0.16, 0.5, 0.84, 0.975, i.e. n = -Phi^-1(quantile). */
        COMBINE,
        /** pyhf: the band at integer sigmas n = 2, 1, 0, -1, -2. */
        PYHF;

        /** The five values n of the band, in the order of ascending expected CLs (lowest limit first). */
        public double[] bandSigmas() {
            if (this == PYHF) {
                return PYHF_BAND_SIGMAS.clone();
            }
            double[] n = new double[5];
            for (int k = 0; k < 5; k++) {
                n[k] = COMBINE_QUANTILES[k] == 0.5 ? 0 : -Normal.quantile(COMBINE_QUANTILES[k]);
            }
            return n;
        }
    }

    /** The test statistic. */
    public enum TestStatistic {
        /** q~_mu (Combine's default, pyhf's "qtilde"). */
        QTILDE,
        /** q_mu (pyhf's "q"): the same value with the POI bounded at 0, a different p-value formula. */
        Q,
        /** q_0 for discovery (pyhf's "q0"): Asimov at mu = 1, results are p0 instead of CLs. */
        Q0;

        /** pyhf's name ("qtilde", "q", "q0"). */
        public static TestStatistic ofPyhfName(String name) {
            switch (name) {
                case "qtilde": return QTILDE;
                case "q": return Q;
                case "q0": return Q0;
                default: throw new StatsException("unknown test statistic '" + name + "'; expected qtilde, q or q0");
            }
        }
    }

    /**
     * CLs (or p0 for q0) at one POI value.
     *
     * @param poiValue    the tested value
     * @param q           the observed test statistic
     * @param qAsimov     its Asimov value
     * @param clsObserved observed CLs (p0 for q0)
     * @param clsb        observed CLs+b
     * @param clb         observed CLb
     * @param clsExpected the five expected values in band order
     */
    public record HypoTest(double poiValue, double q, double qAsimov, double clsObserved, double clsb, double clb,
                           double[] clsExpected) {
    }

    /**
     * Upper limits.
     *
     * @param observed the observed limit
     * @param expected the five expected limits, lowest first
     */
    public record Limits(double observed, double[] expected) {
    }

    private final LikelihoodModel model;
    private final Fitter dataFitter;
    private final Fitter asimovFitter;
    private final Convention convention;
    private final TestStatistic testStatistic;
    private final int poi;
    private final FitResult freeAsimov;
    private double bestPoi;
    private double minNllData;
    private double[] warmData;
    private double[] warmAsimov;

    /**
     * Runs the fits that every later result needs.
     *
     * @param fitter a fitter of the observed model, with the POI bounds to use (e.g. [0, 20] for Combine)
     */
    public AsymptoticCalculator(Fitter fitter, Convention convention, TestStatistic testStatistic) {
        this.model = fitter.model();
        this.dataFitter = fitter;
        this.convention = convention;
        this.testStatistic = testStatistic;
        this.poi = model.poi();
        if (poi < 0) {
            throw new StatsException("the model has no parameter of interest");
        }
        FitResult freeData = Fitter.requireConverged(fitter.fit(), "free fit to data");
        bestPoi = freeData.parameters()[poi];
        minNllData = freeData.nll();
        double asimovMu = testStatistic == TestStatistic.Q0 ? 1 : 0;
        FitResult asimovGeneration = Fitter.requireConverged(fitter.fitFixed(poi, asimovMu, fitter.initialValues()),
                "fit to data with " + model.parameterName(poi) + " = " + asimovMu + " (for the Asimov dataset)");
        LikelihoodModel asimov = model.asimov(asimovGeneration.parameters());
        asimovFitter = fitter.withModel(asimov);
        freeAsimov = Fitter.requireConverged(asimovFitter.fit(asimovGeneration.parameters()),
                "free fit to the Asimov dataset");
        warmData = freeData.parameters();
        warmAsimov = freeAsimov.parameters();
    }

    /** The best-fit POI (bounded as the fitter's POI bounds). */
    public double bestPoi() {
        return bestPoi;
    }

    /** The observed test statistic at mu: 0 when the best fit lies above mu (one-sided), as both tools do. */
    public double qObserved(double mu) {
        FitResult r = Fitter.requireConverged(dataFitter.fitFixed(poi, mu, warmData),
                "fit to data with " + model.parameterName(poi) + " = " + mu);
        warmData = r.parameters();
        if (r.nll() < minNllData) {
            // The conditional fit found a lower minimum than the free fit: the free fit stopped short.
            minNllData = r.nll();
            bestPoi = mu;
        }
        double q = Math.max(0, 2 * (r.nll() - minNllData));
        if (testStatistic == TestStatistic.Q0) {
            return bestPoi < mu ? 0 : q;
        }
        return bestPoi > mu ? 0 : q;
    }

    /** The Asimov test statistic at mu. */
    public double qAsimov(double mu) {
        FitResult r = Fitter.requireConverged(asimovFitter.fitFixed(poi, mu, warmAsimov),
                "fit to the Asimov dataset with " + model.parameterName(poi) + " = " + mu);
        warmAsimov = r.parameters();
        return Math.max(0, 2 * (r.nll() - freeAsimov.nll()));
    }

    /** CLs (p0 for q0) observed and expected at mu, as pyhf's {@code hypotest} and Combine's {@code --singlePoint}. */
    public HypoTest hypoTest(double mu) {
        double q = qObserved(mu);
        double qa = qAsimov(mu);
        double sq = Math.sqrt(q);
        double sqa = Math.sqrt(qa);
        double t;
        if (testStatistic == TestStatistic.QTILDE && sq > sqa && sqa > 0) {
            t = (q - qa) / (2 * sqa);
        } else {
            t = sq - sqa;
        }
        double clsb = Normal.cdf(-(t + sqa));
        double clb = Normal.cdf(-t);
        double[] n = convention.bandSigmas();
        double[] exp = new double[5];
        for (int k = 0; k < 5; k++) {
            double sb = Normal.cdf(-(n[k] + sqa));
            exp[k] = testStatistic == TestStatistic.Q0 ? sb : sb / Normal.cdf(-n[k]);
        }
        double obs = testStatistic == TestStatistic.Q0 ? clsb : (clb == 0 ? 0 : clsb / clb);
        return new HypoTest(mu, q, qa, obs, clsb, clb, exp);
    }

    /** Observed and expected upper limits at CLs = alpha. */
    public Limits upperLimits(double alpha) {
        if (testStatistic == TestStatistic.Q0) {
            throw new StatsException("upper limits need the q or qtilde test statistic, not q0");
        }
        double[] n = convention.bandSigmas();
        double[] expected = new double[5];
        double scale = asimovScale();
        for (int k = 0; k < 5; k++) {
            // CLs_exp = Phi(-(n + sqrt(qA))) / Phi(-n) = alpha  <=>  sqrt(qA) = Phi^-1(1 - alpha Phi(-n)) - n
            double target = -Normal.quantile(alpha * Normal.cdf(-n[k])) - n[k];
            expected[k] = solveIncreasing(mu -> Math.sqrt(qAsimov(mu)) - target, target * scale);
        }
        double logAlpha = Math.log(alpha);
        double observed = solveIncreasing(mu -> logAlpha - Math.log(hypoTest(mu).clsObserved()),
                Math.max(expected[2], bestPoi + expected[2] * 0.5));
        return new Limits(observed, expected);
    }

    /** mu per unit of sqrt(qA): the Asimov sigma estimate from one point. */
    private double asimovScale() {
        double hi = dataFitter.upper(poi);
        double probe = Double.isFinite(hi) && hi > 0 ? 0.1 * hi : 1;
        double sqa = Math.sqrt(qAsimov(probe));
        if (!(sqa > 0)) {
            throw new StatsException("the Asimov test statistic is zero at " + model.parameterName(poi) + " = "
                    + probe + ": the signal has no effect on the expected yields");
        }
        return probe / sqa;
    }

    /** The root above 0 of an increasing f (negative at 0), bracketed by doubling from {@code guess}. */
    private double solveIncreasing(org.hipparchus.analysis.UnivariateFunction f, double guess) {
        double lo = 0;
        double hi = guess > 0 && Double.isFinite(guess) ? guess : 1;
        double fhi = f.value(hi);
        int tries = 0;
        while (fhi < 0) {
            lo = hi;
            hi *= 2;
            fhi = f.value(hi);
            if (++tries > 60) {
                throw new StatsException("no upper limit below " + hi + " for " + model.parameterName(poi));
            }
        }
        while (tries < 60) {
            double mid = 0.5 * hi;
            if (mid <= lo) {
                break;
            }
            if (f.value(mid) >= 0) {
                hi = mid;
                tries++;
            } else {
                lo = mid;
                break;
            }
        }
        try {
            BrentSolver solver = new BrentSolver(ROOT_RELATIVE_ACCURACY, ROOT_ABSOLUTE_ACCURACY);
            return solver.solve(200, f, lo, hi);
        } catch (MathIllegalArgumentException e) {
            throw new StatsException("limit search for " + model.parameterName(poi) + " failed between " + lo
                    + " and " + hi + ": " + e.getMessage(), e);
        }
    }
}
