package org.vbfann.ml;

import java.util.Arrays;

/**
 * The input scaling stored in a model, {@code x' = (x − mean) / scale} per feature, applied before the first
 * layer by inference, training and every export.
 */
public final class Standardization {
    private final double[] mean;
    private final double[] scale;

    /**
     * A scaling with the given means and scales (copied).
     *
     * @throws MlException if the lengths differ, a value is not finite or a scale is not positive
     */
    public Standardization(double[] mean, double[] scale) {
        if (mean.length != scale.length) {
            throw new MlException("standardization: " + mean.length + " means but " + scale.length + " scales");
        }
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i]) || !(scale[i] > 0) || Double.isInfinite(scale[i])) {
                throw new MlException("standardization: feature " + i + " has mean " + mean[i] + " and scale "
                        + scale[i] + "; need a finite mean and a finite scale > 0");
            }
        }
        this.mean = mean.clone();
        this.scale = scale.clone();
    }

    /** The identity scaling of {@code n} features (mean 0, scale 1). */
    public static Standardization identity(int n) {
        double[] one = new double[n];
        Arrays.fill(one, 1.0);
        return new Standardization(new double[n], one);
    }

    /**
     * The weighted mean and standard deviation of each column of {@code x} ({@code rows × n} row-major), with
     * weights {@code |w|} ({@code null} for unit weights). A constant column gets scale 1 so that it passes
     * through unchanged rather than dividing by zero.
     */
    public static Standardization fit(float[] x, int rows, int n, double[] w) {
        double[] sum = new double[n];
        double[] sum2 = new double[n];
        double sw = 0;
        for (int r = 0; r < rows; r++) {
            double wr = w == null ? 1.0 : Math.abs(w[r]);
            sw += wr;
            for (int j = 0; j < n; j++) {
                sum[j] += wr * x[r * n + j];
            }
        }
        if (!(sw > 0)) {
            throw new MlException("standardization: the training rows have zero total weight");
        }
        double[] mean = new double[n];
        for (int j = 0; j < n; j++) {
            mean[j] = sum[j] / sw;
        }
        // Second pass about the mean: no cancellation for features with a large offset (e.g. masses in GeV).
        for (int r = 0; r < rows; r++) {
            double wr = w == null ? 1.0 : Math.abs(w[r]);
            for (int j = 0; j < n; j++) {
                double d = x[r * n + j] - mean[j];
                sum2[j] += wr * d * d;
            }
        }
        double[] scale = new double[n];
        for (int j = 0; j < n; j++) {
            double sd = Math.sqrt(sum2[j] / sw);
            scale[j] = sd > 0 ? sd : 1.0;
        }
        return new Standardization(mean, scale);
    }

    /** Number of features. */
    public int size() {
        return mean.length;
    }

    /** Mean of feature {@code j}. */
    public double mean(int j) {
        return mean[j];
    }

    /** Scale of feature {@code j}. */
    public double scale(int j) {
        return scale[j];
    }

    /** Whether this is the identity (all means 0, all scales 1). */
    public boolean isIdentity() {
        for (int j = 0; j < mean.length; j++) {
            if (mean[j] != 0 || scale[j] != 1) {
                return false;
            }
        }
        return true;
    }
}
