package org.vbfann.ml.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.ml.Activation;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.ModelFormatException;
import org.vbfann.ml.export.ExportChecks;
import org.vbfann.ml.io.ModelFile;
import org.vbfann.testkit.Fixtures;

/** The real Keras 2 files of {@code fixtures/keras} against their h5py + numpy reference outputs. */
class KerasImporterTest {
    private static final int ROWS = 1000;

    static double[] csv(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p);
        int width = lines.get(0).split(",").length;
        double[] v = new double[lines.size() * width];
        for (int r = 0; r < lines.size(); r++) {
            String[] f = lines.get(r).split(",");
            assertEquals(width, f.length, p + " line " + (r + 1));
            for (int j = 0; j < width; j++) {
                v[r * width + j] = Double.parseDouble(f[j]);
            }
        }
        return v;
    }

    private static Path fx(String name) {
        return Fixtures.path("keras/" + name);
    }

    static ModelFile oneFile() {
        return KerasImporter.importModel(fx("keras_3layer.h5"), null, null);
    }

    static ModelFile jsonAndWeights() {
        return KerasImporter.importModel(fx("KERAS_3layer.json"), fx("KERAS_3layer_weights.h5"), null, null);
    }

    static ModelFile batchNorm() {
        return KerasImporter.importModel(fx("KERAS_3layer_batch_norm.json"), fx("KERAS_3layer_batch_norm_weights.h5"),
                null, null);
    }

    @Test
    void allThreeModelsMatchTheReferenceOutputs() throws IOException {
        double[] x = csv(fx("inputs_16.csv"));
        assertEquals(ROWS * 16, x.length);
        check(oneFile().model(), x, "keras_3layer.outputs.csv");
        check(jsonAndWeights().model(), x, "KERAS_3layer.outputs.csv");
        check(batchNorm().model(), x, "KERAS_3layer_batch_norm.outputs.csv");
    }

    private static void check(Mlp net, double[] x, String reference) throws IOException {
        ExportChecks.assertClose(csv(fx(reference)), ExportChecks.java(net, x, ROWS), reference);
    }

    @Test
    void importedModelsExportToCppAndOnnxWithTheSameOutputs(@TempDir Path dir) throws Exception {
        double[] x = csv(fx("inputs_16.csv"));
        for (ModelFile m : List.of(oneFile(), batchNorm())) {
            double[] java = ExportChecks.java(m.model(), x, ROWS);
            ExportChecks.assertClose(java, ExportChecks.cpp(m.model(), x, ROWS, dir), "C++");
            ExportChecks.assertClose(java, ExportChecks.onnx(m.model(), x, ROWS), "ONNX");
        }
    }

    @Test
    void structureOfTheBatchNormModel() {
        Mlp net = batchNorm().model();
        assertEquals(Activation.SOFTMAX, net.output());
        assertEquals(List.of("class_0", "class_1", "class_2", "class_3", "class_4"), net.outputNames());
        assertEquals(16, net.inputs());
        // 4 × (Dense, BatchNormalization) + 3 relu Activations; the final softmax is the output function.
        assertEquals(11, net.layers().size());
        assertTrue(net.summary().contains("bn4 (BatchNormalization)     (None, 5)                 20"), net.summary());
        assertEquals("2.0.8", batchNorm().training().get("kerasVersion").asText());
    }

    @Test
    void namesCanBeGivenAndAreChecked() {
        List<String> f = java.util.stream.IntStream.range(0, 16).mapToObj(i -> "j" + i).toList();
        ModelFile m = KerasImporter.importModel(fx("keras_3layer.h5"), f, List.of("g", "q", "W", "Z", "t"));
        assertEquals("j15", m.model().features().get(15));
        org.vbfann.ml.MlException e = assertThrows(org.vbfann.ml.MlException.class,
                () -> KerasImporter.importModel(fx("keras_3layer.h5"), List.of("a"), null));
        assertEquals("keras_3layer.h5: 1 feature names given [a] but the model has 16 features", e.getMessage());
    }

    @Test
    void unsupportedLayerIsNamed(@TempDir Path dir) throws IOException {
        String json = Files.readString(fx("KERAS_3layer_batch_norm.json"));
        Path bad = dir.resolve("conv.json");
        Files.writeString(bad, json.replaceFirst("\"BatchNormalization\"", "\"LayerNormalization\""));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> KerasImporter.importModel(bad, fx("KERAS_3layer_batch_norm_weights.h5"), null, null));
        assertEquals("conv.json + KERAS_3layer_batch_norm_weights.h5: layer 'bn1' is a LayerNormalization, which"
                + " vbfann cannot import; supported layers: Dense, Activation, Dropout, AlphaDropout,"
                + " BatchNormalization, InputLayer", e.getMessage());
    }

    @Test
    void unsupportedActivationAndMissingArchitectureAreNamed(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("swish.json");
        Files.writeString(bad, Files.readString(fx("KERAS_3layer.json")).replaceFirst("\"relu\"", "\"swish\""));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> KerasImporter.importModel(bad, fx("KERAS_3layer_weights.h5"), null, null));
        assertEquals("swish.json + KERAS_3layer_weights.h5: layer 'fc1_relu' has activation 'swish', which vbfann"
                + " cannot import; supported: relu, selu, elu, tanh, sigmoid, linear, softmax", e.getMessage());
        e = assertThrows(ModelFormatException.class,
                () -> KerasImporter.importModel(fx("KERAS_3layer_weights.h5"), null, null));
        assertTrue(e.getMessage().endsWith("KERAS_3layer_weights.h5: no 'model_config' attribute, so no architecture:"
                + " this looks like a weights-only file (save_weights); give the architecture JSON and this file as"
                + " --weights"), e.getMessage());
    }

    @Test
    void hiddenSigmoidIsALayerButSoftmaxMustBeLast(@TempDir Path dir) throws IOException {
        String json = Files.readString(fx("KERAS_3layer.json"));
        Path sig = dir.resolve("sig.json");
        Files.writeString(sig, json.replaceFirst("\"relu\"", "\"sigmoid\""));
        Mlp net = KerasImporter.importModel(sig, fx("KERAS_3layer_weights.h5"), null, null).model();
        assertEquals("fc1_relu_activation", net.layers().get(1).name());
        assertEquals(Activation.SIGMOID, ((org.vbfann.ml.ActivationLayer) net.layers().get(1)).function());
        Path soft = dir.resolve("soft.json");
        Files.writeString(soft, json.replaceFirst("\"relu\"", "\"softmax\""));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> KerasImporter.importModel(soft, fx("KERAS_3layer_weights.h5"), null, null));
        assertEquals("soft.json + KERAS_3layer_weights.h5: layer 'fc2_relu' follows a softmax; softmax can only be"
                + " imported as the last operation of the model", e.getMessage());
    }

    @Test
    void weightsOfAnotherModelAreRejected() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> KerasImporter.importModel(
                fx("KERAS_3layer_batch_norm.json"), fx("KERAS_3layer_weights.h5"), null, null));
        assertEquals("KERAS_3layer_batch_norm.json + KERAS_3layer_weights.h5: the weights have no group for layer 'bn1'",
                e.getMessage());
    }
}
