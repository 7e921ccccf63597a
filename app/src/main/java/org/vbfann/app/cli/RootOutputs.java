package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.vbfann.rootio.Compression;
import org.vbfann.rootio.WriteOptions;

/** What the commands that write ROOT files share: output checks, write options and the JSON report. */
final class RootOutputs {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RootOutputs() {
    }

    /** Refuses to replace an existing output unless {@code force}. */
    static void checkOutput(Path out, boolean force) {
        if (Files.exists(out) && !force) {
            throw new CommandFailedException(out + " exists; add --force to replace it", ExitCodes.USAGE);
        }
    }

    /** Write options with a {@code --compression} value such as {@code zlib:4}. */
    static WriteOptions options(String compression) {
        try {
            return WriteOptions.defaults().compression(Compression.parse(compression));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("--compression: " + e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    /** Prints {@code report} as a JSON object. */
    static void printJson(PrintWriter out, Map<String, Object> report) {
        try {
            out.println(JSON.writeValueAsString(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot format the JSON report", e);
        }
        out.flush();
    }
}
