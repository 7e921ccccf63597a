package org.vbfann.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightingTest {
    // Two background processes and one signal; one negative weight.
    private static final TrainingSet SET = new TrainingSet(List.of("f"), new float[5], new int[] {0, 0, 0, 1, 1},
            List.of("bkg", "sig"), new double[] {1, 3, -1, 2, 2}, new int[] {0, 0, 1, 2, 2},
            List.of("ZZ", "ggH", "qqH"), new double[] {8, 1, 1});

    @Test
    void modesGiveTheDocumentedRatios() {
        // none: all equal.
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, Weighting.NONE.trainingWeights(SET, Weighting.Negative.ABS), 1e-15);
        // event with |w|: 1, 3, 1, 2, 2 scaled to mean 1 (sum 9 → ×5/9).
        assertArrayEquals(scaled(1, 3, 1, 2, 2), Weighting.EVENT.trainingWeights(SET, Weighting.Negative.ABS), 1e-15);
        // event with negative weights dropped.
        assertArrayEquals(scaled(1, 3, 0, 2, 2), Weighting.EVENT.trainingWeights(SET, Weighting.Negative.ZERO), 1e-15);
        // yield: ZZ sums to 8 (2, 6), ggH to 1, qqH to 1 (0.5, 0.5).
        assertArrayEquals(scaled(2, 6, 1, 0.5, 0.5), Weighting.YIELD.trainingWeights(SET, Weighting.Negative.ABS), 1e-15);
        // balanced with signed weights kept: background 1 + 3 − 1 = 3, signal 4, each class to the same total.
        assertArrayEquals(scaled(1 / 3.0, 1, -1 / 3.0, 0.5, 0.5),
                Weighting.BALANCED.trainingWeights(SET, Weighting.Negative.KEEP), 1e-15);
    }

    private static double[] scaled(double... w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] * w.length / s;
        }
        return out;
    }

    @Test
    void zeroTotalIsAnError() {
        TrainingSet zero = new TrainingSet(List.of("f"), new float[2], new int[] {0, 1}, List.of("b", "s"),
                new double[] {-1, -1}, new int[2], List.of("p"), null);
        MlException e = org.junit.jupiter.api.Assertions.assertThrows(MlException.class,
                () -> Weighting.EVENT.trainingWeights(zero, Weighting.Negative.ZERO));
        assertEquals("weighting event: training weights sum to 0.0; need > 0", e.getMessage());
    }
}
