package org.vbfann.ml;

/**
 * Buffers for forward and backward passes of up to {@code capacity} rows through one network: the values at
 * every layer boundary, dropout masks, and two gradient buffers used in turn, all feature-major for the
 * rows of the current pass (value j of row r at {@code j·rows + r}). One per thread; reused for
 * every batch so the passes allocate nothing.
 */
final class Workspace {
    final int capacity;
    /** {@code act[0]}: scaled inputs; {@code act[k + 1]}: output of layer k; the last holds the logits. */
    final double[][] act;
    /** Per-layer scratch: dropout masks. */
    final double[][] scratch;
    final double[] deltaA;
    final double[] deltaB;
    /** Gradient of the loss with respect to the logits, filled by the loss. */
    final double[] dLogits;
    /** Output probabilities (or values) of the last pass. */
    final double[] out;
    /** Raw input rows of the current pass, row-major, before standardisation. */
    final float[] gathered;
    /** Scratch of the dense layers' kernels. */
    final Lanes lanes;

    Workspace(Mlp net, int capacity) {
        this.capacity = capacity;
        int n = net.layers().size();
        act = new double[n + 1][];
        scratch = new double[n][];
        act[0] = new double[capacity * net.inputs()];
        int widest = net.inputs();
        for (int k = 0; k < n; k++) {
            Layer l = net.layers().get(k);
            act[k + 1] = new double[capacity * l.outputs()];
            scratch[k] = l.scratchSize(capacity) > 0 ? new double[l.scratchSize(capacity)] : null;
            widest = Math.max(widest, l.outputs());
        }
        deltaA = new double[capacity * widest];
        deltaB = new double[capacity * widest];
        dLogits = new double[capacity * net.outputs()];
        out = new double[capacity * net.outputs()];
        gathered = new float[capacity * net.inputs()];
        lanes = new Lanes(capacity, widest);
    }
}
