package org.vbfann.ml;

/**
 * The two-sample Kolmogorov–Smirnov test of weighted samples, the overtraining check that compares network
 * scores on the training and test splits. The statistic is the largest distance between the two weighted
 * empirical distribution functions; the p-value is Kolmogorov's asymptotic distribution at
 * {@code z = D √(n₁n₂/(n₁+n₂))} with effective entries {@code n = (Σw)²/Σw²}, as ROOT's
 * {@code TH1::KolmogorovTest} does for weighted histograms (with {@code TMath::KolmogorovProb}).
 *
 * @param statistic the maximum distance D between the distribution functions
 * @param pValue    the probability of a distance at least D if both samples come from one distribution
 */
public record KolmogorovSmirnov(double statistic, double pValue) {

    /**
     * Tests samples {@code a} and {@code b} with weights ({@code null} for 1).
     *
     * @throws MlException if a sample is empty, a value is NaN or a sample's total weight is not positive
     */
    public static KolmogorovSmirnov test(double[] a, double[] wa, double[] b, double[] wb) {
        double ta = total(a, wa, "first");
        double tb = total(b, wb, "second");
        int[] ia = IndexSort.descending(a);
        int[] ib = IndexSort.descending(b);
        // Walk both samples from the largest value down: the survival functions differ by as much as the CDFs.
        double ca = 0;
        double cb = 0;
        double d = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            double v = Math.max(i < a.length ? a[ia[i]] : Double.NEGATIVE_INFINITY,
                    j < b.length ? b[ib[j]] : Double.NEGATIVE_INFINITY);
            while (i < a.length && a[ia[i]] == v) {
                ca += wa == null ? 1 : wa[ia[i]];
                i++;
            }
            while (j < b.length && b[ib[j]] == v) {
                cb += wb == null ? 1 : wb[ib[j]];
                j++;
            }
            d = Math.max(d, Math.abs(ca / ta - cb / tb));
        }
        double na = effectiveEntries(a.length, wa);
        double nb = effectiveEntries(b.length, wb);
        return new KolmogorovSmirnov(d, kolmogorovProbability(d * Math.sqrt(na * nb / (na + nb))));
    }

    private static double total(double[] x, double[] w, String which) {
        if (x.length == 0) {
            throw new MlException("KS test: the " + which + " sample is empty");
        }
        if (w != null && w.length != x.length) {
            throw new MlException("KS test: the " + which + " sample has " + x.length + " values and " + w.length + " weights");
        }
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                throw new MlException("KS test: value " + i + " of the " + which + " sample is NaN");
            }
            t += w == null ? 1 : w[i];
        }
        if (!(t > 0)) {
            throw new MlException("KS test: the " + which + " sample has total weight " + t + "; need > 0");
        }
        return t;
    }

    /** {@code (Σw)² / Σw²}, the number of unweighted events with the same relative precision. */
    static double effectiveEntries(int n, double[] w) {
        if (w == null) {
            return n;
        }
        double s = 0;
        double s2 = 0;
        for (double v : w) {
            s += v;
            s2 += v * v;
        }
        return s * s / s2;
    }

    /**
     * Kolmogorov's survival function {@code Q(z) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²z²}}; below z = 1.18 the
     * equivalent theta-function form {@code 1 − (√(2π)/z) Σ_{k≥1} e^{−(2k−1)²π²/(8z²)}} converges faster
     * (the split ROOT's {@code TMath::KolmogorovProb} also uses).
     */
    public static double kolmogorovProbability(double z) {
        if (z < 0.2) {
            return 1.0;
        }
        if (z < 1.18) {
            double s = 0;
            for (int k = 1; k <= 5; k++) {
                double m = (2 * k - 1) * Math.PI;
                s += Math.exp(-m * m / (8 * z * z));
            }
            return 1 - Math.sqrt(2 * Math.PI) / z * s;
        }
        double s = 0;
        for (int k = 1; k <= 20; k++) {
            s += (k % 2 == 1 ? 2 : -2) * Math.exp(-2.0 * k * k * z * z);
        }
        return Math.max(0, s);
    }
}
