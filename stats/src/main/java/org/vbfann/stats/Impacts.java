package org.vbfann.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Nuisance impacts on the POI, as combineTool.py -M Impacts: after the initial fit, each nuisance is fixed at its
 * post-fit value plus and minus its post-fit (Hessian) error, the others refitted, and the POI shift recorded.
 */
public final class Impacts {
    /**
     * One nuisance.
     *
     * @param name       its name
     * @param value      post-fit value
     * @param error      post-fit error
     * @param prefitSigma its pre-fit width
     * @param poiUp      the POI with the nuisance at value + error
     * @param poiDown    the POI with the nuisance at value - error
     * @param poiBest    the POI of the initial fit
     */
    public record Entry(String name, double value, double error, double prefitSigma, double poiUp, double poiDown,
                        double poiBest) {
        /** The POI shift for +1 sigma. */
        public double impactUp() {
            return poiUp - poiBest;
        }

        /** The POI shift for -1 sigma. */
        public double impactDown() {
            return poiDown - poiBest;
        }

        /** The larger of the two shifts in absolute value: the ranking key. */
        public double maxImpact() {
            return Math.max(Math.abs(impactUp()), Math.abs(impactDown()));
        }
    }

    /** The initial fit, the POI's interval and the impacts ranked by {@link Entry#maxImpact}, largest first. */
    public record Result(FitResult fit, ProfileLikelihood.Interval poi, List<Entry> ranked) {
    }

    /** Reports each impact fit as it finishes. */
    @FunctionalInterface
    public interface Progress {
        /** Called after nuisance {@code done} of {@code total}. */
        void done(int done, int total);
    }

    private Impacts() {
    }

    /** Runs the initial fit and two fits per nuisance. */
    public static Result run(Fitter fitter, List<String> nuisances, Progress progress) {
        LikelihoodModel m = fitter.model();
        int poi = m.poi();
        int np = m.parameterCount();
        FitResult fit = Fitter.requireConverged(fitter.fit(), "initial fit for the impacts");
        double[] cov = fitter.covariance(fit.parameters());
        if (cov == null) {
            throw new StatsException("the Hessian at the minimum is not positive definite; impacts need post-fit errors");
        }
        ProfileLikelihood.Interval iv = new ProfileLikelihood(fitter, fit).interval(poi, 1);
        List<Entry> entries = new ArrayList<>();
        int k = 0;
        for (String n : nuisances) {
            int p = m.parameterIndex(n);
            double err = Math.sqrt(Math.max(0, cov[p * np + p]));
            double v = fit.parameters()[p];
            double up = Math.min(fitter.upper(p), v + err);
            double dn = Math.max(fitter.lower(p), v - err);
            FitResult ru = Fitter.requireConverged(fitter.fitFixed(p, up, fit.parameters()), "fit with " + n + " = " + up);
            FitResult rd = Fitter.requireConverged(fitter.fitFixed(p, dn, fit.parameters()), "fit with " + n + " = " + dn);
            entries.add(new Entry(n, v, err, m.prefitSigma(p), ru.parameters()[poi], rd.parameters()[poi],
                    fit.parameters()[poi]));
            progress.done(++k, nuisances.size());
        }
        entries.sort(Comparator.comparingDouble(Entry::maxImpact).reversed());
        return new Result(fit, iv, entries);
    }
}
