package org.vbfann.ml.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vbfann.ml.Activation;
import org.vbfann.ml.ActivationLayer;
import org.vbfann.ml.BatchNormLayer;
import org.vbfann.ml.DenseLayer;
import org.vbfann.ml.DropoutLayer;
import org.vbfann.ml.Layer;
import org.vbfann.ml.MlException;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.ModelFormatException;
import org.vbfann.ml.Standardization;

/** Reads {@code model.json} (layout in {@link ModelWriter}), checking every field against the architecture. */
public final class ModelReader {
    /** The file name inside a model directory. */
    public static final String FILE_NAME = "model.json";
    /** The value of the {@code format} field. */
    public static final String FORMAT = "vbfann-model";
    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelReader() {
    }

    /**
     * Reads a model from a model directory or a {@code model.json} path.
     *
     * @throws ModelFormatException naming the file and field if the file is corrupt or incompatible
     * @throws UncheckedIOException if it cannot be read
     */
    public static ModelFile read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read model: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses the text of a model file; {@code name} is used in error messages. */
    public static ModelFile parse(String text, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(name + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + " column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        JsonFields f = new JsonFields(name);
        if (root == null || !root.isObject()) {
            throw new ModelFormatException(name + ": expected a JSON object, found " + JsonFields.describe(root));
        }
        String format = f.text(root, "$", "format");
        if (!FORMAT.equals(format)) {
            throw f.error("$.format", "is '" + format + "', expected '" + FORMAT + "' (not a vbfann model file)");
        }
        int version = f.integer(root, "$", "formatVersion");
        if (version < 1 || version > VERSION) {
            throw f.error("$.formatVersion", "is " + version + "; this vbfann reads versions 1 to " + VERSION
                    + (version > VERSION ? " (the model was written by a newer vbfann)" : ""));
        }
        List<String> features = Arrays.asList(f.strings(root, "$", "features"));
        JsonNode scaling = f.field(root, "$", "scaling");
        double[] mean = f.numbers(scaling, "$.scaling", "mean", features.size());
        double[] scale = f.numbers(scaling, "$.scaling", "scale", features.size());
        Standardization std;
        try {
            std = new Standardization(mean, scale);
        } catch (MlException e) {
            throw f.error("$.scaling", e.getMessage());
        }
        JsonNode out = f.field(root, "$", "output");
        Activation function = activation(f, out, "$.output");
        List<String> outputNames = Arrays.asList(f.strings(out, "$.output", "names"));
        JsonNode layersNode = f.field(root, "$", "layers");
        if (!layersNode.isArray() || layersNode.isEmpty()) {
            throw f.error("$.layers", "expected a non-empty array of layers, found " + JsonFields.describe(layersNode));
        }
        List<Layer> layers = new ArrayList<>();
        List<double[]> params = new ArrayList<>();
        int width = features.size();
        for (int k = 0; k < layersNode.size(); k++) {
            String path = "$.layers[" + k + "]";
            JsonNode l = layersNode.get(k);
            String type = f.text(l, path, "type");
            String lname = f.text(l, path, "name");
            path += " (" + type + " '" + lname + "')";
            try {
                Layer layer = layer(f, l, path, type, lname, width, params);
                layers.add(layer);
                width = layer.outputs();
            } catch (ModelFormatException e) {
                throw e;
            } catch (MlException e) {
                throw f.error(path, e.getMessage());
            }
        }
        if (width != outputNames.size()) {
            throw f.error("$.output.names", "has " + outputNames.size() + " names but the last layer gives " + width
                    + " outputs");
        }
        Mlp model;
        try {
            model = Mlp.of(features, std, layers, function, outputNames, params);
        } catch (MlException e) {
            throw new ModelFormatException(name + ": " + e.getMessage(), e);
        }
        return new ModelFile(model, object(root, "training"), object(root, "metrics"));
    }

    private static ObjectNode object(JsonNode root, String field) {
        JsonNode v = root.get(field);
        return v instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    }

    private static Activation activation(JsonFields f, JsonNode node, String path) {
        String id = f.text(node, path, "function");
        try {
            return Activation.fromId(id);
        } catch (MlException e) {
            throw f.error(path + ".function", e.getMessage());
        }
    }

    private static Layer layer(JsonFields f, JsonNode l, String path, String type, String name, int width,
            List<double[]> params) {
        switch (type) {
            case "dense": {
                int in = f.integer(l, path, "inputs");
                int units = f.integer(l, path, "units");
                expectWidth(f, path, "inputs", in, width);
                JsonNode kernel = f.field(l, path, "kernel");
                if (!kernel.isArray() || kernel.size() != in) {
                    throw f.error(path + ".kernel", "expected " + in + " rows (one per input) of " + units
                            + " values, found " + (kernel.isArray() ? kernel.size() + " rows" : JsonFields.describe(kernel)));
                }
                double[] p = new double[in * units + units];
                for (int i = 0; i < in; i++) {
                    double[] row = f.numbers(kernel.get(i), path + ".kernel[" + i + "]", units);
                    System.arraycopy(row, 0, p, i * units, units);
                }
                System.arraycopy(f.numbers(l, path, "bias", units), 0, p, in * units, units);
                params.add(p);
                return new DenseLayer(name, in, units);
            }
            case "activation": {
                expectWidth(f, path, "width", f.integer(l, path, "width"), width);
                return new ActivationLayer(name, width, activation(f, l, path));
            }
            case "batchnorm": {
                expectWidth(f, path, "width", f.integer(l, path, "width"), width);
                double[] p = new double[4 * width];
                String[] parts = {"gamma", "beta", "movingMean", "movingVariance"};
                for (int j = 0; j < 4; j++) {
                    System.arraycopy(f.numbers(l, path, parts[j], width), 0, p, j * width, width);
                }
                for (int i = 0; i < width; i++) {
                    if (p[3 * width + i] < 0) {
                        throw f.error(path + ".movingVariance[" + i + "]", "is negative: " + p[3 * width + i]);
                    }
                }
                params.add(p);
                return new BatchNormLayer(name, width, f.number(l, path, "epsilon"));
            }
            case "dropout": {
                expectWidth(f, path, "width", f.integer(l, path, "width"), width);
                return new DropoutLayer(name, width, f.number(l, path, "rate"), f.bool(l, path, "alpha"));
            }
            default:
                throw f.error(path + ".type", "unknown layer type '" + type
                        + "'; known: dense, activation, batchnorm, dropout");
        }
    }

    private static void expectWidth(JsonFields f, String path, String field, int found, int expected) {
        if (found != expected) {
            throw f.error(path + "." + field, "is " + found + " but the previous stage gives " + expected + " values");
        }
    }
}
