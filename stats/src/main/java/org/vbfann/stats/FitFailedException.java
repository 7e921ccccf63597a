package org.vbfann.stats;

/** A fit that did not converge; carries its result so callers can report where it stopped. */
public class FitFailedException extends StatsException {
    private static final long serialVersionUID = 1L;
    private final transient FitResult result;

    /** An exception for a failed fit. */
    public FitFailedException(String message, FitResult result) {
        super(message);
        this.result = result;
    }

    /** The unconverged result. */
    public FitResult result() {
        return result;
    }
}
