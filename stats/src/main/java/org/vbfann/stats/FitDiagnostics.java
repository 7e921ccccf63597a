package org.vbfann.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Combine's {@code FitDiagnostics}: background-only (POI = 0) and signal+background fits, the POI with its
 * Hessian and profile-likelihood errors, nuisance pulls, and pre- and post-fit yields per sample and bin with
 * uncertainties propagated linearly from the covariance (pre-fit: the constraint widths).
 */
public final class FitDiagnostics {
    /** A nuisance before and after a fit: pull = (post - pre)/sigma, constraint = error/sigma. */
    public record Pull(String name, double prefitValue, double prefitSigma, double postfitValue, double postfitError) {
        /** (post-fit - pre-fit) / pre-fit sigma. */
        public double pull() {
            return (postfitValue - prefitValue) / prefitSigma;
        }

        /** post-fit error / pre-fit sigma. */
        public double constraint() {
            return postfitError / prefitSigma;
        }
    }

    /**
     * Yields of every sample and bin (flattened as {@link LikelihoodModel#sampleOffset}) and channel totals per
     * global bin, with their uncertainties.
     */
    public record Yields(double[] samples, double[] sampleErrors, double[] totals, double[] totalErrors) {
    }

    /**
     * The outcome.
     *
     * @param backgroundOnly the fit with the POI at 0
     * @param signalPlusBackground the free fit
     * @param poiHesseError  the POI's Hessian error in the free fit
     * @param poiInterval    its profile-likelihood 68% interval
     * @param pullsB         pulls after the background-only fit
     * @param pullsS         pulls after the free fit
     * @param prefit         yields at the initial values
     * @param postfitB       yields after the background-only fit
     * @param postfitS       yields after the free fit
     */
    public record Result(FitResult backgroundOnly, FitResult signalPlusBackground, double poiHesseError,
                         ProfileLikelihood.Interval poiInterval, List<Pull> pullsB, List<Pull> pullsS, Yields prefit,
                         Yields postfitB, Yields postfitS) {
    }

    private FitDiagnostics() {
    }

    /** Runs both fits and the derived quantities; {@code nuisances} names the parameters to pull. */
    public static Result run(Fitter fitter, List<String> nuisances) {
        LikelihoodModel m = fitter.model();
        int poi = m.poi();
        int np = m.parameterCount();
        double[] init = fitter.initialValues();
        FitResult s = Fitter.requireConverged(fitter.fit(), "signal+background fit");
        FitResult b = Fitter.requireConverged(fitter.fitFixed(poi, 0, init), "background-only fit");
        double[] covS = fitter.covariance(s.parameters());
        boolean wasFixed = fitter.isFixed(poi);
        fitter.setFixed(poi, true);
        double[] covB = fitter.covariance(b.parameters());
        fitter.setFixed(poi, wasFixed);
        if (covS == null || covB == null) {
            throw new StatsException("the Hessian at the " + (covS == null ? "signal+background" : "background-only")
                    + " minimum is not positive definite: a parameter is unconstrained by the data");
        }
        double hesse = Math.sqrt(covS[poi * np + poi]);
        ProfileLikelihood.Interval iv = new ProfileLikelihood(fitter, s).interval(poi, 1);
        double[] covPre = new double[np * np];
        for (int p = 0; p < np; p++) {
            double sg = m.prefitSigma(p);
            if (!Double.isNaN(sg) && !fitter.isFixed(p)) {
                covPre[p * np + p] = sg * sg;
            }
        }
        return new Result(b, s, hesse, iv, pulls(m, nuisances, init, b.parameters(), covB),
                pulls(m, nuisances, init, s.parameters(), covS), yields(m, init, covPre),
                yields(m, b.parameters(), covB), yields(m, s.parameters(), covS));
    }

    private static List<Pull> pulls(LikelihoodModel m, List<String> nuisances, double[] init, double[] x, double[] cov) {
        int np = m.parameterCount();
        List<Pull> out = new ArrayList<>();
        for (String n : nuisances) {
            int p = m.parameterIndex(n);
            double sg = m.prefitSigma(p);
            if (p < 0 || Double.isNaN(sg)) {
                continue;
            }
            out.add(new Pull(n, init[p], sg, x[p], Math.sqrt(Math.max(0, cov[p * np + p]))));
        }
        return out;
    }

    /** Yields at x with uncertainties sqrt(J C J^T), J by central differences of the yields. */
    public static Yields yields(LikelihoodModel m, double[] x, double[] cov) {
        int np = m.parameterCount();
        int nsb = m.sampleBinCount();
        int nb = m.binCount();
        LikelihoodModel.Evaluator ev = m.evaluator();
        double[] y = new double[nsb];
        ev.allSamplesExpected(x, y);
        List<Integer> used = new ArrayList<>();
        for (int p = 0; p < np; p++) {
            if (cov[p * np + p] > 0) {
                used.add(p);
            }
        }
        double[][] jac = new double[used.size()][nsb];
        double[] up = new double[nsb];
        double[] dn = new double[nsb];
        for (int a = 0; a < used.size(); a++) {
            int p = used.get(a);
            double h = 1e-4 * Math.max(Math.sqrt(cov[p * np + p]), 1e-6);
            double[] xp = x.clone();
            xp[p] = x[p] + h;
            ev.allSamplesExpected(xp, up);
            xp[p] = x[p] - h;
            ev.allSamplesExpected(xp, dn);
            for (int k = 0; k < nsb; k++) {
                jac[a][k] = (up[k] - dn[k]) / (2 * h);
            }
        }
        int[] binOf = new int[nsb];
        for (int s = 0; s < m.sampleCount(); s++) {
            int c = m.sampleChannel(s);
            for (int k = 0; k < m.channelBins(c); k++) {
                binOf[m.sampleOffset(s) + k] = m.channelStart(c) + k;
            }
        }
        double[] sampleErr = new double[nsb];
        double[] totals = new double[nb];
        double[] totalErr = new double[nb];
        m.evaluator().expected(x, totals);
        double[][] jt = new double[used.size()][nb];
        for (int a = 0; a < used.size(); a++) {
            for (int k = 0; k < nsb; k++) {
                jt[a][binOf[k]] += jac[a][k];
            }
        }
        for (int a = 0; a < used.size(); a++) {
            for (int c = 0; c < used.size(); c++) {
                double v = cov[used.get(a) * np + used.get(c)];
                if (v == 0) {
                    continue;
                }
                for (int k = 0; k < nsb; k++) {
                    sampleErr[k] += jac[a][k] * v * jac[c][k];
                }
                for (int k = 0; k < nb; k++) {
                    totalErr[k] += jt[a][k] * v * jt[c][k];
                }
            }
        }
        for (int k = 0; k < nsb; k++) {
            sampleErr[k] = Math.sqrt(Math.max(0, sampleErr[k]));
        }
        for (int k = 0; k < nb; k++) {
            totalErr[k] = Math.sqrt(Math.max(0, totalErr[k]));
        }
        return new Yields(y, sampleErr, totals, totalErr);
    }
}
