package org.vbfann.stats;

/**
 * The base of every error of the statistics module: bad datacards or workspaces, ill-defined models, fits
 * that fail. The message says what, where (file and line, channel, process, parameter), expected and found.
 */
public class StatsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with a user-facing message. */
    public StatsException(String message) {
        super(message);
    }

    /** An error with a user-facing message and the exception that caused it. */
    public StatsException(String message, Throwable cause) {
        super(message, cause);
    }
}
