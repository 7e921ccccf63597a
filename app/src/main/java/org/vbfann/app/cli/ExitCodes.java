package org.vbfann.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The process exit codes of vbfann, and which exception maps to which. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A computation ran but its result is not valid (e.g. a fit that did not converge). */
    public static final int FAILED_RESULT = 1;
    /** Wrong command-line usage (unknown option, bad value). */
    public static final int USAGE = 2;
    /** Bad input data: a file that is not what it should be, a missing branch, a datacard error. */
    public static final int BAD_INPUT = 3;
    /** An I/O error: a file that cannot be read or written. */
    public static final int IO = 4;
    /** A bug: an unexpected internal error. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    /** The exit code for an exception that ended a command. */
    public static int forException(Throwable t) {
        if (t instanceof picocli.CommandLine.ParameterException) {
            return USAGE;
        }
        if (t instanceof CommandFailedException f) {
            return f.exitCode();
        }
        if (t instanceof org.vbfann.stats.FitFailedException) {
            return FAILED_RESULT;
        }
        if (t instanceof IOException || t instanceof UncheckedIOException
                || t instanceof org.vbfann.rootio.RootFileAccessException) {
            return IO;
        }
        if (t instanceof IllegalArgumentException || isLibraryException(t)) {
            return BAD_INPUT;
        }
        return INTERNAL;
    }

    /** Library modules throw unchecked exceptions whose message is meant for the user. */
    static boolean isLibraryException(Throwable t) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            String n = c.getName();
            if (n.startsWith("org.vbfann.") && n.endsWith("Exception")) {
                return true;
            }
        }
        return false;
    }
}
