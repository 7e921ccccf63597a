package org.vbfann.rootio;

/** The file could not be opened or read at all (missing, unreadable, an I/O error); the cause is chained. */
public class RootFileAccessException extends RootIoException {
    /** An error with a complete message and its cause. */
    public RootFileAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
