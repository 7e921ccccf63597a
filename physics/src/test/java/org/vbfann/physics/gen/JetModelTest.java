package org.vbfann.physics.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The jet models' densities are exact: normalisations checked against sampling. */
class JetModelTest {
    @Test
    void twoJetAcceptanceMatchesTheRejectionRate() {
        // P(|centre| + |Δη|/2 < 4.7) by Simpson's rule against direct sampling of the untruncated pair
        SplittableRandom r = new SplittableRandom(5);
        int n = 400_000;
        int in = 0;
        for (int i = 0; i < n; i++) {
            double d = Sampling.gamma(r, 5.5, 0.8);
            double c = 0.9 * r.nextGaussian();
            in += Math.abs(c) + d / 2 < JetModel.ETA_MAX ? 1 : 0;
        }
        double p = (double) in / n;
        assertEquals(p, JetModel.twoJetAcceptance(5.5, 0.8, 0.9), 4 * Math.sqrt(p * (1 - p) / n));
    }

    /**
     * Reweighting ggH-model events by the density ratio p_VBF/p_ggH must reproduce the VBF model's
     * probability of a region where both models live (exactness of the truth likelihood ratio, including
     * every normalisation constant): E_ggH[LR·1_A] = P_VBF(A).
     */
    @Test
    void likelihoodRatioReweightsGgHIntoVbf() {
        SplittableRandom r = new SplittableRandom(11);
        Jets j = new Jets();
        int n = 300_000;
        double direct = 0;
        for (int i = 0; i < n; i++) {
            JetModel.VBF.sample(r, j);
            direct += inRegion(j) ? 1 : 0;
        }
        double reweighted = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            JetModel.GGH.sample(r, j);
            if (inRegion(j)) {
                double lr = Math.exp(JetModel.VBF.logDensity(j) - JetModel.GGH.logDensity(j));
                reweighted += lr;
                sq += lr * lr;
            }
        }
        double pDirect = direct / n;
        double pReweighted = reweighted / n;
        double err = Math.sqrt(pDirect * (1 - pDirect) / n + (sq / n - pReweighted * pReweighted) / n);
        assertEquals(pDirect, pReweighted, 4 * err);
        assertEquals(0.2, pDirect, 0.15, "a region both models populate");
    }

    /** Two or three jets with a moderate rapidity gap, and events with one jet: LR neither tiny nor huge. */
    private static boolean inRegion(Jets j) {
        if (j.n == 1) {
            return j.pt[0] < 60;
        }
        return (j.n == 2 || j.n == 3) && Math.abs(j.eta[0] - j.eta[1]) > 2.0 && Math.abs(j.eta[0] - j.eta[1]) < 3.5
                && j.pt[0] < 150 && Math.abs(j.ySystem) < 2;
    }
}
