package org.vbfann.ml;

import java.util.SplittableRandom;

/**
 * The loss and parameter gradient of one mini-batch (or one thread's shard of it): gather and standardise
 * rows, forward pass in training mode, cross-entropy, backward pass. Owns its buffers and its dropout
 * stream, so each thread needs its own; a call allocates nothing.
 */
public final class BatchGradient {
    final Mlp net;
    final Workspace ws;
    final double[] grad;
    final SplittableRandom rng;

    /** Buffers for batches of up to {@code capacity} rows of {@code net}, with dropout drawn from {@code rng}. */
    public BatchGradient(Mlp net, int capacity, SplittableRandom rng) {
        this.net = net;
        this.ws = new Workspace(net, capacity);
        this.grad = new double[net.parameterCount()];
        this.rng = rng;
    }

    /** The gradient of the last {@link #compute} call, in the layout of {@link Mlp#parameters()} (shared). */
    public double[] gradient() {
        return grad;
    }

    /**
     * Zeroes the gradient and fills it with the gradient of {@code Σ w ℓ / norm} over events
     * {@code index[from .. from + rows)} ({@code from + r} if {@code index} is null); returns that loss.
     * Parameters {@code p} have the layout of {@link Mlp#parameters()}; {@code x} holds raw features.
     *
     * @throws MlException if {@code rows} exceeds the capacity or {@code p} has the wrong length
     */
    public double compute(double[] p, float[] x, int[] labels, double[] w, int[] index, int from, int rows, double norm) {
        if (rows < 0 || rows > ws.capacity || p.length != grad.length) {
            throw new MlException("batch gradient: " + rows + " rows for buffers of " + ws.capacity + ", "
                    + p.length + " parameters for a network of " + grad.length);
        }
        java.util.Arrays.fill(grad, 0.0);
        if (rows == 0) {
            return 0;
        }
        net.scaleInto(x, index, from, rows, ws);
        net.forward(p, ws, rows, true, rng);
        double[] logits = ws.act[net.layers().size()];
        double loss = net.outputs() == 1
                ? CrossEntropy.binary(logits, rows, labels, w, index, from, norm, ws.dLogits)
                : CrossEntropy.multiClass(logits, rows, net.outputs(), labels, w, index, from, norm, ws.dLogits);
        net.backward(p, ws, rows, grad);
        return loss;
    }
}
