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
    void forward(double[] p, int off, double[] x, double[] y, int rows, Lanes lanes) {
        int in = inputs();
        int out = outputs();
        int bo = off + in * out;
        double[][] xs = lanes.features;
        for (int i = 0; i < in; i++) {
            System.arraycopy(x, i * rows, xs[i], 0, rows);
        }
        double[] acc = lanes.sum;
        for (int o = 0; o < out; o++) {
            // Y(o, r) = b(o) + Σ_i W(i, o) X(i, r)
            java.util.Arrays.fill(acc, 0, rows, p[bo + o]);
            Lanes.multiplyAdd(p, off + o, out, xs, in, acc, rows);
            System.arraycopy(acc, 0, y, o * rows, rows);
        }
    }

    @Override
    void backward(double[] p, int off, double[] x, double[] y, double[] dy, double[] dx, double[] g, int rows,
            Lanes lanes, double[] scratch) {
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
        double[][] xr = lanes.rows;
        for (int r = 0; r < rows; r++) {
            double[] row = xr[r];
            for (int i = 0; i < in; i++) {
                row[i] = x[i * rows + r];
            }
        }
        double[] acc = lanes.sum;
        for (int o = 0; o < out; o++) {
            // dW(i, o) += Σ_r dY(o, r) X(i, r): per output, rows of X scaled and added along i
            java.util.Arrays.fill(acc, 0, in, 0.0);
            Lanes.multiplyAdd(dy, o * rows, 1, xr, rows, acc, in);
            for (int i = 0; i < in; i++) {
                g[off + i * out + o] += acc[i];
            }
        }
        if (dx != null) {
            double[][] ds = lanes.features;
            for (int o = 0; o < out; o++) {
                System.arraycopy(dy, o * rows, ds[o], 0, rows);
            }
            for (int i = 0; i < in; i++) {
                // dX(i, r) = Σ_o W(i, o) dY(o, r)
                java.util.Arrays.fill(acc, 0, rows, 0.0);
                Lanes.multiplyAdd(p, off + i * out, 1, ds, out, acc, rows);
                System.arraycopy(acc, 0, dx, i * rows, rows);
            }
        }
    }
}
