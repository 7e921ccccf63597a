package org.vbfann.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {
    @Test
    void kolmogorovDistributionHasItsTabulatedCriticalValues() {
        // Critical values of the Kolmogorov distribution (Smirnov 1948 tables): Q(1.2238) = 0.10,
        // Q(1.3581) = 0.05, Q(1.6276) = 0.01; tabulated to 4 digits in z.
        assertEquals(0.10, KolmogorovSmirnov.kolmogorovProbability(1.2238), 2e-4);
        assertEquals(0.05, KolmogorovSmirnov.kolmogorovProbability(1.3581), 2e-4);
        assertEquals(0.01, KolmogorovSmirnov.kolmogorovProbability(1.6276), 1e-4);
        // Both series are exact; at the switch they must agree.
        double below = KolmogorovSmirnov.kolmogorovProbability(Math.nextDown(1.18));
        double above = KolmogorovSmirnov.kolmogorovProbability(1.18);
        assertEquals(below, above, 1e-12);
    }

    @Test
    void handComputedStatisticWithWeights() {
        // a: 1 (w 1), 2 (w 3); b: 1.5 (w 2), 3 (w 2). Above 2.5: a 0, b 0.5; above 1.75: a 0.75, b 0.5;
        // above 1.25: a 0.75, b 1; so D = max(0.5, 0.25, 0.25) = 0.5.
        KolmogorovSmirnov ks = KolmogorovSmirnov.test(new double[] {1, 2}, new double[] {1, 3},
                new double[] {1.5, 3}, new double[] {2, 2});
        assertEquals(0.5, ks.statistic(), 1e-15);
        // n_eff: a 16/10 = 1.6, b 16/8 = 2; z = 0.5 √(3.2/3.6).
        assertEquals(KolmogorovSmirnov.kolmogorovProbability(0.5 * Math.sqrt(3.2 / 3.6)), ks.pValue(), 1e-15);
    }

    @Test
    void sameDistributionGivesUniformishPValuesAndShiftIsDetected() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] a = new double[2000];
        double[] b = new double[2000];
        double[] c = new double[2000];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble();
            b[i] = rng.nextDouble();
            c[i] = rng.nextDouble() + 0.1;
        }
        assertTrue(KolmogorovSmirnov.test(a, null, b, null).pValue() > 0.01);
        // A shift of 0.1 gives D ≈ 0.1, z ≈ 3.2: p far below 1e-6.
        assertTrue(KolmogorovSmirnov.test(a, null, c, null).pValue() < 1e-6);
    }
}
