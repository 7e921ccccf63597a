package org.vbfann.stats;

import org.hipparchus.special.Erf;

/** The standard normal distribution, accurate in the far tails (p-values down to 1e-300). */
public final class Normal {
    private static final double SQRT2 = Math.sqrt(2);

    private Normal() {
    }

    /** Phi(x) = P(Z &lt; x). */
    public static double cdf(double x) {
        return 0.5 * Erf.erfc(-x / SQRT2);
    }

    /** 1 - Phi(x), without cancellation. */
    public static double survival(double x) {
        return 0.5 * Erf.erfc(x / SQRT2);
    }

    /** The quantile Phi^-1(p), for 0 &lt; p &lt; 1. */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("normal quantile of " + p + ": expected 0 < p < 1");
        }
        // erfcInv keeps the tails accurate where 2p - 1 would round to -1.
        return -SQRT2 * Erf.erfcInv(2 * p);
    }
}
