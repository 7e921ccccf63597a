package org.vbfann.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vbfann.ml.io.ModelFile;
import org.vbfann.ml.io.ModelReader;
import org.vbfann.ml.io.ModelWriter;

/**
 * File handling shared by the {@code nn} commands: atomic writes, reading models, CSV input with an optional
 * header, and JSON output.
 */
final class NnFiles {
    static final ObjectMapper JSON = new ObjectMapper();

    private NnFiles() {
    }

    /** Writes {@code bytes} to {@code file} atomically (temporary file in the same folder, then rename). */
    static void writeAtomically(Path file, byte[] bytes) {
        ModelWriter.writeAtomically(file, bytes);
    }

    /** Writes {@code node} to {@code file} as indented JSON, atomically. */
    static void writeJson(Path file, JsonNode node) {
        byte[] bytes;
        try {
            bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(file + ": cannot encode: " + e.getMessage(), e);
        }
        writeAtomically(file, bytes);
    }

    /** Reads the model of a model directory (or a model.json path); a missing model is a usage-level error. */
    static ModelFile readModel(Path dir) {
        Path file = Files.isDirectory(dir) ? dir.resolve(ModelReader.FILE_NAME) : dir;
        if (!Files.isRegularFile(file)) {
            throw new CommandFailedException(file + ": no model here (expected a model directory with "
                    + ModelReader.FILE_NAME + ")", ExitCodes.BAD_INPUT);
        }
        return ModelReader.read(file);
    }


    /**
     * A numeric CSV file: the header names (or {@code null} when the first line is numeric) and the values
     * row-major.
     */
    record Csv(List<String> header, int columns, int rows, double[] values) {
        /**
         * The values of the named columns in the given order, one row per CSV row; without a header, the
         * file's columns must be exactly the inputs in order.
         */
        double[] select(List<String> names, Path file) {
            int[] index = new int[names.size()];
            if (header == null) {
                if (columns != names.size()) {
                    throw new CommandFailedException(file + ": " + columns + " columns but the model has "
                            + names.size() + " inputs " + names + "; add a header line to choose columns by name",
                            ExitCodes.BAD_INPUT);
                }
                for (int j = 0; j < index.length; j++) {
                    index[j] = j;
                }
            } else {
                List<String> missing = new ArrayList<>();
                for (int j = 0; j < index.length; j++) {
                    index[j] = header.indexOf(names.get(j));
                    if (index[j] < 0) {
                        missing.add(names.get(j));
                    }
                }
                if (!missing.isEmpty()) {
                    throw new CommandFailedException(file + ": no column for model input(s) " + missing
                            + "; columns are " + header, ExitCodes.BAD_INPUT);
                }
            }
            double[] out = new double[rows * index.length];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < index.length; j++) {
                    out[r * index.length + j] = values[r * columns + index[j]];
                }
            }
            return out;
        }
    }

    /**
     * Reads a CSV file of numbers (comma-separated, blank lines ignored); a first line with a field that is
     * not a number is the header.
     */
    static Csv readCsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        List<String> header = null;
        int columns = -1;
        double[] values = new double[1024];
        int n = 0;
        int rows = 0;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (columns < 0) {
                columns = f.length;
                if (!isNumber(f[0].strip()) || !isNumber(f[f.length - 1].strip())) {
                    header = Arrays.asList(f).stream().map(String::strip).toList();
                    continue;
                }
            }
            if (f.length != columns) {
                throw new CommandFailedException(file + ":" + (ln + 1) + ": " + f.length + " values, expected "
                        + columns, ExitCodes.BAD_INPUT);
            }
            if (n + columns > values.length) {
                values = Arrays.copyOf(values, Math.max(2 * values.length, n + columns));
            }
            for (int j = 0; j < columns; j++) {
                String s = f[j].strip();
                try {
                    values[n++] = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new CommandFailedException(file + ":" + (ln + 1) + ": column " + (j + 1)
                            + (header != null ? " ('" + header.get(j) + "')" : "") + ": '" + s + "' is not a number",
                            ExitCodes.BAD_INPUT, e);
                }
            }
            rows++;
        }
        if (rows == 0) {
            throw new CommandFailedException(file + ": no rows of numbers", ExitCodes.BAD_INPUT);
        }
        return new Csv(header, columns, rows, Arrays.copyOf(values, n));
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
