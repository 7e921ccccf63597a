package org.vbfann.ml;

/**
 * A fully connected layer {@code y = x·W + b} without activation (activations are separate layers). The
 * parameters are the kernel {@code W} as {@code inputs × outputs} row-major (index {@code i·outputs + o},
 * the Keras layout), then the bias {@code b} ({@code outputs} values).
 */
public final class DenseLayer extends Layer {
    /** A dense layer from {@code inputs} to {@code units} values. */
    public DenseLayer(String name, int inputs, int units) {
        super(name, inputs, units);
    }

    @Override
    public String kerasType() {
        return "Dense";
    }

    @Override
    public int parameterCount() {
        return inputs() * outputs() + outputs();
    }

    /** Offset of the bias within the layer's parameters. */
    public int biasOffset() {
        return inputs() * outputs();
    }

    /** The dense layer's scratch is its transposed kernel for the input gradient. */
    @Override
    int scratchSize(int rows) {
        return inputs() * outputs();
    }

    private void transpose(double[] p, int off, double[] t) {
        int in = inputs();
        int out = outputs();
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                t[o * in + i] = p[off + i * out + o];
            }
        }
    }

    @Override
    void forward(double[] p, int off, double[] x, double[] y, int rows) {
        int in = inputs();
        int out = outputs();
        int bo = off + in * out;
        for (int r = 0; r < rows; r++) {
            int yo = r * out;
            System.arraycopy(p, bo, y, yo, out);
            int xo = r * in;
            for (int i = 0; i < in; i++) {
                double xi = x[xo + i];
                int wo = off + i * out;
                // Inner loop runs over contiguous outputs of y and of a kernel row, which the JIT vectorises.
                for (int o = 0; o < out; o++) {
                    y[yo + o] += p[wo + o] * xi;
                }
            }
        }
    }

    @Override
    void backward(double[] p, int off, double[] x, double[] y, double[] dy, double[] dx, double[] g, int rows,
            double[] scratch) {
        double[] kernelT = null;
        if (dx != null) {
            kernelT = scratch;
            transpose(p, off, kernelT);
        }
        int in = inputs();
        int out = outputs();
        int bo = off + in * out;
        for (int r = 0; r < rows; r++) {
            int yo = r * out;
            int xo = r * in;
            for (int o = 0; o < out; o++) {
                g[bo + o] += dy[yo + o];
            }
            for (int i = 0; i < in; i++) {
                double xi = x[xo + i];
                int wo = off + i * out;
                for (int o = 0; o < out; o++) {
                    g[wo + o] += xi * dy[yo + o];
                }
            }
            if (dx != null) {
                // dx = W·dy as axpy over the transposed kernel (outputs × inputs): contiguous, vectorisable
                // inner loops instead of a dot product per input, which the JIT does not vectorise.
                int xo2 = r * in;
                for (int i = 0; i < in; i++) {
                    dx[xo2 + i] = 0;
                }
                for (int o = 0; o < out; o++) {
                    double d = dy[yo + o];
                    int to = o * in;
                    for (int i = 0; i < in; i++) {
                        dx[xo2 + i] += kernelT[to + i] * d;
                    }
                }
            }
        }
    }
}
