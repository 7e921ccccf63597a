package org.vbfann.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocTest {
    // Hand-computed case with a tie and a negative weight: (score, signal?, weight).
    private static final double[] SCORE = {0.9, 0.7, 0.7, 0.4, 0.2};
    private static final boolean[] SIGNAL = {true, false, true, false, true};
    private static final double[] WEIGHT = {2, 1, -0.5, 3, 1};

    @Test
    void handComputedCurveWithTieAndNegativeWeight() {
        Roc roc = Roc.of(SCORE, SIGNAL, WEIGHT);
        // S = 2.5, B = 4; points after each distinct score, worked out by hand.
        assertArrayEquals(new double[] {0, 0.8, 0.6, 0.6, 1}, roc.signalEfficiencies(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0.25, 1, 1}, roc.backgroundEfficiencies(), 1e-15);
        // 0.25 (0.8 + 0.6) / 2 + 0.75 (0.6 + 0.6) / 2 = 0.625, equal to the Mann–Whitney sum 6.25 / 10.
        assertEquals(0.625, roc.auc(), 1e-15);
    }

    @Test
    void handComputedEpsilonPurityAndSignificance() {
        ClassifierMetrics m = ClassifierMetrics.of(new double[] {0.9, 0.8, 0.6, 0.3},
                new boolean[] {true, false, true, false}, new double[] {3, 1, 1, 4});
        // Cuts: 0.9 → ε 0.75, π 1 → 0.75; 0.8 → 0.75 · 3/4; 0.6 → 1 · 4/5 = 0.8; 0.3 → 1 · 4/9.
        assertEquals(0.8, m.epsPurity(), 1e-15);
        assertEquals(0.6, m.cut());
        assertEquals(4, m.signal());
        assertEquals(1, m.background());
        assertEquals(4 / Math.sqrt(5), m.sOverSqrtSB(), 1e-15);
        assertEquals(Math.sqrt(2 * (5 * Math.log(5) - 4)), m.asimovZ(), 1e-14);
    }

    @Test
    void asimovSignificanceTendsToSOverSqrtBForSmallSignal() {
        // Cowan et al. (2011) eq. 97 expands to s/√b (1 + O(s/b)).
        assertEquals(1e-3, ClassifierMetrics.asimovSignificance(1, 1e6), 1e-9);
    }

    @Test
    void aucMatchesSlowMannWhitneyReference() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 400;
        double[] score = new double[n];
        boolean[] sig = new boolean[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            sig[i] = rng.nextBoolean();
            // Rounded scores give many ties; some weights are negative.
            score[i] = Math.round((rng.nextDouble() + (sig[i] ? 0.3 : 0)) * 20) / 20.0;
            w[i] = rng.nextDouble(-0.3, 2);
        }
        double num = 0;
        double ws = 0;
        double wb = 0;
        for (int i = 0; i < n; i++) {
            if (sig[i]) {
                ws += w[i];
            } else {
                wb += w[i];
            }
            for (int j = 0; j < n; j++) {
                if (sig[i] && !sig[j]) {
                    num += w[i] * w[j] * (score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0);
                }
            }
        }
        assertEquals(num / (ws * wb), Roc.of(score, sig, w).auc(), 1e-12);
    }

    @Test
    void aucOfTwoGaussiansMatchesClosedForm() {
        // Scores N(1, 1) for signal and N(0, 1) for background: AUC = Φ(1/√2).
        SplittableRandom rng = new SplittableRandom(11);
        int n = 200_000;
        double[] score = new double[2 * n];
        boolean[] sig = new boolean[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            sig[i] = i < n;
            score[i] = Gaussians.normal(rng) + (sig[i] ? 1 : 0);
        }
        // Statistical spread of the AUC for 2·10^5 events per class is ~1e-3.
        assertEquals(Gaussians.phi(1 / Math.sqrt(2)), Roc.of(score, sig, null).auc(), 4e-3);
    }

    @Test
    void rejectsNanScoreAndEmptyClass() {
        MlException e = assertThrows(MlException.class,
                () -> Roc.of(new double[] {0.1, Double.NaN}, new boolean[] {true, false}, null));
        assertEquals("roc: score of event 1 is NaN", e.getMessage());
        e = assertThrows(MlException.class,
                () -> Roc.of(new double[] {0.1, 0.2}, new boolean[] {true, true}, null));
        assertTrue(e.getMessage().contains("background weight 0.0"), e.getMessage());
    }
}
