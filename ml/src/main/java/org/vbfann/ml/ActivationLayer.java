package org.vbfann.ml;

/** An element-wise activation of a hidden layer (any {@link Activation} except softmax). */
public final class ActivationLayer extends Layer {
    private final Activation function;

    /**
     * An activation over {@code width} values.
     *
     * @throws MlException for softmax, which is only an output function
     */
    public ActivationLayer(String name, int width, Activation function) {
        super(name, width, width);
        if (function == Activation.SOFTMAX) {
            throw new MlException("layer '" + name + "': softmax is only supported as the output function of the network");
        }
        this.function = function;
    }

    /** The function. */
    public Activation function() {
        return function;
    }

    @Override
    public String kerasType() {
        return "Activation";
    }

    @Override
    void forward(double[] p, int off, double[] x, double[] y, int rows, Lanes lanes) {
        function.apply(x, y, rows, outputs());
    }

    @Override
    void backward(double[] p, int off, double[] x, double[] y, double[] dy, double[] dx, double[] g, int rows,
            Lanes lanes, double[] scratch) {
        if (dx != null) {
            function.backward(x, y, dy, dx, rows * outputs());
        }
    }
}
