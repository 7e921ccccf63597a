package org.vbfann.ml;

import java.util.Arrays;

/**
 * The settings of one training, with the defaults of the analysis guide where it had them and of Keras
 * otherwise. Immutable; build with {@link #builder()}.
 */
public final class TrainingConfig {
    private final int[] hiddenLayers;
    private final Activation activation;
    private final double dropout;
    private final int batchSize;
    private final int maxEpochs;
    private final int patience;
    private final double learningRate;
    private final Optimizer.Kind optimizer;
    private final double l2;
    private final Weighting weighting;
    private final Weighting.Negative negativeWeights;
    private final boolean standardize;
    private final long seed;
    private final int threads;

    private TrainingConfig(Builder b) {
        hiddenLayers = b.hiddenLayers.clone();
        activation = b.activation;
        dropout = b.dropout;
        batchSize = b.batchSize;
        maxEpochs = b.maxEpochs;
        patience = b.patience;
        learningRate = b.learningRate;
        optimizer = b.optimizer;
        l2 = b.l2;
        weighting = b.weighting;
        negativeWeights = b.negativeWeights;
        standardize = b.standardize;
        seed = b.seed;
        threads = b.threads;
        if (hiddenLayers.length == 0) {
            throw new MlException("training: need at least one hidden layer");
        }
        for (int h : hiddenLayers) {
            if (h <= 0) {
                throw new MlException("training: hidden layer sizes must be positive, got " + Arrays.toString(hiddenLayers));
            }
        }
        if (activation == Activation.SOFTMAX) {
            throw new MlException("training: softmax is not a hidden-layer activation; use relu, selu, elu, tanh, sigmoid or linear");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new MlException("training: dropout must be in [0, 1), got " + dropout);
        }
        if (batchSize <= 0 || maxEpochs <= 0 || patience <= 0 || threads <= 0) {
            throw new MlException("training: batch size, max epochs, patience and threads must be positive, got "
                    + batchSize + ", " + maxEpochs + ", " + patience + ", " + threads);
        }
        if (threads > batchSize) {
            throw new MlException("training: " + threads + " threads cannot share batches of " + batchSize + " events");
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new MlException("training: l2 must be finite and >= 0, got " + l2);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new MlException("training: learning rate must be finite and > 0, got " + learningRate);
        }
    }

    /** A builder with the defaults: layers 36-18-9, relu, no dropout, batch 128, 200 epochs, patience 10,
     * Adam at 1e-3, no L2, event weights with |w| for negative ones, standardised inputs, seed 1, one thread. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().hiddenLayers(hiddenLayers).activation(activation).dropout(dropout).batchSize(batchSize)
                .maxEpochs(maxEpochs).patience(patience).learningRate(learningRate).optimizer(optimizer).l2(l2)
                .weighting(weighting).negativeWeights(negativeWeights).standardize(standardize).seed(seed)
                .threads(threads);
    }

    /** Units of each hidden layer. */
    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }

    /** Hidden-layer activation. */
    public Activation activation() {
        return activation;
    }

    /** Dropout rate after each hidden layer (alpha dropout with SELU); 0 for none. */
    public double dropout() {
        return dropout;
    }

    /** Events per mini-batch. */
    public int batchSize() {
        return batchSize;
    }

    /** Upper limit on epochs. */
    public int maxEpochs() {
        return maxEpochs;
    }

    /** Epochs without a lower validation loss before training stops (Keras {@code EarlyStopping(patience)}). */
    public int patience() {
        return patience;
    }

    /** Learning rate of the optimizer. */
    public double learningRate() {
        return learningRate;
    }

    /** The optimizer. */
    public Optimizer.Kind optimizer() {
        return optimizer;
    }

    /** L2 penalty {@code l2 Σ W²} on dense kernels (the Keras {@code l2} regulariser convention). */
    public double l2() {
        return l2;
    }

    /** How event weights enter the loss. */
    public Weighting weighting() {
        return weighting;
    }

    /** What to do with negative event weights in the loss. */
    public Weighting.Negative negativeWeights() {
        return negativeWeights;
    }

    /** Whether inputs are standardised (weighted mean and standard deviation of the training set). */
    public boolean standardize() {
        return standardize;
    }

    /** Seed of initialisation, shuffling and dropout. */
    public long seed() {
        return seed;
    }

    /** Threads sharing each mini-batch; results depend on the seed and on this number only. */
    public int threads() {
        return threads;
    }

    /** Mutable builder of a {@link TrainingConfig}. */
    public static final class Builder {
        private int[] hiddenLayers = {36, 18, 9};
        private Activation activation = Activation.RELU;
        private double dropout;
        private int batchSize = 128;
        private int maxEpochs = 200;
        private int patience = 10;
        private double learningRate = 1e-3;
        private Optimizer.Kind optimizer = Optimizer.Kind.ADAM;
        private double l2;
        private Weighting weighting = Weighting.EVENT;
        private Weighting.Negative negativeWeights = Weighting.Negative.ABS;
        private boolean standardize = true;
        private long seed = 1;
        private int threads = 1;

        private Builder() {
        }

        /** Sets the hidden-layer sizes. */
        public Builder hiddenLayers(int... units) {
            hiddenLayers = units.clone();
            return this;
        }

        /** Sets the hidden activation. */
        public Builder activation(Activation a) {
            activation = a;
            return this;
        }

        /** Sets the dropout rate. */
        public Builder dropout(double rate) {
            dropout = rate;
            return this;
        }

        /** Sets the batch size. */
        public Builder batchSize(int n) {
            batchSize = n;
            return this;
        }

        /** Sets the epoch limit. */
        public Builder maxEpochs(int n) {
            maxEpochs = n;
            return this;
        }

        /** Sets the early-stopping patience. */
        public Builder patience(int n) {
            patience = n;
            return this;
        }

        /** Sets the learning rate. */
        public Builder learningRate(double lr) {
            learningRate = lr;
            return this;
        }

        /** Sets the optimizer. */
        public Builder optimizer(Optimizer.Kind o) {
            optimizer = o;
            return this;
        }

        /** Sets the L2 penalty. */
        public Builder l2(double v) {
            l2 = v;
            return this;
        }

        /** Sets the weighting mode. */
        public Builder weighting(Weighting w) {
            weighting = w;
            return this;
        }

        /** Sets the treatment of negative weights. */
        public Builder negativeWeights(Weighting.Negative n) {
            negativeWeights = n;
            return this;
        }

        /** Sets whether inputs are standardised. */
        public Builder standardize(boolean s) {
            standardize = s;
            return this;
        }

        /** Sets the seed. */
        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /** Sets the number of threads. */
        public Builder threads(int n) {
            threads = n;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws MlException naming the setting that cannot train
         */
        public TrainingConfig build() {
            return new TrainingConfig(this);
        }
    }
}
