package org.vbfann.ml;

import java.util.SplittableRandom;

/** Normal variates and the normal CDF for tests with closed-form answers. */
final class Gaussians {
    private Gaussians() {
    }

    static double normal(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Φ(x) by Simpson's rule on the density from −10 (error far below 1e-9). */
    static double phi(double x) {
        int n = 20_000;
        double a = -10;
        double h = (x - a) / n;
        double s = pdf(a) + pdf(x);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * pdf(a + i * h);
        }
        return s * h / 3;
    }

    private static double pdf(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }
}
