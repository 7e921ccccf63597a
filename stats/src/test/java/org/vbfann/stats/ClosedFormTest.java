package org.vbfann.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Single-bin counting experiments against closed forms, and the minimiser on a kink. */
class ClosedFormTest {
    private static final double S = 1;
    private static final double B = 5.5;
    private static final double N = 9;

    private static LikelihoodModel counting(double n) {
        ModelBuilder mb = new ModelBuilder(true);
        int r = mb.parameter("r", 1, 0, 20, false);
        mb.setPoi(r);
        int c = mb.channel("c", new double[]{n}, null);
        int s = mb.sample(c, "s", new double[]{S}, true);
        mb.factor(s, r, FactorKind.LINEAR, 1, 0, 0);
        mb.sample(c, "b", new double[]{B}, false);
        return mb.build();
    }

    /** 2 [lam - n ln lam] - 2 [n - n ln n]: the Poisson likelihood ratio of one bin. */
    private static double q(double n, double r) {
        double lam = r * S + B;
        double hat = Math.max(n, B);
        return 2 * ((lam - n * Math.log(lam)) - (hat - n * Math.log(hat)));
    }

    private static double cls(double r) {
        double q = q(N, r);
        double qa = q(B, r);
        double t = Math.sqrt(q) <= Math.sqrt(qa) ? Math.sqrt(q) - Math.sqrt(qa) : (q - qa) / (2 * Math.sqrt(qa));
        return Normal.cdf(-(t + Math.sqrt(qa))) / Normal.cdf(-t);
    }

    @Test
    void bestFitTestStatisticsAndClsMatchTheClosedForm() {
        AsymptoticCalculator calc = new AsymptoticCalculator(new Fitter(counting(N)),
                AsymptoticCalculator.Convention.COMBINE, AsymptoticCalculator.TestStatistic.QTILDE);
        assertEquals((N - B) / S, calc.bestPoi(), 1e-7, "r hat");
        for (double r : new double[]{4, 6, 10, 14}) {
            AsymptoticCalculator.HypoTest h = calc.hypoTest(r);
            assertEquals(q(N, r), h.q(), 1e-8, "q at r = " + r);
            assertEquals(q(B, r), h.qAsimov(), 1e-8, "q Asimov at r = " + r);
            assertEquals(cls(r), h.clsObserved(), 1e-9, "CLs at r = " + r);
        }
        double lo = 3.5;
        double hi = 30;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (cls(mid) > 0.05) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        assertEquals(lo, calc.upperLimits(0.05).observed(), 1e-5, "observed limit");
    }

    /** The expected median limit solves q_A(r) = 1.95996^2 (Combine's AsymptoticLimits). */
    @Test
    void expectedMedianSolvesTheAsimovCrossing() {
        AsymptoticCalculator calc = new AsymptoticCalculator(new Fitter(counting(N)),
                AsymptoticCalculator.Convention.COMBINE, AsymptoticCalculator.TestStatistic.QTILDE);
        double median = calc.upperLimits(0.05).expected()[2];
        assertEquals(Math.pow(Normal.quantile(0.975), 2), q(B, median), 1e-6);
    }

    /**
     * A code1 normsys whose up and down variations are both above nominal puts a kink minimum at alpha = 0 when
     * data lie below the nominal yield; the fit must land on it and say it converged.
     */
    @Test
    void minimizerFindsAKinkMinimum() {
        ModelBuilder mb = new ModelBuilder(false);
        int a = mb.parameter("alpha", 0.7, -5, 5, false);
        mb.constraint(a, ConstraintKind.GAUSSIAN, 0, 1, 0);
        int c = mb.channel("c", new double[]{8}, null);
        int s = mb.sample(c, "b", new double[]{10}, false);
        mb.factor(s, a, FactorKind.PYHF_CODE1, 1, 1.2, 1.1);
        LikelihoodModel m = mb.build();
        FitResult r = new Fitter(m).fit();
        assertTrue(r.converged(), r.status().toString());
        assertEquals(0, r.parameters()[a], 1e-9);
    }
}
