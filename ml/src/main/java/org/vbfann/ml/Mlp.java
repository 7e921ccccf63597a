package org.vbfann.ml;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A multilayer perceptron: input standardisation, a chain of {@link Layer}s producing logits, and an output
 * function (sigmoid for a binary score, softmax over classes, or linear). Immutable; the parameters of all
 * layers are one flat array, layer k's starting at {@link #parameterOffset(int)}.
 *
 * <p>Evaluate with {@link #predictor(int)}, which owns its buffers (one per thread).
 */
public final class Mlp {
    private final List<String> features;
    private final List<String> outputNames;
    private final Standardization scaling;
    private final List<Layer> layers;
    private final Activation output;
    private final double[] params;
    private final int[] offsets;

    /**
     * A network.
     *
     * @param features    input names, in the order the network takes them
     * @param scaling     input standardisation, one entry per feature
     * @param layers      the chain from inputs to logits
     * @param output      sigmoid, softmax or linear, applied to the logits
     * @param outputNames one name per output (class names of a multi-class network)
     * @param parameters  all layer parameters, concatenated in layer order (copied)
     * @throws MlException if sizes do not chain or the parameter count is wrong
     */
    public Mlp(List<String> features, Standardization scaling, List<Layer> layers, Activation output,
            List<String> outputNames, double[] parameters) {
        this.features = List.copyOf(features);
        this.outputNames = List.copyOf(outputNames);
        this.scaling = scaling;
        this.layers = List.copyOf(layers);
        this.output = output;
        if (layers.isEmpty()) {
            throw new MlException("a network needs at least one layer");
        }
        if (scaling.size() != features.size()) {
            throw new MlException("network has " + features.size() + " features but the standardization has "
                    + scaling.size() + " entries");
        }
        if (output != Activation.SIGMOID && output != Activation.SOFTMAX && output != Activation.LINEAR) {
            throw new MlException("output function must be sigmoid, softmax or linear, got " + output.id());
        }
        offsets = new int[layers.size()];
        int width = features.size();
        int total = 0;
        for (int k = 0; k < layers.size(); k++) {
            Layer l = layers.get(k);
            if (l.inputs() != width) {
                throw new MlException("layer " + k + " ('" + l.name() + "') takes " + l.inputs()
                        + " inputs but the previous stage gives " + width);
            }
            offsets[k] = total;
            total += l.parameterCount();
            width = l.outputs();
        }
        if (width != outputNames.size()) {
            throw new MlException("network gives " + width + " outputs but " + outputNames.size()
                    + " output names were given " + outputNames);
        }
        if (parameters.length != total) {
            throw new MlException("network needs " + total + " parameters, got " + parameters.length);
        }
        for (int i = 0; i < total; i++) {
            if (!Double.isFinite(parameters[i])) {
                throw new MlException("parameter " + i + " (layer '" + layers.get(layerOf(i)).name() + "') is "
                        + parameters[i]);
            }
        }
        this.params = parameters.clone();
    }

    /**
     * A network from per-layer parameter arrays (one per layer with parameters, in layer order), as readers
     * of model files collect them.
     */
    public static Mlp of(List<String> features, Standardization scaling, List<Layer> layers, Activation output,
            List<String> outputNames, List<double[]> layerParameters) {
        int total = 0;
        for (double[] p : layerParameters) {
            total += p.length;
        }
        double[] all = new double[total];
        int off = 0;
        for (double[] p : layerParameters) {
            System.arraycopy(p, 0, all, off, p.length);
            off += p.length;
        }
        return new Mlp(features, scaling, layers, output, outputNames, all);
    }

    private int layerOf(int index) {
        int k = 0;
        while (k + 1 < offsets.length && offsets[k + 1] <= index) {
            k++;
        }
        return k;
    }

    /** The same network with other parameters (same layout). */
    public Mlp withParameters(double[] parameters) {
        return new Mlp(features, scaling, layers, output, outputNames, parameters);
    }

    /** The same network with another input standardisation. */
    public Mlp withScaling(Standardization s) {
        return new Mlp(features, s, layers, output, outputNames, params);
    }

    /** Input names in order. */
    public List<String> features() {
        return features;
    }

    /** Output names in order. */
    public List<String> outputNames() {
        return outputNames;
    }

    /** Number of inputs. */
    public int inputs() {
        return features.size();
    }

    /** Number of outputs. */
    public int outputs() {
        return outputNames.size();
    }

    /** The input standardisation. */
    public Standardization scaling() {
        return scaling;
    }

    /** The layers from inputs to logits. */
    public List<Layer> layers() {
        return layers;
    }

    /** The output function. */
    public Activation output() {
        return output;
    }

    /** Total number of parameters. */
    public int parameterCount() {
        return params.length;
    }

    /** A copy of all parameters. */
    public double[] parameters() {
        return params.clone();
    }

    /** Where layer {@code k}'s parameters start in {@link #parameters()}. */
    public int parameterOffset(int k) {
        return offsets[k];
    }

    /** Parameter {@code index} of layer {@code k} (layouts in each layer class). */
    public double parameter(int k, int index) {
        if (index < 0 || index >= layers.get(k).parameterCount()) {
            throw new IndexOutOfBoundsException("layer " + k + " has " + layers.get(k).parameterCount()
                    + " parameters, asked for " + index);
        }
        return params[offsets[k] + index];
    }

    /** Raw parameter array, shared; only for the package's trainer. */
    double[] parametersShared() {
        return params;
    }

    /** A predictor with buffers for {@code batchRows} rows at a time; it evaluates any number of rows. */
    public Predictor predictor(int batchRows) {
        return new Predictor(this, batchRows);
    }

    /**
     * Standardises {@code rows} raw input rows ({@code index[from + r]}, or {@code from + r} without an index)
     * into {@code ws.act[0]}, feature-major.
     */
    void scaleInto(float[] raw, int[] index, int from, int rows, Workspace ws) {
        int n = inputs();
        float[] gathered = ws.gathered;
        // Rows of a shuffled batch are scattered over the whole set: copying them first, with nothing else in
        // the loop, keeps many of their cache misses in flight at once (measured: a fifth of an epoch's time
        // went to this gather when the copy and the arithmetic shared one loop).
        for (int r = 0; r < rows; r++) {
            System.arraycopy(raw, (index == null ? from + r : index[from + r]) * n, gathered, r * n, n);
        }
        double[] dst = ws.act[0];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) {
                dst[j * rows + r] = (gathered[r * n + j] - scaling.mean(j)) / scaling.scale(j);
            }
        }
    }

    /** Forward pass from {@code ws.act[0]} to the logits in the last {@code ws.act}; training draws dropout. */
    void forward(double[] p, Workspace ws, int rows, boolean training, SplittableRandom rng) {
        for (int k = 0; k < layers.size(); k++) {
            Layer l = layers.get(k);
            if (training) {
                l.forwardTraining(p, offsets[k], ws.act[k], ws.act[k + 1], rows, ws.lanes, ws.scratch[k], rng);
            } else {
                l.forward(p, offsets[k], ws.act[k], ws.act[k + 1], rows, ws.lanes);
            }
        }
    }

    /** Applies the output function to the logits of the last pass, into {@code ws.out}. */
    void outputInto(Workspace ws, int rows) {
        output.apply(ws.act[layers.size()], ws.out, rows, outputs());
    }

    /** Back-propagates {@code ws.dLogits} through the last forward pass, adding parameter gradients to {@code g}. */
    void backward(double[] p, Workspace ws, int rows, double[] g) {
        double[] dy = ws.dLogits;
        for (int k = layers.size() - 1; k >= 0; k--) {
            Layer l = layers.get(k);
            double[] dx = k == 0 ? null : (dy == ws.deltaA ? ws.deltaB : ws.deltaA);
            l.backward(p, offsets[k], ws.act[k], ws.act[k + 1], dy, dx, g, rows, ws.lanes, ws.scratch[k]);
            dy = dx;
        }
    }

    /**
     * A table of the layers with output shapes and parameter counts, then totals, in the layout of Keras's
     * {@code model.summary()}; the size in KB is that of the parameters as stored here (8-byte doubles).
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        String rule = "_".repeat(65) + "\n";
        String dbl = "=".repeat(65) + "\n";
        sb.append("Model: \"vbfann_mlp\"\n").append(rule);
        sb.append(String.format(Locale.ROOT, "%-29s%-26s%s%n", "Layer (type)", "Output Shape", "Param #"));
        sb.append(dbl);
        sb.append(String.format(Locale.ROOT, "%-29s%-26s%s%n", "standardization (Input)",
                "(None, " + inputs() + ")", "0"));
        int trainable = 0;
        int fixed = 0;
        for (int k = 0; k < layers.size(); k++) {
            Layer l = layers.get(k);
            sb.append(String.format(Locale.ROOT, "%-29s%-26s%d%n", l.name() + " (" + l.kerasType() + ")",
                    "(None, " + l.outputs() + ")", l.parameterCount()));
            trainable += l.parameterCount() - l.nonTrainableCount();
            fixed += l.nonTrainableCount();
        }
        sb.append(String.format(Locale.ROOT, "%-29s%-26s%s%n", "output (" + output.id() + ")",
                "(None, " + outputs() + ")", "0"));
        sb.append(dbl);
        int total = trainable + fixed;
        sb.append(String.format(Locale.ROOT, "Total params: %,d (%.2f KB)%n", total, total * 8 / 1024.0));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d%n", trainable));
        sb.append(String.format(Locale.ROOT, "Non-trainable params: %,d%n", fixed));
        sb.append(String.format(Locale.ROOT, "Inputs: %s (%s)%n", String.join(", ", features),
                scaling.isIdentity() ? "not standardised" : "standardised in the model"));
        sb.append(String.format(Locale.ROOT, "Outputs: %s%n", String.join(", ", outputNames)));
        sb.append(rule);
        return sb.toString();
    }
}
