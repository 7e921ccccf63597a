package org.vbfann.ml;

/**
 * A model file (vbfann {@code model.json}, a Keras HDF5 or architecture JSON) that is corrupt, of an
 * incompatible version, or describes a network vbfann cannot represent.
 */
public class ModelFormatException extends MlException {
    /** An error with a message naming the file and the field that is wrong. */
    public ModelFormatException(String message) {
        super(message);
    }

    /** An error with a message naming the file and the field that is wrong, and its cause. */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
