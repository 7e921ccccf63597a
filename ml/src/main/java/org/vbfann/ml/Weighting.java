package org.vbfann.ml;

import java.util.Locale;

/**
 * How event weights enter the training loss. Whatever the mode, the resulting weights are rescaled to mean 1
 * over the set, which keeps the loss scale (and so the learning rate) independent of luminosity and of the
 * number of events.
 */
public enum Weighting {
    /** Every event counts 1. */
    NONE,
    /** The per-event MC weight. */
    EVENT,
    /** The event weight, each process scaled so its weights sum to its expected yield. */
    YIELD,
    /** The event weight, each class scaled so every class has the same total (signal = background). */
    BALANCED;

    /**
     * What happens to negative event weights (NLO generators) in the training loss. Metrics (ROC, AUC, yields)
     * always use the signed weights.
     */
    public enum Negative {
        /**
         * Train on {@code |w|}: the default. A negative weight in cross-entropy rewards misclassifying the
         * event, so the loss is unbounded below for a flexible network; |w| keeps each event's shape
         * information and the loss bounded, at the cost of a small bias where negative weights cluster.
         */
        ABS,
        /** Drop events with negative weight from the loss (weight 0). */
        ZERO,
        /** Keep signed weights (only sensible if the negative fraction is small). */
        KEEP;

        /** The lower-case name. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The lower-case name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The training weights of every event of {@code set}, normalised to mean 1.
     *
     * @throws MlException if the weights sum to zero or a class or process has no positive total
     */
    public double[] trainingWeights(TrainingSet set, Negative negative) {
        int n = set.rows();
        double[] w = new double[n];
        double[] ew = set.weights();
        for (int r = 0; r < n; r++) {
            double v = this == NONE ? 1.0 : ew[r];
            if (v < 0) {
                v = negative == Negative.ABS ? -v : negative == Negative.ZERO ? 0.0 : v;
            }
            w[r] = v;
        }
        if (this == YIELD) {
            int np = set.processes().size();
            double[] sum = new double[np];
            for (int r = 0; r < n; r++) {
                sum[set.process()[r]] += w[r];
            }
            double[] f = new double[np];
            for (int p = 0; p < np; p++) {
                double yield = set.processYield(p);
                if (sum[p] != 0 && !(sum[p] > 0 && yield >= 0)) {
                    throw new MlException("weighting yield: process '" + set.processes().get(p) + "' has training weight sum "
                            + sum[p] + " and expected yield " + yield + "; both must be >= 0");
                }
                f[p] = sum[p] == 0 ? 0 : yield / sum[p];
            }
            for (int r = 0; r < n; r++) {
                w[r] *= f[set.process()[r]];
            }
        } else if (this == BALANCED) {
            int nc = set.classes().size();
            double[] sum = new double[nc];
            for (int r = 0; r < n; r++) {
                sum[set.labels()[r]] += w[r];
            }
            for (int c = 0; c < nc; c++) {
                if (!(sum[c] > 0)) {
                    throw new MlException("weighting balanced: class '" + set.classes().get(c)
                            + "' has total training weight " + sum[c] + "; need > 0");
                }
            }
            for (int r = 0; r < n; r++) {
                w[r] /= sum[set.labels()[r]];
            }
        }
        double total = 0;
        for (int r = 0; r < n; r++) {
            total += w[r];
        }
        if (!(total > 0)) {
            throw new MlException("weighting " + id() + ": training weights sum to " + total + "; need > 0");
        }
        double scale = n / total;
        for (int r = 0; r < n; r++) {
            w[r] *= scale;
        }
        return w;
    }
}
