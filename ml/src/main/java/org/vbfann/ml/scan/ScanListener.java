package org.vbfann.ml.scan;

/** Receives the progress of a {@link ScanRunner}; {@code app} turns it into a progress bar. */
public interface ScanListener {
    /** A listener that ignores everything. */
    ScanListener NONE = (finished, total, outcome) -> { };

    /**
     * Called once per configuration as it ends (from the thread that ran it, one call at a time).
     *
     * @param finished configurations ended so far, this one included
     * @param total    configurations to run
     */
    void configurationEnded(int finished, int total, ScanRunner.Outcome outcome);
}
