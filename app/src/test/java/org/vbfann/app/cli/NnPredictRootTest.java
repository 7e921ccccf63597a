package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.ml.Activation;
import org.vbfann.ml.ActivationLayer;
import org.vbfann.ml.DenseLayer;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.Standardization;
import org.vbfann.ml.io.ModelFile;
import org.vbfann.ml.io.ModelWriter;
import org.vbfann.testkit.Fixtures;

/** {@code nn predict} on a ROOT tree, against the same rows given as CSV from the fixture's JSROOT manifest. */
class NnPredictRootTest {
    private static final List<String> FEATURES = List.of("MET_px", "MET_py", "NJet", "NMuon");

    private static Path model(Path dir) {
        double[] p = new double[4 * 3 + 3 + 3 + 1];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.sin(1.7 * i + 0.3);
        }
        Mlp net = new Mlp(FEATURES, new Standardization(new double[] {0, 0, 1, 1.5}, new double[] {30, 30, 1, 0.7}),
                List.of(new DenseLayer("d1", 4, 3), new ActivationLayer("a", 3, Activation.TANH),
                        new DenseLayer("d2", 3, 1)), Activation.SIGMOID, List.of("score"), p);
        ModelWriter.write(ModelFile.of(net), dir.resolve("m"));
        return dir.resolve("m");
    }

    @Test
    void treeEntriesGiveTheSameScoresAsTheirCsvRows(@TempDir Path dir) throws Exception {
        Path model = model(dir);
        Path root = Fixtures.path("root/uproot-HZZ.root");
        JsonNode values = new ObjectMapper().readTree(Fixtures.path("root/uproot-HZZ.root.json").toFile())
                .get("trees").get(0).get("values");
        StringBuilder csv = new StringBuilder(String.join(",", FEATURES)).append('\n');
        for (int r = 0; r < 20; r++) {
            for (int j = 0; j < FEATURES.size(); j++) {
                csv.append(j == 0 ? "" : ",").append(values.get(FEATURES.get(j)).get(r).asDouble());
            }
            csv.append('\n');
        }
        Files.writeString(dir.resolve("head.csv"), csv);
        CliRunner.Result fromCsv = CliRunner.run("nn", "predict", model.toString(), "--input", dir.resolve("head.csv").toString());
        CliRunner.Result fromTree = CliRunner.run("nn", "predict", model.toString(), "--input", root + ":events", "--json");
        assertEquals(0, fromCsv.exitCode(), fromCsv.err());
        assertEquals(0, fromTree.exitCode(), fromTree.err());
        JsonNode tree = new ObjectMapper().readTree(fromTree.out());
        assertEquals(2421, tree.get("rows").asInt());
        List<String> lines = fromCsv.out().lines().toList();
        for (int r = 0; r < 20; r++) {
            assertEquals(Double.parseDouble(lines.get(r)), tree.get("values").get(r).get(0).asDouble(), 0.0, "entry " + r);
        }
    }

    @Test
    void missingBranchesAndElementsAreNamed(@TempDir Path dir) {
        Path model = model(dir);
        String root = Fixtures.path("root/uproot-HZZ.root").toString();
        CliRunner.Result r = CliRunner.run("nn", "predict", model.toString(), "--input", root + ":events");
        assertEquals(0, r.exitCode(), r.err());
        // The only tree is found without :TREE; a model input that is not a branch is named.
        Path json = model.resolve("model.json");
        try {
            Files.writeString(json, Files.readString(json).replace("\"NMuon\"", "\"f_mjj\""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        r = CliRunner.run("nn", "predict", model.toString(), "--input", root);
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().startsWith("vbfann: " + root + ": tree 'events' has no branch [f_mjj] needed by the model's"
                + " inputs [MET_px, MET_py, NJet, f_mjj]"), r.err());
    }
}
