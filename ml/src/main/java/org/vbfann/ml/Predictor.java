package org.vbfann.ml;

/**
 * Evaluates a network on rows of raw (unscaled) inputs. Owns its buffers, so it is cheap to call in a loop
 * but must not be shared between threads; make one per thread with {@link Mlp#predictor(int)}.
 */
public final class Predictor {
    private final Mlp net;
    private final Workspace ws;

    Predictor(Mlp net, int batchRows) {
        if (batchRows <= 0) {
            throw new MlException("predictor batch size must be positive, got " + batchRows);
        }
        this.net = net;
        this.ws = new Workspace(net, batchRows);
    }

    /**
     * Evaluates {@code rows} rows of {@code inputs} ({@code rows × inputs()} row-major, raw values) into
     * {@code out} ({@code rows × outputs()} row-major: the score, or the class probabilities).
     *
     * @param inputs not modified
     * @param out    modified
     */
    public void predict(double[] inputs, int rows, double[] out) {
        int n = net.inputs();
        int m = net.outputs();
        if (inputs.length < rows * n || out.length < rows * m) {
            throw new MlException("predict: " + rows + " rows need " + rows * n + " inputs and " + rows * m
                    + " outputs, got arrays of " + inputs.length + " and " + out.length);
        }
        double[] x = ws.act[0];
        for (int start = 0; start < rows; start += ws.capacity) {
            int len = Math.min(ws.capacity, rows - start);
            Standardization s = net.scaling();
            for (int r = 0; r < len; r++) {
                int src = (start + r) * n;
                for (int j = 0; j < n; j++) {
                    x[j * len + r] = (inputs[src + j] - s.mean(j)) / s.scale(j);
                }
            }
            run(len, out, start * m);
        }
    }

    /** Like {@link #predict(double[], int, double[])} for single-precision inputs. */
    public void predict(float[] inputs, int rows, double[] out) {
        int n = net.inputs();
        int m = net.outputs();
        if (inputs.length < rows * n || out.length < rows * m) {
            throw new MlException("predict: " + rows + " rows need " + rows * n + " inputs and " + rows * m
                    + " outputs, got arrays of " + inputs.length + " and " + out.length);
        }
        for (int start = 0; start < rows; start += ws.capacity) {
            int len = Math.min(ws.capacity, rows - start);
            net.scaleInto(inputs, null, start, len, ws);
            run(len, out, start * m);
        }
    }

    private void run(int len, double[] out, int outOff) {
        net.forward(net.parametersShared(), ws, len, false, null);
        net.outputInto(ws, len);
        int m = net.outputs();
        for (int r = 0; r < len; r++) {
            for (int j = 0; j < m; j++) {
                out[outOff + r * m + j] = ws.out[j * len + r];
            }
        }
    }
}
