package org.vbfann.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vbfann.rootio.Compression;
import org.vbfann.rootio.CopyListener;
import org.vbfann.rootio.WriteOptions;
import picocli.CommandLine.Option;

/** The options of commands that write a ROOT file ({@code hadd}, {@code skim}): a picocli mixin. */
final class RootOutputOptions {

    @Option(names = "--compression", paramLabel = "<algo:level>", defaultValue = "zlib:4",
            description = "Compression of what is written anew (copied baskets keep theirs): none, zlib:N, lz4:N "
                + "or zstd:N, N from 0 to 9 (default: ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = {"-f", "--force"}, description = "Replace the output file if it exists.")
    boolean force;

    @Option(names = "--json", description = "Print the result as a JSON object.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Do not report progress on standard error.")
    boolean quiet;

    /** A listener printing "what: branch n/N name" lines on {@code err}, or none with --quiet. */
    CopyListener progress(PrintWriter err, String what) {
        if (quiet) {
            return CopyListener.NONE;
        }
        return (done, total, branch) -> {
            err.printf("%s: branch %d/%d %s%n", what, done, total, branch);
            err.flush();
        };
    }

    /** Refuses to replace an existing output unless --force. */
    void checkOutput(Path out) {
        if (Files.exists(out) && !force) {
            throw new CommandFailedException(out + " exists; add --force to replace it", ExitCodes.USAGE);
        }
    }

    /** Write options with the --compression setting. */
    WriteOptions writeOptions() {
        try {
            return WriteOptions.defaults().compression(Compression.parse(compression));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("--compression: " + e.getMessage(), ExitCodes.USAGE, e);
        }
    }

}
