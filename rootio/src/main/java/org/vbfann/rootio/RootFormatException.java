package org.vbfann.rootio;

/**
 * The bytes are not a valid ROOT file or record: not ROOT at all, truncated, or corrupted (a length or offset
 * outside its record, a checksum that does not match, a decompressor that gives the wrong size). The message
 * names the file, the object being read and the byte offset.
 */
public class RootFormatException extends RootIoException {
    /** An error with a complete message. */
    public RootFormatException(String message) {
        super(message);
    }

    /** An error with a complete message and its cause. */
    public RootFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
