package org.vbfann.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The analytic NLL gradient against central finite differences on random models with every modifier kind. */
class GradientTest {
    /** A random model: 2 channels, 3 samples each, all factor, shift, bin and constraint kinds. */
    static LikelihoodModel randomModel(Random rnd, boolean combine) {
        ModelBuilder mb = new ModelBuilder(combine);
        int poi = mb.parameter("mu", 1, 0, 10, false);
        mb.setPoi(poi);
        int nBins = 4;
        int[] alphas = new int[6];
        for (int i = 0; i < alphas.length; i++) {
            alphas[i] = mb.parameter("alpha" + i, 0, -5, 5, false);
            mb.constraint(alphas[i], ConstraintKind.GAUSSIAN, 0.1 * rnd.nextGaussian(), 1 + 0.2 * rnd.nextDouble(), 0);
        }
        int gmn = mb.parameter("gmn", 4, 0.1, 30, false);
        mb.constraint(gmn, ConstraintKind.POISSON, 4, 1, 0);
        int gam = mb.parameter("gmm", 1, 0.01, 3, false);
        mb.constraint(gam, ConstraintKind.GAMMA, 1 / 0.09, 0.09, 0);
        int bif = mb.parameter("bif", 0, -4, 4, false);
        mb.constraint(bif, ConstraintKind.BIFURCATED_GAUSSIAN, 0.2, 0.8, 1.3);
        int free = mb.parameter("k", 1, 0, 5, false);
        for (int c = 0; c < 2; c++) {
            double[] obs = new double[nBins];
            for (int b = 0; b < nBins; b++) {
                obs[b] = 5 + rnd.nextInt(30);
            }
            int ch = mb.channel("ch" + c, obs, null);
            for (int s = 0; s < 3; s++) {
                double[] nom = new double[nBins];
                for (int b = 0; b < nBins; b++) {
                    nom[b] = 2 + 10 * rnd.nextDouble();
                }
                int si = mb.sample(ch, "s" + s, nom, s == 0);
                if (s == 0) {
                    mb.factor(si, poi, FactorKind.LINEAR, 1, 0, 0);
                }
                mb.factor(si, alphas[0], FactorKind.LOG_NORMAL, 1, Math.log(1.1 + 0.1 * s), 0);
                mb.factor(si, alphas[1], FactorKind.COMBINE_ASYMMETRIC_LOG_NORMAL, 1.5, Math.log(0.9), Math.log(1.25));
                mb.factor(si, alphas[2], FactorKind.PYHF_CODE1, 1, 1.1, 0.85);
                mb.factor(si, alphas[3], FactorKind.PYHF_CODE4, 1, 1.2, 0.9);
                mb.factor(si, s == 1 ? gmn : gam, FactorKind.LINEAR, s == 1 ? 0.25 : 1, 0, 0);
                mb.factor(si, free, FactorKind.LINEAR, 1, 0, 0);
                double[] up = new double[nBins];
                double[] dn = new double[nBins];
                for (int b = 0; b < nBins; b++) {
                    up[b] = 0.1 * nom[b] * rnd.nextGaussian();
                    dn[b] = 0.1 * nom[b] * rnd.nextGaussian();
                }
                if (combine) {
                    double[] fu = new double[nBins];
                    double[] fd = new double[nBins];
                    double sum = 0;
                    for (double v : nom) {
                        sum += v;
                    }
                    for (int b = 0; b < nBins; b++) {
                        fu[b] = up[b] / sum;
                        fd[b] = dn[b] / sum;
                    }
                    mb.morph(si, alphas[4], 1, fu, fd);
                    mb.morph(si, bif, 0.7, fd, fu);
                } else {
                    mb.shift(si, alphas[4], Interpolation.values()[new int[]{0, 2, 4}[s]], up, dn);
                }
                for (int b = 0; b < nBins; b++) {
                    int g = mb.parameter("gamma_" + c + "_" + s + "_" + b, 1, 1e-10, 10, false);
                    mb.constraint(g, ConstraintKind.POISSON, 50, 50, 0);
                    mb.binFactor(si, b, g, 1);
                    if (combine && s == 2) {
                        int x = mb.parameter("bb_" + c + "_" + b, 0, -7, 7, false);
                        mb.constraint(x, ConstraintKind.GAUSSIAN, 0, 1, 0);
                        mb.binShift(si, b, x, 0.5);
                    }
                }
            }
            if (combine) {
                for (int b = 0; b < nBins; b++) {
                    int x = mb.parameter("bbt_" + c + "_" + b, 0, -7, 7, false);
                    mb.constraint(x, ConstraintKind.GAUSSIAN, 0, 1, 0);
                    mb.binTotalShift(ch, b, x, new int[]{3 * c, 3 * c + 1}, new double[]{0.7, 1.1});
                }
            }
        }
        return mb.build();
    }

