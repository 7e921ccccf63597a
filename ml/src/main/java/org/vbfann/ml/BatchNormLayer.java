package org.vbfann.ml;

/**
 * Batch normalisation in inference form, {@code y = γ (x − μ) / √(σ² + ε) + β}, with fixed moving mean μ and
 * variance σ² (as Keras applies it at prediction time). Parameters: γ, β (trainable), then μ, σ² (not
 * trainable), {@code width} values each. Training updates only γ and β.
 */
public final class BatchNormLayer extends Layer {
    private final double epsilon;

    /** A normalisation of {@code width} values with the given ε (Keras default 1e-3). */
    public BatchNormLayer(String name, int width, double epsilon) {
        super(name, width, width);
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new MlException("layer '" + name + "': epsilon must be finite and >= 0, got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    /** ε added to the variance. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public String kerasType() {
        return "BatchNormalization";
    }

    @Override
    public int parameterCount() {
        return 4 * outputs();
    }

    @Override
    public int nonTrainableCount() {
        return 2 * outputs();
    }

    /** Offset of γ within the layer's parameters. */
    public int gammaOffset() {
        return 0;
    }

    /** Offset of β within the layer's parameters. */
    public int betaOffset() {
        return outputs();
    }

    /** Offset of the moving mean within the layer's parameters. */
    public int meanOffset() {
        return 2 * outputs();
    }

    /** Offset of the moving variance within the layer's parameters. */
    public int varianceOffset() {
        return 3 * outputs();
    }

    @Override
    void forward(double[] p, int off, double[] x, double[] y, int rows, Lanes lanes) {
        int n = outputs();
        for (int j = 0; j < n; j++) {
            double a = p[off + j] / Math.sqrt(p[off + 3 * n + j] + epsilon);
            double mean = p[off + 2 * n + j];
            double beta = p[off + n + j];
            int o = j * rows;
            for (int r = 0; r < rows; r++) {
                y[o + r] = a * (x[o + r] - mean) + beta;
            }
        }
    }

    @Override
    void backward(double[] p, int off, double[] x, double[] y, double[] dy, double[] dx, double[] g, int rows,
            Lanes lanes, double[] scratch) {
        int n = outputs();
        for (int j = 0; j < n; j++) {
            double inv = 1.0 / Math.sqrt(p[off + 3 * n + j] + epsilon);
            double mean = p[off + 2 * n + j];
            double a = p[off + j] * inv;
            int o = j * rows;
            double gGamma = 0;
            double gBeta = 0;
            for (int r = 0; r < rows; r++) {
                double d = dy[o + r];
                gGamma += d * (x[o + r] - mean);
                gBeta += d;
            }
            g[off + j] += gGamma * inv;
            g[off + n + j] += gBeta;
            if (dx != null) {
                for (int r = 0; r < rows; r++) {
                    dx[o + r] = dy[o + r] * a;
                }
            }
        }
    }
}
