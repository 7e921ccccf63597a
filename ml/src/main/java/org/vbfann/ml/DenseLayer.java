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
            double[] mask) {
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
                for (int i = 0; i < in; i++) {
                    int wo = off + i * out;
                    double s = 0;
                    for (int o = 0; o < out; o++) {
                        s += p[wo + o] * dy[yo + o];
                    }
                    dx[xo + i] = s;
                }
            }
        }
    }
}
