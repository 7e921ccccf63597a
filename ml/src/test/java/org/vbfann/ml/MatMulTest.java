package org.vbfann.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The blocked kernel against the plain triple loop, for sizes that exercise every edge of the blocking. */
class MatMulTest {
    @ParameterizedTest
    @CsvSource({"1,1,1", "2,4,3", "3,5,7", "5,9,1", "36,32,18", "9,13,36", "1,128,9", "4,0,3", "0,4,3", "3,4,0"})
    void matchesTheSlowLoopWithTransposedStrides(int m, int n, int k) {
        SplittableRandom rng = new SplittableRandom(m * 1000L + n * 10L + k);
        // A stored transposed (k-major) inside a larger array, B row-major, C column-major with an offset.
        double[] a = random(rng, 3 + m * k);
        double[] b = random(rng, 5 + k * n);
        double[] c = random(rng, 2 + m * n);
        double[] expected = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = expected[2 + i + j * m];
                for (int l = 0; l < k; l++) {
                    s += a[3 + i + l * m] * b[5 + l * n + j];
                }
                expected[2 + i + j * m] = s;
            }
        }
        MatMul.multiplyAdd(m, n, k, a, 3, 1, m, b, 5, n, 1, c, 2, 1, m);
        // Same products summed in the same order over k: identical to the last bit.
        assertArrayEquals(expected, c, 0.0);
    }

    private static double[] random(SplittableRandom rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble(-1, 1);
        }
        return v;
    }
}
