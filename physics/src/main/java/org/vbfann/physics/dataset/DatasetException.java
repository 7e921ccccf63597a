package org.vbfann.physics.dataset;

import org.vbfann.physics.PhysicsException;

/**
 * A dataset that cannot be built or read: a file matching no process tag or two, an unknown branch or key, an
 * empty selection, NaN or infinite features or weights. The message names the file, key, branch or feature.
 */
public class DatasetException extends PhysicsException {
    /** An error with a complete message. */
    public DatasetException(String message) {
        super(message);
    }

    /** An error with a complete message and its cause. */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
