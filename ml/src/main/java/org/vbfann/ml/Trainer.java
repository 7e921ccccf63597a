package org.vbfann.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains an MLP on a {@link TrainingSet}: mini-batch gradient descent on the weighted cross-entropy (binary
 * with one sigmoid output for two classes, softmax otherwise), an L2 penalty on kernels, and early stopping
 * on the validation loss that restores the best epoch's weights (the guide's Keras {@code EarlyStopping} +
 * {@code ModelCheckpoint(save_best_only)}).
 */
public final class Trainer {
    private static final int EVAL_ROWS = 1024;

    /**
     * A trained model and its history.
     *
     * @param model   the network with the weights of the best epoch
     * @param history per-epoch losses and validation AUC
     */
    public record Result(Mlp model, History history) {
    }

    private Trainer() {
    }

    /**
     * Builds the network that {@code config} describes for {@code set}: per hidden layer Dense, Activation and
     * (if dropout &gt; 0) Dropout or, with SELU, AlphaDropout; then a Dense output layer. Weights are drawn
     * from the seed: LeCun normal for SELU (as self-normalising networks require), Glorot uniform (the Keras
     * default) otherwise; biases are zero.
     */
    public static Mlp initialNetwork(TrainingConfig config, TrainingSet set) {
        int outputs = set.isBinary() ? 1 : set.classes().size();
        List<Layer> layers = new ArrayList<>();
        int width = set.width();
        int[] hidden = config.hiddenLayers();
        for (int k = 0; k < hidden.length; k++) {
            layers.add(new DenseLayer("dense_" + (k + 1), width, hidden[k]));
            layers.add(new ActivationLayer("activation_" + (k + 1), hidden[k], config.activation()));
            if (config.dropout() > 0) {
                boolean alpha = config.activation() == Activation.SELU;
                layers.add(new DropoutLayer((alpha ? "alpha_dropout_" : "dropout_") + (k + 1), hidden[k],
                        config.dropout(), alpha));
            }
            width = hidden[k];
        }
        layers.add(new DenseLayer("dense_" + (hidden.length + 1), width, outputs));
        int total = 0;
        for (Layer l : layers) {
            total += l.parameterCount();
        }
        double[] p = new double[total];
        SplittableRandom rng = new SplittableRandom(config.seed());
        int off = 0;
        for (Layer l : layers) {
            if (l instanceof DenseLayer) {
                int in = l.inputs();
                int out = l.outputs();
                boolean lecun = config.activation() == Activation.SELU;
                double limit = Math.sqrt(6.0 / (in + out));
                double sd = Math.sqrt(1.0 / in);
                for (int i = 0; i < in * out; i++) {
                    p[off + i] = lecun ? sd * gaussian(rng) : limit * (2 * rng.nextDouble() - 1);
                }
            }
            off += l.parameterCount();
        }
        Standardization scaling = config.standardize()
                ? Standardization.fit(set.x(), set.rows(), set.width(), set.weights())
                : Standardization.identity(set.width());
        List<String> names = set.isBinary() ? List.of(set.classes().get(1)) : set.classes();
        return new Mlp(set.features(), scaling, layers, set.isBinary() ? Activation.SIGMOID : Activation.SOFTMAX,
                names, p);
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller; SplittableRandom has no nextGaussian in Java 17.
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Trains a network.
     *
     * @param train      events to fit
     * @param validation events for the validation loss and AUC (early stopping); same features and classes
     * @throws MlException if the sets disagree, weights cannot be formed, or the loss becomes NaN
     */
    public static Result train(TrainingConfig config, TrainingSet train, TrainingSet validation,
            TrainingListener listener) {
        if (!train.features().equals(validation.features()) || !train.classes().equals(validation.classes())) {
            throw new MlException("training: validation set has features " + validation.features() + " and classes "
                    + validation.classes() + ", training set " + train.features() + " and " + train.classes());
        }
        Mlp net = initialNetwork(config, train);
        double[] p = net.parameters();
        double[] grad = new double[p.length];
        double[] best = p.clone();
        double[] wTrain = config.weighting().trainingWeights(train, config.negativeWeights());
        double[] wVal = config.weighting().trainingWeights(validation, config.negativeWeights());
        int threads = config.threads();
        int batch = config.batchSize();
        SplittableRandom master = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        BatchGradient[] shards = new BatchGradient[threads];
        for (int t = 0; t < threads; t++) {
            shards[t] = new BatchGradient(net, (batch + threads - 1) / threads, master.split());
        }
        boolean[] kernel = kernelMask(net);
        Optimizer opt = Optimizer.create(config.optimizer(), config.learningRate(), p.length);
        int n = train.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        History history = new History();
        Workspace evalWs = new Workspace(net, EVAL_ROWS);
        double[] valScore = new double[validation.rows()];
        boolean[] valSignal = signalFlags(validation);
        double bestLoss = Double.POSITIVE_INFINITY;
        int wait = 0;
        try (ShardPool pool = new ShardPool(shards)) {
            for (int epoch = 0; epoch < config.maxEpochs(); epoch++) {
                long t0 = System.nanoTime();
                shuffle(order, master);
                double lossSum = 0;
                for (int from = 0; from < n; from += batch) {
                    int rows = Math.min(batch, n - from);
                    double loss = pool.compute(p, train.x(), train.labels(), wTrain, order, from, rows, rows, grad);
                    if (config.l2() > 0) {
                        loss += addL2(p, grad, kernel, config.l2());
                    }
                    opt.step(p, grad);
                    lossSum += loss * rows;
                }
                double trainLoss = lossSum / n;
                double valLoss = evaluate(net, p, validation, wVal, evalWs, valScore);
                if (config.l2() > 0) {
                    valLoss += l2Penalty(p, kernel, config.l2());
                }
                if (!Double.isFinite(trainLoss) || !Double.isFinite(valLoss) || !allFinite(p)) {
                    throw new MlException("training: loss became " + trainLoss + " (validation " + valLoss + ") at epoch "
                            + (epoch + 1) + "; lower the learning rate (" + config.learningRate() + ")");
                }
                double auc = Roc.of(valScore, valSignal, validation.weights()).auc();
                history.add(trainLoss, valLoss, auc, (System.nanoTime() - t0) * 1e-9);
                listener.epochEnd(epoch, config.maxEpochs(), trainLoss, valLoss, auc);
                if (valLoss < bestLoss) {
                    bestLoss = valLoss;
                    System.arraycopy(p, 0, best, 0, p.length);
                    history.bestEpoch(epoch);
                    wait = 0;
                } else if (++wait >= config.patience()) {
                    break;
                }
            }
        }
        return new Result(net.withParameters(best), history);
    }

    private static boolean allFinite(double[] p) {
        for (double v : p) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Which parameters are dense kernels (the L2 penalty applies to those only, as Keras kernel_regularizer). */
    static boolean[] kernelMask(Mlp net) {
        boolean[] m = new boolean[net.parameterCount()];
        for (int k = 0; k < net.layers().size(); k++) {
            Layer l = net.layers().get(k);
            if (l instanceof DenseLayer d) {
                int off = net.parameterOffset(k);
                for (int i = 0; i < d.biasOffset(); i++) {
                    m[off + i] = true;
                }
            }
        }
        return m;
    }

    static double addL2(double[] p, double[] grad, boolean[] kernel, double l2) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            if (kernel[i]) {
                s += p[i] * p[i];
                grad[i] += 2 * l2 * p[i];
            }
        }
        return l2 * s;
    }

