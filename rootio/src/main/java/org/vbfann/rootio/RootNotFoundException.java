package org.vbfann.rootio;

import java.util.List;

/**
 * A key, directory, tree or branch that the file does not have. The message lists the closest names that do
 * exist; {@link #candidates()} returns them.
 */
public class RootNotFoundException extends RootIoException {
    private final List<String> candidates;

    /** An error with a complete message and the close matches it lists. */
    public RootNotFoundException(String message, List<String> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    /** The existing names closest to the one asked for, best first (may be empty). */
    public List<String> candidates() {
        return candidates;
    }
}
