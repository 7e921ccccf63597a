package org.vbfann.ml.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.ml.Activation;
import org.vbfann.ml.ActivationLayer;
import org.vbfann.ml.BatchNormLayer;
import org.vbfann.ml.DenseLayer;
import org.vbfann.ml.DropoutLayer;
import org.vbfann.ml.Layer;
import org.vbfann.ml.MlException;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.Standardization;

/** Both exports against the Java model on 1000 events, for networks using every layer and activation. */
class ExportTest {
    private static final int EVENTS = 1000;

    /** Dense + BatchNorm + every hidden activation + both dropouts, sigmoid output. */
    static Mlp everyLayer() {
        List<Layer> layers = new ArrayList<>();
        layers.add(new DenseLayer("dense_1", 4, 8));
        layers.add(new BatchNormLayer("batch_norm", 8, 1e-3));
        layers.add(new ActivationLayer("relu", 8, Activation.RELU));
        layers.add(new DropoutLayer("dropout", 8, 0.2, false));
        int k = 2;
        for (Activation a : new Activation[] {Activation.SELU, Activation.ELU, Activation.TANH, Activation.SIGMOID,
            Activation.LINEAR}) {
            layers.add(new DenseLayer("dense_" + k++, 8, 8));
            layers.add(new ActivationLayer(a.id(), 8, a));
            if (a == Activation.SELU) {
                layers.add(new DropoutLayer("alpha_dropout", 8, 0.1, true));
            }
        }
        layers.add(new DenseLayer("dense_out", 8, 1));
        return random(layers, Activation.SIGMOID, List.of("VBF"), 1);
    }

    static Mlp softmax() {
        List<Layer> layers = List.of(new DenseLayer("d1", 4, 7), new ActivationLayer("a1", 7, Activation.RELU),
                new DenseLayer("d2", 7, 3));
        return random(layers, Activation.SOFTMAX, List.of("qqH", "ggH", "ZZ"), 2);
    }

    /** A regression-style network: linear output, identity scaling, ending on a dropout. */
    static Mlp linear() {
        List<Layer> layers = List.of(new DenseLayer("d1", 4, 5), new ActivationLayer("a1", 5, Activation.TANH),
                new DenseLayer("d2", 5, 2), new DropoutLayer("drop", 2, 0.5, false));
        return random(layers, Activation.LINEAR, List.of("u", "v"), 3).withScaling(Standardization.identity(4));
    }

    private static Mlp random(List<Layer> layers, Activation out, List<String> names, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int total = 0;
        for (Layer l : layers) {
            total += l.parameterCount();
        }
        double[] p = new double[total];
        int off = 0;
        for (Layer l : layers) {
            for (int i = 0; i < l.parameterCount(); i++) {
                p[off + i] = rng.nextDouble(-1, 1) / Math.sqrt(l.inputs());
            }
            if (l instanceof BatchNormLayer bn) {
                for (int j = 0; j < bn.outputs(); j++) {
                    p[off + bn.varianceOffset() + j] = rng.nextDouble(0.1, 2);
                    p[off + bn.gammaOffset() + j] = rng.nextDouble(0.5, 2);
                }
            }
            off += l.parameterCount();
        }
        return new Mlp(List.of("f_mjj", "f_deltajj", "f_pt4l", "f_eta4l"),
                new Standardization(new double[] {500, 3, 80, 0}, new double[] {300, 1.5, 50, 2}), layers, out, names, p);
    }

    static double[] events(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[EVENTS * 4];
        for (int r = 0; r < EVENTS; r++) {
            x[4 * r] = rng.nextDouble(100, 1500);
            x[4 * r + 1] = rng.nextDouble(0, 8);
            x[4 * r + 2] = rng.nextDouble(0, 300);
            x[4 * r + 3] = rng.nextDouble(-5, 5);
        }
        return x;
    }

