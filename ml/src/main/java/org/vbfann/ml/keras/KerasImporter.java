package org.vbfann.ml.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.vbfann.ml.io.ModelFile;

/**
 * Imports Keras 2 models into vbfann models: the one-file HDF5 of {@code model.save} (architecture in the
 * root attribute {@code model_config}, weights under {@code model_weights/}) and the pair architecture JSON
 * ({@code model.to_json}) + weights HDF5 ({@code save_weights}, one group per layer at the root). Sequential
 * models and functional models that are a single chain are supported, with layers Dense, Activation,
 * Dropout, AlphaDropout, BatchNormalization and InputLayer. A final sigmoid or softmax becomes the network's
 * output function. Keras stores no input scaling or feature names: the model gets identity scaling and the
 * names given (or {@code x0, x1, ...}).
 */
public final class KerasImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUPPORTED = "Dense, Activation, Dropout, AlphaDropout, BatchNormalization, InputLayer";

    private final String where;
    private final Group weights;

    private KerasImporter(String where, Group weights) {
        this.where = where;
        this.weights = weights;
    }

    /**
     * Imports a one-file Keras HDF5 model.
     *
     * @param featureNames input names, or {@code null} for x0, x1, ...
     * @param outputNames  output names, or {@code null} for the class index (or "score" for one output)
     * @throws ModelFormatException naming the file and layer if the model cannot be imported
     */
    public static ModelFile importModel(Path h5, List<String> featureNames, List<String> outputNames) {
        try (HdfFile file = open(h5)) {
            String config = stringAttribute(file, "model_config");
            if (config == null) {
                throw new ModelFormatException(h5 + ": no 'model_config' attribute, so no architecture: this looks like"
                        + " a weights-only file (save_weights); give the architecture JSON and this file as --weights");
            }
            Node mw = file.getChild("model_weights");
            if (!(mw instanceof Group g)) {
                throw new ModelFormatException(h5 + ": no 'model_weights' group (a model saved without weights?)");
            }
            KerasImporter imp = new KerasImporter(h5.getFileName().toString(), g);
            ObjectNode origin = origin(file, h5, null);
            return imp.build(parse(config, h5.toString()), featureNames, outputNames, origin);
        } catch (HdfException e) {
            throw new ModelFormatException(h5 + ": cannot read HDF5: " + e.getMessage(), e);
        }
    }

    /**
     * Imports an architecture JSON with a weights HDF5 (a one-file model also works as weights).
     *
     * @throws ModelFormatException naming the file and layer if the model cannot be imported
     */
    public static ModelFile importModel(Path architectureJson, Path weightsH5, List<String> featureNames,
            List<String> outputNames) {
        String text;
        try {
            text = Files.readString(architectureJson);
        } catch (IOException e) {
            throw new UncheckedIOException(architectureJson + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode arch = parse(text, architectureJson.toString());
        try (HdfFile file = open(weightsH5)) {
            Group g = file.getChild("model_weights") instanceof Group mw ? mw : file;
            KerasImporter imp = new KerasImporter(architectureJson.getFileName() + " + " + weightsH5.getFileName(), g);
            return imp.build(arch, featureNames, outputNames, origin(file, weightsH5, architectureJson));
        } catch (HdfException e) {
            throw new ModelFormatException(weightsH5 + ": cannot read HDF5: " + e.getMessage(), e);
        }
    }

    private static HdfFile open(Path h5) {
        if (!Files.isRegularFile(h5)) {
            throw new UncheckedIOException(new java.nio.file.NoSuchFileException(h5.toString()));
        }
        try {
            return new HdfFile(h5);
        } catch (HdfException e) {
            throw new ModelFormatException(h5 + ": not a readable HDF5 file: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String text, String name) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(name + ": not valid JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode origin(HdfFile file, Path weightsFile, Path json) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("source", "keras");
        if (json != null) {
            o.put("architecture", json.getFileName().toString());
        }
        o.put("weights", weightsFile.getFileName().toString());
        String version = stringAttribute(file, "keras_version");
        if (version != null) {
            o.put("kerasVersion", version);
        }
        String backend = stringAttribute(file, "backend");
        if (backend != null) {
            o.put("backend", backend);
        }
        return o;
    }

    private static String stringAttribute(Node n, String name) {
        Attribute a = n.getAttribute(name);
        if (a == null || a.isEmpty()) {
            return null;
        }
        Object v = a.getData();
        return v instanceof String s ? s : null;
    }

    /** The layer list of a Sequential or single-chain functional model, input first. */
    private List<JsonNode> chain(JsonNode arch) {
        String cls = arch.path("class_name").asText("");
        JsonNode config = arch.path("config");
        JsonNode layers = config.isArray() ? config : config.path("layers");
        if (!layers.isArray() || layers.isEmpty()) {
            throw new ModelFormatException(where + ": architecture has no layers (class_name '" + cls + "')");
        }
        List<JsonNode> list = new ArrayList<>();
        layers.forEach(list::add);
        if (cls.equals("Sequential")) {
            return list;
        }
        if (!cls.equals("Model") && !cls.equals("Functional")) {
            throw new ModelFormatException(where + ": model class '" + cls + "' is not supported; expected Sequential,"
                    + " Model or Functional");
        }
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode l : list) {
            byName.put(l.path("name").asText(l.path("config").path("name").asText()), l);
        }
        JsonNode outs = config.path("output_layers");
        if (outs.size() != 1) {
            throw new ModelFormatException(where + ": model has " + outs.size()
                    + " outputs; only single-output chains can be imported");
        }
        List<JsonNode> chain = new ArrayList<>();
        String name = outs.get(0).get(0).asText();
        while (true) {
            JsonNode l = byName.get(name);
            if (l == null) {
                throw new ModelFormatException(where + ": layer '" + name + "' is referenced but not defined");
            }
            chain.add(0, l);
            JsonNode inbound = l.path("inbound_nodes");
            if (inbound.isEmpty()) {
                break;
            }
            if (inbound.size() != 1 || inbound.get(0).size() != 1) {
                throw new ModelFormatException(where + ": layer '" + name + "' has several inputs or is shared;"
                        + " only a single chain of layers can be imported");
            }
            name = inbound.get(0).get(0).get(0).asText();
        }
        if (chain.size() != list.size()) {
            throw new ModelFormatException(where + ": the model is not one chain (" + list.size() + " layers, "
                    + chain.size() + " between input and output)");
        }
        return chain;
    }

    private ModelFile build(JsonNode arch, List<String> featureNames, List<String> outputNames, ObjectNode origin) {
        List<JsonNode> chain = chain(arch);
        List<Layer> layers = new ArrayList<>();
        List<double[]> params = new ArrayList<>();
        int width = inputWidth(chain);
        // A sigmoid or softmax is held back: it becomes the output function if only dropout follows it.
        Activation pending = Activation.LINEAR;
        String pendingName = null;
        List<Layer> heldDropouts = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            JsonNode l = chain.get(i);
            String cls = l.path("class_name").asText();
            JsonNode c = l.path("config");
            String name = c.path("name").asText(l.path("name").asText("layer_" + i));
            boolean dropout = cls.equals("Dropout") || cls.equals("AlphaDropout");
            if (pending != Activation.LINEAR && !dropout && !cls.equals("InputLayer")) {
                if (pending == Activation.SOFTMAX) {
                    throw new ModelFormatException(where + ": layer '" + name + "' follows a softmax; softmax can"
                            + " only be imported as the last operation of the model");
                }
                layers.add(new ActivationLayer(pendingName, width, pending));
                layers.addAll(heldDropouts);
                heldDropouts.clear();
                pending = Activation.LINEAR;
            }
            try {
                switch (cls) {
                    case "InputLayer":
                        break;
                    case "Dense": {
                        int units = c.path("units").asInt(c.path("output_dim").asInt(-1));
                        if (width < 0) {
                            width = weight(name, "kernel", -1).length / units;
                        }
                        double[] p = new double[width * units + units];
                        System.arraycopy(weight(name, "kernel", width * units), 0, p, 0, width * units);
                        if (c.path("use_bias").asBoolean(true)) {
                            System.arraycopy(weight(name, "bias", units), 0, p, width * units, units);
                        }
                        layers.add(new DenseLayer(name, width, units));
                        params.add(p);
                        width = units;
                        pending = activation(layers, name + "_activation", c, width, name);
                        pendingName = name + "_activation";
                        break;
                    }
                    case "Activation":
                        pending = activation(layers, name, c, width, name);
                        pendingName = name;
                        break;
                    case "Dropout":
                    case "AlphaDropout": {
                        Layer d = new DropoutLayer(name, width, c.path("rate").asDouble(c.path("p").asDouble()),
                                cls.equals("AlphaDropout"));
                        (pending == Activation.LINEAR ? layers : heldDropouts).add(d);
                        break;
                    }
                    case "BatchNormalization":
                        batchNorm(layers, params, name, c, width);
                        break;
                    default:
                        throw new ModelFormatException(where + ": layer '" + name + "' is a " + cls
                                + ", which vbfann cannot import; supported layers: " + SUPPORTED);
                }
            } catch (ModelFormatException e) {
                throw e;
            } catch (MlException e) {
                throw new ModelFormatException(where + ": layer '" + name + "': " + e.getMessage(), e);
            }
        }
        // Dropout after the output function is the identity at inference and has no place in the chain.
        Activation output = pending;
        if (width < 0 || layers.isEmpty()) {
            throw new ModelFormatException(where + ": the model has no Dense layer");
        }
        int inputs = layers.get(0).inputs();
        List<String> features = names(featureNames, inputs, "x", "feature");
        List<String> outs = outputNames != null ? names(outputNames, width, "", "output")
                : width == 1 ? List.of("score") : names(null, width, "class_", "output");
        try {
            Mlp net = Mlp.of(features, Standardization.identity(inputs), layers, output, outs, params);
            return new ModelFile(net, origin, JsonNodeFactory.instance.objectNode());
        } catch (MlException e) {
            throw new ModelFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private List<String> names(List<String> given, int n, String prefix, String what) {
        if (given != null) {
            if (given.size() != n) {
                throw new MlException(where + ": " + given.size() + " " + what + " names given " + given
                        + " but the model has " + n + " " + what + "s");
            }
            return given;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    private static int inputWidth(List<JsonNode> chain) {
        for (JsonNode l : chain) {
            JsonNode shape = l.path("config").path("batch_input_shape");
            if (shape.isArray() && shape.size() == 2 && shape.get(1).isInt()) {
                return shape.get(1).asInt();
            }
            if (!l.path("class_name").asText().equals("InputLayer")) {
                break;
            }
        }
        return -1;
    }

    /**
     * Adds the activation of a Dense or Activation layer as a hidden layer, except sigmoid and softmax, which
     * it returns for the caller to place (output function or hidden layer); returns linear otherwise.
     */
    private Activation activation(List<Layer> layers, String layerName, JsonNode config, int width, String owner) {
        String id = config.path("activation").asText("linear");
        Activation a;
        try {
            a = Activation.fromId(id);
        } catch (MlException e) {
            throw new ModelFormatException(where + ": layer '" + owner + "' has activation '" + id
                    + "', which vbfann cannot import; supported: relu, selu, elu, tanh, sigmoid, linear, softmax", e);
        }
        if (a == Activation.SOFTMAX || a == Activation.SIGMOID) {
            return a;
        }
        if (a != Activation.LINEAR) {
            layers.add(new ActivationLayer(layerName, width, a));
        }
        return Activation.LINEAR;
    }

    private void batchNorm(List<Layer> layers, List<double[]> params, String name, JsonNode c, int width) {
        JsonNode axis = c.path("axis");
        int ax = axis.isArray() && axis.size() == 1 ? axis.get(0).asInt() : axis.asInt(-1);
        if (ax != -1 && ax != 1) {
            throw new ModelFormatException(where + ": layer '" + name + "' normalises axis " + ax
                    + "; only the feature axis (-1 or 1) of a flat input is supported");
        }
        double[] p = new double[4 * width];
        double[] gamma = c.path("scale").asBoolean(true) ? weight(name, "gamma", width) : filled(width, 1.0);
        double[] beta = c.path("center").asBoolean(true) ? weight(name, "beta", width) : new double[width];
        System.arraycopy(gamma, 0, p, 0, width);
        System.arraycopy(beta, 0, p, width, width);
        System.arraycopy(weight(name, "moving_mean", width), 0, p, 2 * width, width);
        System.arraycopy(weight(name, "moving_variance", width), 0, p, 3 * width, width);
        layers.add(new BatchNormLayer(name, width, c.path("epsilon").asDouble(1e-3)));
        params.add(p);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** The weight {@code kind} (kernel, bias, gamma, ...) of a layer, flattened row-major, as doubles. */
    private double[] weight(String layer, String kind, int expected) {
        Node g = weights.getChild(layer);
        if (!(g instanceof Group group)) {
            throw new ModelFormatException(where + ": the weights have no group for layer '" + layer + "'");
        }
        Attribute names = group.getAttribute("weight_names");
        if (names == null || !(names.getData() instanceof String[] list)) {
            throw new ModelFormatException(where + ": weights of layer '" + layer + "' have no weight_names attribute");
        }
        for (String wn : list) {
            String base = wn.substring(wn.lastIndexOf('/') + 1);
            if (base.equals(kind + ":0") || base.equals(kind)) {
                Dataset d = group.getDatasetByPath(wn);
                double[] v = flat(d.getDataFlat(), layer, wn);
                if (expected >= 0 && v.length != expected) {
                    throw new ModelFormatException(where + ": weight '" + wn + "' of layer '" + layer + "' has "
                            + v.length + " values, the architecture needs " + expected);
                }
                return v;
            }
        }
        throw new ModelFormatException(where + ": layer '" + layer + "' has no '" + kind + "' weight; it has "
                + java.util.Arrays.toString(list));
    }

    private double[] flat(Object data, String layer, String name) {
        if (data instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        if (data instanceof double[] d) {
            return d.clone();
        }
        throw new ModelFormatException(where + ": weight '" + name + "' of layer '" + layer + "' is "
                + (data == null ? "empty" : data.getClass().getSimpleName()) + ", expected float32 or float64");
    }
}
