package org.vbfann.ml;

/**
 * The base of every error of the ml module: a model that cannot be built, trained, read, imported or
 * exported. The message says what was wrong, where (file, layer, field) and what was expected.
 */
public class MlException extends RuntimeException {
    /** An error with a message for the user. */
    public MlException(String message) {
        super(message);
    }

    /** An error with a message for the user and the exception that caused it. */
    public MlException(String message, Throwable cause) {
        super(message, cause);
    }
}
