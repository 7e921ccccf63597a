package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Column;
import org.vbfann.core.EventTable;
import org.vbfann.ml.Activation;
import org.vbfann.ml.ActivationLayer;
import org.vbfann.ml.DenseLayer;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.Standardization;
import org.vbfann.ml.io.ModelFile;
import org.vbfann.ml.io.ModelWriter;
import org.vbfann.rootio.BranchInfo;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.TreeReader;
import org.vbfann.testkit.Fixtures;

/** {@code nn apply} on the uproot HZZ sample: copied branches unchanged, the new one equal to the Java model. */
class NnApplyCommandTest {
    private static final List<String> FEATURES = List.of("MET_px", "MET_py", "NJet", "Jet_Px[0]");

    private static Mlp net() {
        double[] p = new double[4 * 3 + 3 + 3 + 1];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.cos(0.9 * i + 0.1);
        }
        return new Mlp(FEATURES, new Standardization(new double[] {0, 0, 1, 0}, new double[] {30, 30, 1, 50}),
                List.of(new DenseLayer("d1", 4, 3), new ActivationLayer("a", 3, Activation.ELU),
                        new DenseLayer("d2", 3, 1)), Activation.SIGMOID, List.of("score"), p);
    }

    @Test
    void copiesEveryBranchAndAddsTheScoreInsideTheCategory(@TempDir Path dir) throws Exception {
        ModelWriter.write(ModelFile.of(net()), dir.resolve("m"));
        Path in = Fixtures.path("root/uproot-HZZ.root");
        CliRunner.Result r = CliRunner.run("nn", "apply", dir.resolve("m").toString(), "--input", in + ":events",
                "--branch", "nn_score", "--out", dir.resolve("out").toString(), "--category", "MET_px > 0", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(2421, j.get("entries").asInt());
        long inCategory = j.get("files").get(0).get("inCategory").asLong();

        try (RootFile a = RootFile.open(in); RootFile b = RootFile.open(dir.resolve("out/uproot-HZZ.root"))) {
            TreeReader ta = a.tree("events");
            TreeReader tb = b.tree("events");
            List<String> names = new ArrayList<>();
            for (BranchInfo bi : ta.branches()) {
                names.add(bi.name());
            }
            EventTable ea = ta.read(names);
            EventTable eb = tb.read(names);
            for (String n : names) {
                Column ca = ea.column(n);
                Column cb = eb.column(n);
                assertEquals(ca.size(), cb.size(), n);
                for (int i = 0; i < ca.size(); i++) {
                    assertEquals(Double.doubleToRawLongBits(ca.getDouble(i)), Double.doubleToRawLongBits(cb.getDouble(i)),
                            n + " value " + i);
                }
            }
            float[] score = tb.read(List.of("nn_score")).column("nn_score").floats();
            Mlp net = net();
            double[] x = new double[4];
            double[] y = new double[1];
            long counted = 0;
            Column met = ea.column("MET_px");
            Column jets = ea.column("Jet_Px");
            for (int e = 0; e < score.length; e++) {
                boolean inside = met.getDouble(e) > 0 && jets.length(e) > 0;
                if (!inside) {
                    assertEquals(-1f, score[e], "entry " + e + " is outside the category");
                    continue;
                }
                counted++;
                x[0] = met.getDouble(e);
                x[1] = ea.column("MET_py").getDouble(e);
                x[2] = ea.column("NJet").getDouble(e);
                x[3] = jets.getDouble(jets.start(e));
                net.predictor(1).predict(x, 1, y);
                assertEquals((float) y[0], score[e], "entry " + e);
            }
            assertEquals(counted, inCategory);
            assertTrue(counted > 100 && counted < 2421, "both kinds of entries occur: " + counted);
        }
    }

    @Test
    void missingBranchIsNamedAndNothingIsWritten(@TempDir Path dir) {
        ModelWriter.write(ModelFile.of(net().withScaling(Standardization.identity(4))), dir.resolve("m"));
        Path in = Fixtures.path("root/uproot-Zmumu-zstd.root");
        CliRunner.Result r = CliRunner.run("nn", "apply", dir.resolve("m").toString(), "--input", in.toString(),
                "--branch", "s", "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.out());
        assertTrue(r.err().contains("has no branch [MET_px, MET_py, NJet, Jet_Px] needed by the model's inputs"), r.err());
        assertArrayEquals(new String[0], dir.resolve("out").toFile().list());
    }
}
