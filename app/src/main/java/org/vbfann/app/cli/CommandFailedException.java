package org.vbfann.app.cli;

/** Thrown by a command to stop with a message for the user and a given exit code. */
public final class CommandFailedException extends RuntimeException {
    private final int exitCode;

    /** A failure with the given message and exit code (see {@link ExitCodes}). */
    public CommandFailedException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A failure with the given message and cause. */
    public CommandFailedException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code to use. */
    public int exitCode() {
        return exitCode;
    }
}
