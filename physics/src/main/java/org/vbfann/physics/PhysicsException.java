package org.vbfann.physics;

/**
 * The base of every error the physics module reports (expressions, generator, fake rates, Z+X). Its message
 * says what was wrong, where (expression position, branch, file, bin), what was expected and what was found.
 */
public class PhysicsException extends RuntimeException {
    /** An error with a complete message. */
    public PhysicsException(String message) {
        super(message);
    }

    /** An error with a complete message and its cause. */
    public PhysicsException(String message, Throwable cause) {
        super(message, cause);
    }
}
