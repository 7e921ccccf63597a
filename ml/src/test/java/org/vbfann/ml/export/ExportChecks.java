package org.vbfann.ml.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.vbfann.ml.Mlp;

/**
 * Runs exported models outside Java — the C++ header compiled with g++, the ONNX file in ONNX Runtime — and
 * compares them with the Java evaluation. Shared by the exporter tests and the Keras-import tests.
 */
public final class ExportChecks {
    /** The relative tolerance the issue asks for: the exports keep (at least) float32 precision. */
    public static final double TOLERANCE = 1e-5;

    private ExportChecks() {
    }

    /** Java outputs of {@code rows} rows. */
    public static double[] java(Mlp net, double[] x, int rows) {
        double[] out = new double[rows * net.outputs()];
        net.predictor(256).predict(x, rows, out);
        return out;
    }

    /** Outputs of the C++ header compiled with g++ and run on the rows. */
    public static double[] cpp(Mlp net, double[] x, int rows, Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("model.h"), CppHeaderExporter.export(net, "vbfann_test_model"));
        Files.writeString(dir.resolve("main.cpp"), String.join("\n",
                "#include \"model.h\"",
                "#include <cstdio>",
                "int main() {",
                "  double in[vbfann_test_model::kInputs];",
                "  double out[vbfann_test_model::kOutputs];",
                "  for (;;) {",
                "    for (int j = 0; j < vbfann_test_model::kInputs; ++j) if (std::scanf(\"%lf\", &in[j]) != 1) return 0;",
                "    vbfann_test_model::evaluate(in, out);",
                "    for (int o = 0; o < vbfann_test_model::kOutputs; ++o) std::printf(\"%.17g\\n\", out[o]);",
                "  }",
                "}", ""));
        run(dir, "g++", "-std=c++11", "-O2", "-Wall", "-Werror", "-o", "model_test", "main.cpp");
        StringBuilder in = new StringBuilder();
        int n = net.inputs();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) {
                in.append(String.format(Locale.ROOT, "%.17g ", x[r * n + j]));
            }
            in.append('\n');
        }
        Files.writeString(dir.resolve("in.txt"), in);
        run(dir, dir.resolve("model_test").toString());
        List<String> lines = Files.readAllLines(dir.resolve("out.txt"));
        assertEquals(rows * net.outputs(), lines.size(), "C++ output lines");
        double[] out = new double[lines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.parseDouble(lines.get(i));
        }
        return out;
    }

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false)
                .redirectError(dir.resolve("err.txt").toFile());
        if (cmd[0].startsWith("/")) {
            pb.redirectInput(dir.resolve("in.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile());
        } else {
            pb.redirectOutput(dir.resolve("build.txt").toFile());
        }
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", cmd) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed: "
                + Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /** Outputs of the ONNX export run in ONNX Runtime (float32 inputs). */
    public static double[] onnx(Mlp net, double[] x, int rows) throws OrtException {
        byte[] model = OnnxExporter.export(net, "test");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int n = net.inputs();
        float[][] in = new float[rows][n];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) {
                in[r][j] = (float) x[r * n + j];
            }
        }
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model, opts);
                    OnnxTensor t = OnnxTensor.createTensor(env, in);
                    OrtSession.Result res = session.run(Map.of(OnnxExporter.INPUT, t))) {
                assertEquals(List.of(OnnxExporter.INPUT), new ArrayList<>(session.getInputNames()));
                assertEquals(OnnxExporter.OUTPUT, session.getOutputNames().iterator().next());
                float[][] out = (float[][]) res.get(0).getValue();
                double[] flat = new double[rows * net.outputs()];
                for (int r = 0; r < rows; r++) {
                    for (int o = 0; o < net.outputs(); o++) {
                        flat[r * net.outputs() + o] = out[r][o];
                    }
                }
                return flat;
            }
        }
    }

    /** Asserts every value agrees to {@link #TOLERANCE} relative to the reference; returns the largest difference. */
    public static double assertClose(double[] reference, double[] actual, String what) {
        assertEquals(reference.length, actual.length, what + ": number of outputs");
        double worst = 0;
        for (int i = 0; i < reference.length; i++) {
            double rel = Math.abs(actual[i] - reference[i]) / Math.max(Math.abs(reference[i]), Double.MIN_NORMAL);
            worst = Math.max(worst, rel);
            assertTrue(rel < TOLERANCE, what + ": output " + i + " is " + actual[i] + ", reference " + reference[i]);
        }
        return worst;
    }
}
