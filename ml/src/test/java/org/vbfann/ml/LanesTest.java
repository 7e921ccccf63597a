package org.vbfann.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four-term kernel against the plain double loop, for depths that exercise the blocking and its tail. */
class LanesTest {
    @ParameterizedTest
    @CsvSource({"1,1,1", "3,5,1", "4,32,3", "5,9,2", "18,32,36", "9,128,1", "36,18,4", "0,4,1", "3,0,2"})
    void matchesThePlainLoopToTheLastBit(int depth, int len, int stride) {
        SplittableRandom rng = new SplittableRandom(depth * 1000L + len * 10L + stride);
        double[] a = random(rng, 7 + depth * stride);
        double[][] x = new double[depth][];
        for (int k = 0; k < depth; k++) {
            x[k] = random(rng, len + 3);
        }
        double[] y = random(rng, len + 2);
        double[] expected = y.clone();
        for (int j = 0; j < len; j++) {
            double s = expected[j];
            for (int k = 0; k < depth; k++) {
                s += a[7 + k * stride] * x[k][j];
            }
            expected[j] = s;
        }
        Lanes.multiplyAdd(a, 7, stride, x, depth, y, len);
        // Same products added in the same order over k; values past len untouched.
        assertArrayEquals(expected, y, 0.0);
    }

    private static double[] random(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }
}
