package org.vbfann.ml;

import java.util.SplittableRandom;

/**
 * One stage of a network: a map from {@code inputs()} to {@code outputs()} values per row. A layer is an
 * immutable description; its parameters live in the network's flat parameter array starting at an offset
 * the network assigns, so optimizers and gradient sums work on one array. All hot methods take
 * caller-provided buffers of {@code rows × width} values stored feature-major (value j of row r at
 * {@code j·rows + r}), so the loops over a mini-batch are long and contiguous, and allocate nothing.
 */
public abstract sealed class Layer permits DenseLayer, ActivationLayer, BatchNormLayer, DropoutLayer {
    private final String name;
    private final int inputs;
    private final int outputs;

    Layer(String name, int inputs, int outputs) {
        if (inputs <= 0 || outputs <= 0) {
            throw new MlException("layer '" + name + "': sizes must be positive, got " + inputs + " -> " + outputs);
        }
        this.name = name;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /** The layer's name (as in Keras, e.g. {@code dense_1}). */
    public String name() {
        return name;
    }

    /** Values per row going in. */
    public int inputs() {
        return inputs;
    }

    /** Values per row coming out. */
    public int outputs() {
        return outputs;
    }

    /** The Keras class name of the layer, for summaries ({@code Dense}, {@code Activation}, ...). */
    public abstract String kerasType();

    /** Number of values this layer keeps in the network's parameter array (trainable or not). */
    public int parameterCount() {
        return 0;
    }

    /** Number of those values that training does not change (BatchNormalization moving statistics). */
    public int nonTrainableCount() {
        return 0;
    }

    /**
     * Size of the per-layer scratch buffer the training passes need for batches of {@code rows} rows (the
     * dropout mask), 0 for none.
     */
    int scratchSize(int rows) {
        return 0;
    }

    /** Inference: {@code y = f(x)} for {@code rows} rows, with {@code lanes} as the kernels' scratch. */
    abstract void forward(double[] p, int off, double[] x, double[] y, int rows, Lanes lanes);

    /** Training forward pass; differs from inference only for dropout, which draws {@code scratch} (the mask) from {@code rng}. */
    void forwardTraining(double[] p, int off, double[] x, double[] y, int rows, Lanes lanes, double[] scratch,
            SplittableRandom rng) {
        forward(p, off, x, y, rows, lanes);
    }

    /**
     * Back-propagates {@code dy} (gradient of the loss with respect to {@code y}): adds the parameter
     * gradient to {@code g} at the layer's offset and writes the input gradient to {@code dx} unless it is
     * {@code null} (the first layer needs none).
     */
    abstract void backward(double[] p, int off, double[] x, double[] y, double[] dy, double[] dx, double[] g,
            int rows, Lanes lanes, double[] scratch);
}
