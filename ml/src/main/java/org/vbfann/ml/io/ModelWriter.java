package org.vbfann.ml.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.vbfann.core.AtomicFiles;
import org.vbfann.ml.ActivationLayer;
import org.vbfann.ml.BatchNormLayer;
import org.vbfann.ml.DenseLayer;
import org.vbfann.ml.DropoutLayer;
import org.vbfann.ml.History;
import org.vbfann.ml.Layer;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.TrainingConfig;

/**
 * Writes {@code model.json} (format {@value ModelReader#FORMAT}, version {@value ModelReader#VERSION}):
 * <pre>
 * { "format": "vbfann-model", "formatVersion": 1,
 *   "features": [names in input order],
 *   "scaling": {"mean": [...], "scale": [...]},          x' = (x − mean) / scale
 *   "output": {"function": "sigmoid|softmax|linear", "names": [...]},
 *   "layers": [ {"type": "dense", "name", "inputs", "units", "kernel": [[units values] × inputs], "bias"},
 *               {"type": "activation", "name", "width", "function"},
 *               {"type": "batchnorm", "name", "width", "epsilon", "gamma", "beta", "movingMean", "movingVariance"},
 *               {"type": "dropout", "name", "width", "rate", "alpha"} ],
 *   "training": {...}, "metrics": {...} }
 * </pre>
 * Numbers are written in Java's shortest round-trip form, so reading gives back the same doubles.
 */
public final class ModelWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelWriter() {
    }

    /** The JSON document of a model file. */
    public static ObjectNode toJson(ModelFile file) {
        Mlp m = file.model();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", ModelReader.FORMAT);
        root.put("formatVersion", ModelReader.VERSION);
        ArrayNode feats = root.putArray("features");
        m.features().forEach(feats::add);
        ObjectNode scaling = root.putObject("scaling");
        ArrayNode mean = scaling.putArray("mean");
        ArrayNode scale = scaling.putArray("scale");
        for (int j = 0; j < m.inputs(); j++) {
            mean.add(m.scaling().mean(j));
            scale.add(m.scaling().scale(j));
        }
        ObjectNode out = root.putObject("output");
        out.put("function", m.output().id());
        ArrayNode names = out.putArray("names");
        m.outputNames().forEach(names::add);
        ArrayNode layers = root.putArray("layers");
        for (int k = 0; k < m.layers().size(); k++) {
            layers.add(layer(m, k));
        }
        root.set("training", file.training());
        root.set("metrics", file.metrics());
        return root;
    }

    private static ObjectNode layer(Mlp m, int k) {
        Layer l = m.layers().get(k);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (l instanceof DenseLayer d) {
            o.put("type", "dense").put("name", d.name()).put("inputs", d.inputs()).put("units", d.outputs());
            ArrayNode kernel = o.putArray("kernel");
            for (int i = 0; i < d.inputs(); i++) {
                ArrayNode row = kernel.addArray();
                for (int u = 0; u < d.outputs(); u++) {
                    row.add(m.parameter(k, i * d.outputs() + u));
                }
            }
            slice(o.putArray("bias"), m, k, d.biasOffset(), d.outputs());
        } else if (l instanceof ActivationLayer a) {
            o.put("type", "activation").put("name", a.name()).put("width", a.outputs())
                    .put("function", a.function().id());
        } else if (l instanceof BatchNormLayer b) {
            o.put("type", "batchnorm").put("name", b.name()).put("width", b.outputs()).put("epsilon", b.epsilon());
            slice(o.putArray("gamma"), m, k, b.gammaOffset(), b.outputs());
            slice(o.putArray("beta"), m, k, b.betaOffset(), b.outputs());
            slice(o.putArray("movingMean"), m, k, b.meanOffset(), b.outputs());
            slice(o.putArray("movingVariance"), m, k, b.varianceOffset(), b.outputs());
        } else if (l instanceof DropoutLayer d) {
            o.put("type", "dropout").put("name", d.name()).put("width", d.outputs()).put("rate", d.rate())
                    .put("alpha", d.alpha());
        } else {
            throw new AssertionError(l.getClass());
        }
        return o;
    }

    private static void slice(ArrayNode a, Mlp m, int k, int from, int n) {
        for (int i = 0; i < n; i++) {
            a.add(m.parameter(k, from + i));
        }
    }

    /** The training record of a model made by {@link org.vbfann.ml.Trainer}: settings and epochs run. */
    public static ObjectNode trainingRecord(TrainingConfig c, History h) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("source", "vbfann nn train");
        ArrayNode layers = o.putArray("hiddenLayers");
        for (int u : c.hiddenLayers()) {
            layers.add(u);
        }
        o.put("activation", c.activation().id()).put("dropout", c.dropout()).put("batchSize", c.batchSize())
                .put("maxEpochs", c.maxEpochs()).put("patience", c.patience()).put("learningRate", c.learningRate())
                .put("optimizer", c.optimizer().id()).put("l2", c.l2()).put("weighting", c.weighting().id())
                .put("negativeWeights", c.negativeWeights().id()).put("standardize", c.standardize())
                .put("seed", c.seed()).put("threads", c.threads()).put("epochs", h.epochs())
                .put("bestEpoch", h.bestEpoch() + 1);
        return o;
    }

    /**
     * Writes {@code model.json} into {@code dir} (created if needed) atomically: a temporary file in the same
     * folder, renamed at the end.
     *
     * @return the file written
     * @throws UncheckedIOException if it cannot be written (nothing is left behind)
     */
    public static Path write(ModelFile file, Path dir) {
        Path target = dir.resolve(ModelReader.FILE_NAME);
        try {
            writeAtomically(target, JSON.writeValueAsBytes(toJson(file)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(target + ": cannot encode model: " + e.getMessage(), e);
        }
        return target;
    }

    /**
     * Writes {@code bytes} to {@code file} (its folder created if needed) through a temporary file in the
     * same folder, renamed at the end, so readers see the old file or the complete new one; used for model
     * files and their exports.
     *
     * @throws UncheckedIOException if it cannot be written (nothing is left behind)
     */
    public static void writeAtomically(Path file, byte[] bytes) {
        AtomicFiles.write(file, bytes);
    }
}
