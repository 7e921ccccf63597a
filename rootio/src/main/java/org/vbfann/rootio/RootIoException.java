package org.vbfann.rootio;

/**
 * The base of every error the ROOT reader and writer report. Its message says what was wrong, where (file,
 * key, branch, basket, byte offset), what was expected and what was found, e.g.
 * {@code data.root: branch 'ZZMass' basket 3 @0x1f40: zlib gave 4096 bytes, header says 4100}.
 */
public class RootIoException extends RuntimeException {
    /** An error with a complete message. */
    public RootIoException(String message) {
        super(message);
    }

    /** An error with a complete message and its cause. */
    public RootIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
