package org.vbfann.ml;

import java.util.SplittableRandom;

/**
 * Dropout in training, identity at inference. Plain dropout zeroes each value with probability {@code rate}
 * and scales the others by {@code 1/(1 − rate)} (inverted dropout, as Keras). Alpha dropout, for SELU
 * networks, sets dropped values to SELU's negative saturation {@code α' = −λα} and applies the affine
 * correction {@code a x + b} that keeps zero mean and unit variance (Klambauer et al. 2017, section
 * "New dropout technique"; Keras {@code AlphaDropout}).
 */
public final class DropoutLayer extends Layer {
    private static final double ALPHA_PRIME = -Activation.SELU_SCALE * Activation.SELU_ALPHA;

    private final double rate;
    private final boolean alpha;
    private final double scale;
    private final double shift;

    /**
     * Dropout of {@code width} values with the given rate in [0, 1).
     *
     * @param alpha whether to use alpha dropout (for SELU)
     */
    public DropoutLayer(String name, int width, double rate, boolean alpha) {
        super(name, width, width);
        if (!(rate >= 0 && rate < 1)) {
            throw new MlException("layer '" + name + "': dropout rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
        this.alpha = alpha;
        if (alpha) {
            double keep = 1 - rate;
            scale = 1.0 / Math.sqrt(keep * (1 + rate * ALPHA_PRIME * ALPHA_PRIME));
            shift = -scale * ALPHA_PRIME * rate;
        } else {
            scale = 1.0 / (1 - rate);
            shift = 0;
        }
    }

    /** The fraction of values dropped in training. */
    public double rate() {
        return rate;
    }

    /** Whether this is alpha dropout. */
    public boolean alpha() {
        return alpha;
    }

    @Override
    public String kerasType() {
        return alpha ? "AlphaDropout" : "Dropout";
    }

    @Override
    int scratchSize(int rows) {
        return rows * outputs();
    }

    @Override
    void forward(double[] p, int off, double[] x, double[] y, int rows, Lanes lanes) {
        if (x != y) {
            System.arraycopy(x, 0, y, 0, rows * outputs());
        }
    }

    @Override
    void forwardTraining(double[] p, int off, double[] x, double[] y, int rows, Lanes lanes, double[] mask,
            SplittableRandom rng) {
        int n = rows * outputs();
        for (int i = 0; i < n; i++) {
            boolean keep = rng.nextDouble() >= rate;
            mask[i] = keep ? 1.0 : 0.0;
            if (alpha) {
                y[i] = scale * (keep ? x[i] : ALPHA_PRIME) + shift;
            } else {
                y[i] = keep ? x[i] * scale : 0.0;
            }
        }
    }

    @Override
    void backward(double[] p, int off, double[] x, double[] y, double[] dy, double[] dx, double[] g, int rows,
            Lanes lanes, double[] mask) {
        if (dx != null) {
            int n = rows * outputs();
            for (int i = 0; i < n; i++) {
                dx[i] = dy[i] * mask[i] * scale;
            }
        }
    }
}