    static double[] randomPoint(Random rnd, LikelihoodModel m) {
        double[] p = m.initialValues();
        double[] lo = m.lowerBounds();
        double[] hi = m.upperBounds();
        for (int i = 0; i < p.length; i++) {
            double span = Math.min(hi[i] - lo[i], 2);
            p[i] = Math.min(hi[i], Math.max(lo[i] + 0.05, p[i] + 0.4 * span * (rnd.nextDouble() - 0.5)));
        }
        return p;
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        Random rnd = new Random(20261204);
        for (int trial = 0; trial < 40; trial++) {
            boolean combine = trial % 2 == 0;
            LikelihoodModel m = randomModel(rnd, combine);
            assertGradient(m.evaluator(), m, randomPoint(rnd, m), new boolean[m.parameterCount()],
                    "trial " + trial + " (" + (combine ? "Combine" : "pyhf") + ")");
        }
    }

    /** With the Barlow-Beeston-lite totals profiled, the gradient in the other parameters is that of the profiled NLL. */
    @Test
    void profiledGradientMatchesFiniteDifferencesOfTheProfiledNll() {
        Random rnd = new Random(99);
        for (int trial = 0; trial < 20; trial++) {
            LikelihoodModel m = randomModel(rnd, true);
            assertProfiledGradient(m, randomPoint(rnd, m), "trial " + trial);
        }
    }

    /**
     * A bin without data whose Barlow-Beeston total would turn its yield negative: the profiled minimum sits on
     * Combine's crop; the profiled NLL equals a brute-force minimum over the parameter, and its gradient is exact.
     */
    @Test
    void profiledTotalOnTheCrop() {
        ModelBuilder mb = new ModelBuilder(true);
        int k = mb.parameter("k", 0.2, -3, 3, false);
        mb.constraint(k, ConstraintKind.GAUSSIAN, 0, 1, 0);
        int x = mb.parameter("prop_bin0", 0, -7, 7, false);
        mb.constraint(x, ConstraintKind.GAUSSIAN, 0, 1, 0);
        int c = mb.channel("c", new double[]{0}, null);
        int s = mb.sample(c, "b", new double[]{0.5}, false);
        mb.factor(s, k, FactorKind.LOG_NORMAL, 1, Math.log(1.3), 0);
        mb.binTotalShift(c, 0, x, new int[]{s}, new double[]{2});
        LikelihoodModel m = mb.build();
        double[] p = m.initialValues();
        double profiled = m.profilingEvaluator().nll(p.clone());
        double brute = Double.POSITIVE_INFINITY;
        LikelihoodModel.Evaluator plain = m.evaluator();
        for (int i = 0; i <= 140000; i++) {
            double[] q = p.clone();
            q[x] = -7 + i * 1e-4;
            brute = Math.min(brute, plain.nll(q));
        }
        assertEquals(brute, profiled, 1e-7, "profiled NLL vs a scan of the total's parameter");
        double[] lam = new double[1];
        double[] q = p.clone();
        m.profilingEvaluator().nll(q);
        plain.expected(q, lam);
        assertEquals(LikelihoodModel.COMBINE_CROP_MINIMUM, lam[0], 1e-12, "the profiled total sits on the crop");
        assertProfiledGradient(m, p, "crop");
    }

    private static void assertProfiledGradient(LikelihoodModel m, double[] p, String what) {
        assertGradient(m.profilingEvaluator(), m, p, m.profiledParameters(), what);
    }

    /**
     * The analytic gradient against central differences, skipping the {@code skip} parameters. Central differences
     * of an NLL of order 100 carry ~1e-8 absolute noise; the kinks of code1 at 0 are avoided by the random points.
     */
    private static void assertGradient(LikelihoodModel.Evaluator ev, LikelihoodModel m, double[] p, boolean[] skip,
                                       String what) {
        double[] g = new double[p.length];
        ev.nllAndGradient(p.clone(), g);
        for (int i = 0; i < p.length; i++) {
            if (skip[i]) {
                continue;
            }
            double h = 1e-6 * Math.max(1, Math.abs(p[i]));
            double[] a = p.clone();
            double[] b = p.clone();
            a[i] += h;
            b[i] -= h;
            double fd = (ev.nll(a) - ev.nll(b)) / (2 * h);
            assertEquals(fd, g[i], 1e-5 * Math.max(1, Math.abs(fd)), what + " d/d " + m.parameterName(i));
        }
    }

    @Test
    void nllWithoutGradientEqualsNllWithGradient() {
        Random rnd = new Random(7);
        LikelihoodModel m = randomModel(rnd, true);
        double[] p = randomPoint(rnd, m);
        LikelihoodModel.Evaluator ev = m.evaluator();
        assertEquals(ev.nll(p), ev.nllAndGradient(p, new double[p.length]), 0);
    }
}