    @Test
    void cppHeaderMatchesJavaOnEveryLayerType(@TempDir Path dir) throws Exception {
        for (Mlp net : List.of(everyLayer(), softmax(), linear())) {
            double[] x = events(3);
            double worst = ExportChecks.assertClose(ExportChecks.java(net, x, EVENTS),
                    ExportChecks.cpp(net, x, EVENTS, dir), "C++ " + net.output().id());
            // Same double arithmetic in the same order: only libm's exp/tanh may differ in the last bit.
            assertTrue(worst < 1e-12, "C++ differs by " + worst);
        }
    }

    @Test
    void onnxMatchesJavaOnEveryLayerType() throws Exception {
        for (Mlp net : List.of(everyLayer(), softmax(), linear())) {
            double[] x = events(4);
            ExportChecks.assertClose(ExportChecks.java(net, x, EVENTS), ExportChecks.onnx(net, x, EVENTS),
                    "ONNX " + net.output().id());
        }
    }

    @Test
    void trainedSavedAndReloadedModelExportsWithTheSameOutputs(@TempDir Path dir) throws Exception {
        // Train → model.json → read back → export: the path a physicist takes, with SELU, alpha dropout and
        // standardisation of features of very different scales.
        SplittableRandom rng = new SplittableRandom(8);
        int n = 2000;
        float[] x = new float[4 * n];
        int[] labels = new int[n];
        double[] w = new double[n];
        for (int r = 0; r < n; r++) {
            labels[r] = rng.nextInt(2);
            w[r] = rng.nextDouble(-0.1, 1);
            for (int j = 0; j < 4; j++) {
                x[4 * r + j] = (float) ((rng.nextDouble() + 0.3 * labels[r]) * Math.pow(10, j));
            }
        }
        org.vbfann.ml.TrainingSet set = new org.vbfann.ml.TrainingSet(List.of("a", "b", "c", "d"), x, labels,
                List.of("bkg", "VBF"), w, labels, List.of("bkg", "VBF"), null);
        org.vbfann.ml.TrainingConfig cfg = org.vbfann.ml.TrainingConfig.builder().hiddenLayers(12, 6)
                .activation(Activation.SELU).dropout(0.1).maxEpochs(3).build();
        org.vbfann.ml.Trainer.Result res = org.vbfann.ml.Trainer.train(cfg, set, set, org.vbfann.ml.TrainingListener.NONE);
        org.vbfann.ml.io.ModelFile file = new org.vbfann.ml.io.ModelFile(res.model(),
                org.vbfann.ml.io.ModelWriter.trainingRecord(cfg, res.history()),
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("auc", 0.7));
        Mlp back = org.vbfann.ml.io.ModelReader.read(org.vbfann.ml.io.ModelWriter.write(file, dir.resolve("m"))).model();
        assertTrue(back.layers().get(2) instanceof DropoutLayer d && d.alpha(), back.summary());
        double[] events = new double[EVENTS * 4];
        for (int i = 0; i < events.length; i++) {
            events[i] = x[i % x.length];
        }
        double[] java = ExportChecks.java(back, events, EVENTS);
        ExportChecks.assertClose(ExportChecks.java(res.model(), events, EVENTS), java, "reloaded");
        ExportChecks.assertClose(java, ExportChecks.cpp(back, events, EVENTS, dir), "C++");
        ExportChecks.assertClose(java, ExportChecks.onnx(back, events, EVENTS), "ONNX");
    }

    @Test
    void headerListsInputsInOrderAndNeedsOnlyCmath() {
        String h = CppHeaderExporter.export(softmax(), "vbf_nn");
        assertTrue(h.contains("//   [0] f_mjj\n//   [1] f_deltajj\n//   [2] f_pt4l\n//   [3] f_eta4l\n"), h);
        assertTrue(h.contains("//   [2] ZZ\n"), h);
        assertEquals(1, h.split("#include").length - 1, "one include");
        assertTrue(h.contains("#include <cmath>"));
        MlException e = assertThrows(MlException.class, () -> CppHeaderExporter.export(softmax(), "2nn"));
        assertEquals("C++ namespace '2nn' is not an identifier (letters, digits, _)", e.getMessage());
    }
}
