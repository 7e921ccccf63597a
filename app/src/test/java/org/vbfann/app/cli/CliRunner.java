package org.vbfann.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a vbfann command line in-process and captures its exit code, standard output and error. */
public final class CliRunner {
    /** What a run printed and returned. */
    public record Result(int exitCode, String out, String err) {
    }

    private CliRunner() {
    }

    /** Runs {@code vbfann args...}. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VbfannCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
