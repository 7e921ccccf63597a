package org.vbfann.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Prints an error that ended a command as one line, {@code vbfann: <message>}, and the stack trace only when
 * {@code -x/--stacktrace} is on the command line. Maps the exception to an exit code with {@link ExitCodes}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        CommandLine top = cl;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        boolean trace = Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--stacktrace")
                || parsed.originalArgs().contains("-x");
        cl.getErr().println("vbfann: " + message(ex));
        if (trace) {
            ex.printStackTrace(cl.getErr());
        } else if (ExitCodes.forException(ex) == ExitCodes.INTERNAL) {
            cl.getErr().println("vbfann: this is a bug; rerun with --stacktrace and report the trace");
        }
        cl.getErr().flush();
        return ExitCodes.forException(ex);
    }

    /** The user-facing text of an exception: its message, or for well-known I/O errors a sentence. */
    static String message(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
        if (t instanceof NoSuchFileException) {
            return t.getMessage() + ": no such file";
        }
        if (t instanceof AccessDeniedException) {
            return t.getMessage() + ": permission denied";
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory; raise VBFANN_JAVA_OPTS=-Xmx... or read fewer entries at a time";
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return t instanceof IOException && !(t.getClass() == IOException.class)
                ? t.getClass().getSimpleName() + ": " + m : m;
    }
}
