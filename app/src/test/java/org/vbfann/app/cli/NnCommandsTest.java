package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.testkit.Fixtures;

/** {@code nn import-keras}, {@code nn predict} and {@code nn export} end to end on the Keras fixtures. */
class NnCommandsTest {
    private static Path fx(String name) {
        return Fixtures.path("keras/" + name);
    }

    private static double[] numbers(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).flatMap(l -> java.util.Arrays.stream(l.split(",")))
                .mapToDouble(Double::parseDouble).toArray();
    }

    private static void assertClose(Path reference, Path actual) throws IOException {
        double[] ref = numbers(Files.readAllLines(reference));
        double[] got = numbers(Files.readAllLines(actual));
        assertEquals(ref.length, got.length);
        for (int i = 0; i < ref.length; i++) {
            // The task's tolerance: the Keras weights are float32, the reference float64.
            assertTrue(Math.abs(got[i] - ref[i]) <= 1e-5 * Math.abs(ref[i]), "value " + i + ": " + got[i] + " vs " + ref[i]);
        }
    }

    private static CliRunner.Result ok(String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return r;
    }

    @Test
    void importedKerasModelsPredictTheReferenceOutputs(@TempDir Path dir) throws IOException {
        String[][] cases = {
            {"keras_3layer.h5", null, "keras_3layer.outputs.csv"},
            {"KERAS_3layer.json", "KERAS_3layer_weights.h5", "KERAS_3layer.outputs.csv"},
            {"KERAS_3layer_batch_norm.json", "KERAS_3layer_batch_norm_weights.h5", "KERAS_3layer_batch_norm.outputs.csv"}};
        for (String[] c : cases) {
            Path model = dir.resolve(c[0] + ".model");
            CliRunner.Result r = c[1] == null
                    ? ok("nn", "import-keras", fx(c[0]).toString(), "--out", model.toString())
                    : ok("nn", "import-keras", fx(c[0]).toString(), "--weights", fx(c[1]).toString(), "--out", model.toString());
            assertTrue(r.out().contains("Total params: "), r.out());
            Path pred = dir.resolve(c[0] + ".pred.csv");
            ok("nn", "predict", model.toString(), "--input", fx("inputs_16.csv").toString(), "--out", pred.toString());
            assertClose(fx(c[2]), pred);
        }
    }

    @Test
    void predictPrintsToStdoutAndMatchesColumnsByHeader(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("m");
        ok("nn", "import-keras", fx("keras_3layer.h5").toString(), "--out", model.toString(),
                "--features", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p", "--outputs", "g,q,w,z,t");
        // Columns in reverse order, with a header: matched by name.
        List<String> rows = Files.readAllLines(fx("inputs_16.csv")).subList(0, 3);
        StringBuilder csv = new StringBuilder("p,o,n,m,l,k,j,i,h,g,f,e,d,c,b,a\n");
        for (String row : rows) {
            List<String> f = new java.util.ArrayList<>(List.of(row.split(",")));
            java.util.Collections.reverse(f);
            csv.append(String.join(",", f)).append('\n');
        }
        Path in = dir.resolve("rev.csv");
        Files.writeString(in, csv);
        CliRunner.Result r = ok("nn", "predict", model.toString(), "--input", in.toString(), "--header");
        List<String> lines = r.out().lines().toList();
        assertEquals("g,q,w,z,t", lines.get(0));
        Path printed = dir.resolve("printed.csv");
        Files.write(printed, lines.subList(1, 4));
        Path ref = dir.resolve("ref.csv");
        Files.write(ref, Files.readAllLines(fx("keras_3layer.outputs.csv")).subList(0, 3));
        assertClose(ref, printed);

        JsonNode j = new ObjectMapper().readTree(ok("nn", "predict", model.toString(), "--input", in.toString(),
                "--json").out());
        assertEquals(3, j.get("rows").asInt());
        assertEquals(5, j.get("values").get(2).size());
    }

    @Test
    void exportWritesHeaderAndOnnx(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("m");
        ok("nn", "import-keras", fx("KERAS_3layer_batch_norm.json").toString(), "--weights",
                fx("KERAS_3layer_batch_norm_weights.h5").toString(), "--out", model.toString());
        Path h = dir.resolve("out/model.h");
        CliRunner.Result r = ok("nn", "export", model.toString(), "--format", "cpp", "--out", h.toString(),
                "--namespace", "bn_model");
        assertTrue(r.out().startsWith("wrote "), r.out());
        assertTrue(Files.readString(h).contains("namespace bn_model {"));
        Path onnx = dir.resolve("out/model.onnx");
        JsonNode j = new ObjectMapper().readTree(ok("nn", "export", model.toString(), "--format", "onnx", "--out",
                onnx.toString(), "--json").out());
        assertEquals(Files.size(onnx), j.get("bytes").asLong());
        assertEquals(16, j.get("inputs").size());
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(2, files.count(), "no temporary files");
        }
    }

    @Test
    void errorsAreOneLineWithTheRightExitCode(@TempDir Path dir) throws IOException {
        CliRunner.Result r = CliRunner.run("nn", "export", dir.toString(), "--format", "cpp", "--out", "x.h");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("vbfann: " + dir.resolve("model.json") + ": no model here (expected a model directory with"
                + " model.json)\n", r.err().replace("\r\n", "\n"));

        Path model = dir.resolve("m");
        ok("nn", "import-keras", fx("keras_3layer.h5").toString(), "--out", model.toString());
        Path json = model.resolve("model.json");
        Files.writeString(json, Files.readString(json).replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
        r = CliRunner.run("nn", "predict", model.toString(), "--input", fx("inputs_16.csv").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().startsWith("vbfann: " + json + ": $.formatVersion: is 9; this vbfann reads versions 1 to 1"),
                r.err());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2,3\n");
        ok("nn", "import-keras", fx("keras_3layer.h5").toString(), "--out", dir.resolve("m2").toString());
        r = CliRunner.run("nn", "predict", dir.resolve("m2").toString(), "--input", bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("bad.csv: 3 columns but the model has 16 inputs"), r.err());

        r = CliRunner.run("nn", "export", dir.resolve("m2").toString(), "--format", "pdf", "--out", "x");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        r = CliRunner.run("nn", "import-keras", fx("KERAS_3layer.json").toString(), "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("give the weights with --weights WEIGHTS.h5"), r.err());
    }
}
