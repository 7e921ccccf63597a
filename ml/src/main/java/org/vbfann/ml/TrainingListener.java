package org.vbfann.ml;

/** Receives progress of a training, one call per epoch; {@code app} turns it into a progress bar. */
public interface TrainingListener {
    /** A listener that ignores everything. */
    TrainingListener NONE = (epoch, maxEpochs, loss, validationLoss, validationAuc) -> { };

    /**
     * Called after each epoch.
     *
     * @param epoch     0-based epoch just finished
     * @param maxEpochs the configured limit (training may stop earlier)
     */
    void epochEnd(int epoch, int maxEpochs, double loss, double validationLoss, double validationAuc);
}
