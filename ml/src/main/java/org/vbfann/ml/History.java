package org.vbfann.ml;

import java.util.Arrays;
import java.util.Locale;

/**
 * One value per epoch of the training loss, validation loss, validation AUC and wall time, like the
 * {@code History} that Keras's {@code fit} returns, plus the epoch whose weights were kept.
 */
public final class History {
    private double[] loss = new double[16];
    private double[] valLoss = new double[16];
    private double[] valAuc = new double[16];
    private double[] seconds = new double[16];
    private int epochs;
    private int bestEpoch = -1;

    /** Appends one epoch. */
    void add(double trainLoss, double validationLoss, double validationAuc, double wallSeconds) {
        if (epochs == loss.length) {
            loss = Arrays.copyOf(loss, 2 * epochs);
            valLoss = Arrays.copyOf(valLoss, 2 * epochs);
            valAuc = Arrays.copyOf(valAuc, 2 * epochs);
            seconds = Arrays.copyOf(seconds, 2 * epochs);
        }
        loss[epochs] = trainLoss;
        valLoss[epochs] = validationLoss;
        valAuc[epochs] = validationAuc;
        seconds[epochs] = wallSeconds;
        epochs++;
    }

    void bestEpoch(int e) {
        bestEpoch = e;
    }

    /** Number of epochs run. */
    public int epochs() {
        return epochs;
    }

    /** The epoch (0-based) with the lowest validation loss, whose weights the model has. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Mean training loss per epoch (with dropout active). */
    public double[] loss() {
        return Arrays.copyOf(loss, epochs);
    }

    /** Validation loss per epoch. */
    public double[] validationLoss() {
        return Arrays.copyOf(valLoss, epochs);
    }

    /** Validation AUC of the signal score per epoch, with the events' signed weights (whatever the weighting mode). */
    public double[] validationAuc() {
        return Arrays.copyOf(valAuc, epochs);
    }

    /** Wall time of each epoch in seconds. */
    public double[] seconds() {
        return Arrays.copyOf(seconds, epochs);
    }

    /** The history as CSV, one row per epoch: {@code epoch,loss,val_loss,val_auc,seconds}. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("epoch,loss,val_loss,val_auc,seconds\n");
        for (int e = 0; e < epochs; e++) {
            sb.append(String.format(Locale.ROOT, "%d,%.8g,%.8g,%.8g,%.4f%n", e + 1, loss[e], valLoss[e], valAuc[e], seconds[e]));
        }
        return sb.toString();
    }
}
