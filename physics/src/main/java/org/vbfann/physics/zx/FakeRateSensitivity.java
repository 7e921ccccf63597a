package org.vbfann.physics.zx;

import java.util.HashMap;
import java.util.Map;

/**
 * How a Z+X yield N depends on the fake-rate bins: ∂N/∂f per bin, with the bin's statistical error. The
 * map's statistical uncertainty of N is then √Σ (∂N/∂f_k · σ_k)², each bin an independent measurement. Moving
 * every rate up together instead would understate it for the full formula, whose 3P1F and 2P2F terms both
 * grow with f and partly cancel. Sensitivities of several final states add, which keeps the correlation of
 * yields that share bins when they are combined (2ℓ2ℓ, 4ℓ).
 */
public final class FakeRateSensitivity {
    /** Per bin key: {∂N/∂f, σ_f}. */
    private final Map<Long, double[]> bins = new HashMap<>();

    /** No dependence on any bin. */
    public FakeRateSensitivity() {
    }

    private static long key(int flavour, int bin) {
        return ((long) flavour << 32) | (bin & 0xffffffffL);
    }

    /** ∂N/∂f of one bin of a flavour's map (0 if N does not depend on it). */
    public double derivative(int flavour, int bin) {
        double[] v = bins.get(key(flavour, bin));
        return v == null ? 0 : v[0];
    }

    /** Adds {@code derivative} to ∂N/∂f of the bin of {@code rate}. */
    public void add(FakeRate rate, double derivative) {
        bins.computeIfAbsent(key(rate.flavour(), rate.bin()), k -> new double[] {0, rate.error()})[0] += derivative;
    }

    /** {@code this + scale·other}, a new sensitivity. */
    public FakeRateSensitivity plus(FakeRateSensitivity other, double scale) {
        FakeRateSensitivity sum = new FakeRateSensitivity();
        bins.forEach((k, v) -> sum.bins.put(k, v.clone()));
        other.bins.forEach((k, v) -> sum.bins.computeIfAbsent(k, x -> new double[] {0, v[1]})[0] += scale * v[0]);
        return sum;
    }

    /** √Σ (∂N/∂f_k · σ_k)²: the yield's uncertainty from the fake-rate map's statistics. */
    public double sigma() {
        double s = 0;
        for (double[] v : bins.values()) {
            s += v[0] * v[0] * v[1] * v[1];
        }
        return Math.sqrt(s);
    }
}
