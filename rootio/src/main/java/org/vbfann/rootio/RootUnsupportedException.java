package org.vbfann.rootio;

/**
 * The file is valid ROOT but holds something vbfann does not read: a class, a leaf type, a streamer type, a
 * class version or a compression algorithm. The message names it.
 */
public class RootUnsupportedException extends RootIoException {
    /** An error with a complete message. */
    public RootUnsupportedException(String message) {
        super(message);
    }
}