    private static double l2Penalty(double[] p, boolean[] kernel, double l2) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            if (kernel[i]) {
                s += p[i] * p[i];
            }
        }
        return l2 * s;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Whether each event of the set is of the signal class (class 1). */
    static boolean[] signalFlags(TrainingSet set) {
        boolean[] s = new boolean[set.rows()];
        for (int i = 0; i < s.length; i++) {
            s[i] = set.labels()[i] == 1;
        }
        return s;
    }

    /**
     * Mean weighted loss of {@code set} in inference mode with parameters {@code p}; writes the signal score
     * (probability of class 1) of every event into {@code score}.
     */
    static double evaluate(Mlp net, double[] p, TrainingSet set, double[] w, Workspace ws, double[] score) {
        int n = set.rows();
        int m = net.outputs();
        int signalColumn = m == 1 ? 0 : 1;
        double loss = 0;
        for (int from = 0; from < n; from += ws.capacity) {
            int rows = Math.min(ws.capacity, n - from);
            net.scaleInto(set.x(), null, from, rows, ws);
            net.forward(p, ws, rows, false, null);
            double[] logits = ws.act[net.layers().size()];
            loss += m == 1
                    ? CrossEntropy.binary(logits, rows, set.labels(), w, null, from, n, ws.dLogits)
                    : CrossEntropy.multiClass(logits, rows, m, set.labels(), w, null, from, n, ws.dLogits);
            net.output().apply(logits, ws.out, rows, m);
            for (int r = 0; r < rows; r++) {
                score[from + r] = ws.out[signalColumn * rows + r];
            }
        }
        return loss;
    }
}
