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
        for (int o = 0; o < out; o++) {
            double b = p[bo + o];
            for (int r = 0; r < rows; r++) {
                y[o * rows + r] = b;
            }
        }
        // Y(o, r) += Σ_i W(i, o) X(i, r)
        MatMul.multiplyAdd(out, rows, in, p, off, 1, out, x, 0, rows, 1, y, 0, rows, 1);
    }

    @Override
    void backward(double[] p, int off, double[] x, double[] y, double[] dy, double[] dx, double[] g, int rows,
            double[] scratch) {
        int in = inputs();
        int out = outputs();
        int bo = off + in * out;
        for (int o = 0; o < out; o++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += dy[o * rows + r];
            }
            g[bo + o] += s;
        }
        // dW(i, o) += Σ_r X(i, r) dY(o, r)
        MatMul.multiplyAdd(in, out, rows, x, 0, rows, 1, dy, 0, 1, rows, g, off, out, 1);
        if (dx != null) {
            java.util.Arrays.fill(dx, 0, in * rows, 0.0);
            // dX(i, r) = Σ_o W(i, o) dY(o, r)
            MatMul.multiplyAdd(in, rows, out, p, off, out, 1, dy, 0, rows, 1, dx, 0, rows, 1);
        }
    }
}
