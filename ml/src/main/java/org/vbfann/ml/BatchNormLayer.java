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
    void forward(double[] p, int off, double[] x, double[] y, int rows) {
        int n = outputs();
        for (int r = 0; r < rows; r++) {
            int ro = r * n;
            for (int j = 0; j < n; j++) {
                double a = p[off + j] / Math.sqrt(p[off + 3 * n + j] + epsilon);
                y[ro + j] = a * (x[ro + j] - p[off + 2 * n + j]) + p[off + n + j];
            }
        }
    }

    @Override
    void backward(double[] p, int off, double[] x, double[] y, double[] dy, double[] dx, double[] g, int rows,
            double[] scratch) {
        int n = outputs();
        for (int r = 0; r < rows; r++) {
            int ro = r * n;
            for (int j = 0; j < n; j++) {
                double inv = 1.0 / Math.sqrt(p[off + 3 * n + j] + epsilon);
                double d = dy[ro + j];
                g[off + j] += d * (x[ro + j] - p[off + 2 * n + j]) * inv;
                g[off + n + j] += d;
                if (dx != null) {
                    dx[ro + j] = d * p[off + j] * inv;
                }
            }
        }
    }
}
