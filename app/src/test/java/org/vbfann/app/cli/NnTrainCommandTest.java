package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.ml.io.ModelReader;
import org.vbfann.physics.dataset.Dataset;
import org.vbfann.physics.dataset.DatasetFiles;
import org.vbfann.physics.dataset.ToyNtuples;

class NnTrainCommandTest {
    static final String FEATURES = "f_lept1_pt,f_lept1_eta,f_jets_highpt_pt[0],f_jets_highpt_eta[0],"
            + "f_jets_highpt_pt[1],f_jets_highpt_eta[1],mjj,detajj";

    @TempDir
    static Path dir;
    static Path dataset;

    /** Writes toy ntuples of three processes and builds a dataset from them with the command. */
    static Path buildDataset(Path root) {
        ToyNtuples.write(root.resolve("histos4mu_25ns/output_VBF_HToZZTo4L_M125.root"), new ToyNtuples.Spec(1500, 1, true, 0.01), 0, 0);
        ToyNtuples.write(root.resolve("histos4e_25ns/output_VBF_HToZZTo4L_M125.root"), new ToyNtuples.Spec(1000, 2, true, 0.01), 0, 0);
        ToyNtuples.write(root.resolve("histos2e2mu_25ns/output_GluGluHToZZTo4L_M125.root"), new ToyNtuples.Spec(800, 3, false, 0.03), 0, 0);
        ToyNtuples.write(root.resolve("histos4mu_25ns/output_ZZTo4L_13TeV_powheg.root"), new ToyNtuples.Spec(6000, 4, false, 0.05), 0, 0);
        Path out = root.resolve("dataset");
        CliRunner.Result r = CliRunner.run("dataset", "build", "--files", root + "/histos*/output_*.root",
                "--keys", "qqH,ggH,qqZZ", "--tags", "VBF_H,GluGluH,ZZTo4L_13TeV", "--signal", "qqH",
                "--selection", "f_Nbjets <= 1 && f_mass4l >= 100", "--njets-min", "2", "--features", FEATURES,
                "--split", "0.5,0.25,0.25", "--seed", "5", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    @BeforeAll
    static void data() {
        dataset = buildDataset(dir);
    }

    static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void datasetBuildPrintsTheYieldTableAndWritesBothFiles() throws IOException {
        assertTrue(Files.isRegularFile(dataset.resolve("dataset.root")));
        JsonNode j = json(dataset.resolve("dataset.json"));
        assertEquals("vbfann-dataset", j.path("format").asText());
        assertEquals(3, j.path("processes").size());
        assertEquals("f_jets_highpt_pt_0", j.path("features").path(2).path("column").asText());
        CliRunner.Result r = CliRunner.run("dataset", "build", "--files", dir + "/histos*/output_*.root",
                "--keys", "qqH,ggH,qqZZ", "--tags", "VBF_H,GluGluH,ZZTo4L_13TeV", "--signal", "qqH",
                "--features", "f_lept1_pt", "--quiet", "--out", dir.resolve("d2").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("process"), r.out());
        assertTrue(r.out().contains("qqH          signal       2500"), r.out());
    }

    @Test
    void datasetBuildErrorsAreOneLineWithTheCause() {
        CliRunner.Result branch = CliRunner.run("dataset", "build", "--files", dir + "/histos*/output_*.root",
                "--keys", "qqH,ggH,qqZZ", "--tags", "VBF_H,GluGluH,ZZTo4L_13TeV", "--signal", "qqH",
                "--features", "f_lept1_ptt", "--out", dir.resolve("bad").toString());
        assertEquals(ExitCodes.BAD_INPUT, branch.exitCode());
        assertTrue(branch.err().startsWith("vbfann: ") && branch.err().contains("has no branch 'f_lept1_ptt'"
                + " (used in 'f_lept1_ptt'); did you mean f_lept1_pt"), branch.err());
        CliRunner.Result key = CliRunner.run("dataset", "build", "--files", dir + "/histos*/output_*.root",
                "--keys", "qqH,ggH,qqZZ", "--tags", "VBF_H,GluGluH,ZZTo4L_13TeV", "--signal", "VBF",
                "--features", "f_lept1_pt", "--out", dir.resolve("bad").toString());
        assertEquals("vbfann: signal key 'VBF' is not one of the keys [qqH, ggH, qqZZ]\n", key.err().replace("\r", ""));
        CliRunner.Result glob = CliRunner.run("dataset", "build", "--files", dir + "/nothing*/x.root",
                "--keys", "qqH,ZZ", "--tags", "VBF_H,ZZTo4L", "--signal", "qqH", "--features", "f_lept1_pt",
                "--out", dir.resolve("bad").toString());
        assertEquals(ExitCodes.IO, glob.exitCode());
        assertTrue(glob.err().contains("no file matches '" + dir + "/nothing*/x.root'"), glob.err());
        assertTrue(!Files.exists(dir.resolve("bad/dataset.json")));
    }

    @Test
    void trainWritesModelHistoryPlotsAndMetrics() throws IOException {
        Path out = dir.resolve("model");
        CliRunner.Result r = CliRunner.run("nn", "train", "--dataset", dataset.toString(), "--out", out.toString(),
                "--layers", "16 8", "--max-epochs", "6", "--patience", "3", "--batch-size", "64", "--weighting",
                "balanced", "--seed", "3");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("epoch 1/6: loss"), r.err());
        assertTrue(r.out().contains("network") && r.out().contains("f_Djet_VAJHU") && r.out().contains("f_D_jet"), r.out());
        for (String f : new String[] {"model.json", "history.csv", "loss.png", "roc.png", "scores.png", "metrics.json"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(ModelReader.read(out.resolve("model.json")).model().features().get(2), "f_jets_highpt_pt[0]");
        String[] history = Files.readString(out.resolve("history.csv")).split("\n");
        assertEquals("epoch,loss,val_loss,val_auc,seconds", history[0]);
        JsonNode m = json(out.resolve("metrics.json"));
        assertTrue(m.path("test").path("nn").path("auc").asDouble() > 0.75, m.toString());
        assertEquals(history.length - 1, m.path("epochs").asInt());
        assertTrue(m.path("ks").path("signal").path("pValue").asDouble() >= 0);
        checkReferenceCutAgainstALoop(m.path("test").path("f_D_jet"), 1);
    }

    /**
     * The reference's s and b at the reported cut, recomputed by a plain loop over the test split with every
     * process's weights scaled to its selected yield.
     */
    private static void checkReferenceCutAgainstALoop(JsonNode ref, int q) {
        Dataset d = DatasetFiles.read(dataset);
        Dataset.Split test = d.split("test");
        double cut = ref.path("cut").asDouble();
        double s = 0;
        double b = 0;
        for (int r = 0; r < test.rows(); r++) {
            Dataset.ProcessSummary p = d.processes().get(test.process()[r]);
            double w = test.weight()[r] * p.sumWAfter() / p.splitSumW()[2];
            if (test.reference()[q][r] >= cut) {
                if (p.signal()) {
                    s += w;
                } else {
                    b += w;
                }
            }
        }
        assertEquals(s, ref.path("signal").asDouble(), 1e-9 * Math.abs(s));
        assertEquals(b, ref.path("background").asDouble(), 1e-9 * Math.abs(b));
        assertEquals(s / Math.sqrt(s + b), ref.path("sOverSqrtSB").asDouble(), 1e-9);
    }

    @Test
    void multiClassTrainingHasOneOutputPerGroup() throws IOException {
        Path out = dir.resolve("multi");
        CliRunner.Result r = CliRunner.run("nn", "train", "--dataset", dataset.toString(), "--out", out.toString(),
                "--layers", "8", "--max-epochs", "2", "--groups", "VBF=qqH,ggH=ggH,ZZ=qqZZ", "--quiet", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(3, ModelReader.read(out.resolve("model.json")).model().outputs());
        assertTrue(new ObjectMapper().readTree(r.out()).path("test").path("nn").path("auc").asDouble() > 0.5);
    }

    @Test
    void configsThatCannotTrainAreClearErrors() {
        String ds = dataset.toString();
        CliRunner.Result input = CliRunner.run("nn", "train", "--dataset", ds, "--out", dir.resolve("x").toString(),
                "--inputs", "mjj,detaj");
        assertEquals(ExitCodes.BAD_INPUT, input.exitCode());
        assertTrue(input.err().startsWith("vbfann: input 'detaj' is not a feature of the dataset [")
                && input.err().contains("did you mean detajj?"), input.err());
        CliRunner.Result diverge = CliRunner.run("nn", "train", "--dataset", ds, "--out", dir.resolve("x").toString(),
                "--optimizer", "sgd", "--learning-rate", "1e12", "--max-epochs", "3", "--quiet", "--no-standardize");
        assertEquals(ExitCodes.BAD_INPUT, diverge.exitCode());
        assertTrue(diverge.err().contains("lower the learning rate"), diverge.err());
        CliRunner.Result batch = CliRunner.run("nn", "train", "--dataset", ds, "--out", dir.resolve("x").toString(),
                "--batch-size", "0");
        assertEquals("vbfann: training: batch size, max epochs, patience and threads must be positive, got 0, 200, 10, 1\n",
                batch.err().replace("\r", ""));
        CliRunner.Result group = CliRunner.run("nn", "train", "--dataset", ds, "--out", dir.resolve("x").toString(),
                "--groups", "VBF=qqH,rest=ggH");
        assertEquals("vbfann: key 'qqZZ' is in no class group; groups are {VBF=[qqH], rest=[ggH]}\n",
                group.err().replace("\r", ""));
        assertTrue(!Files.exists(dir.resolve("x/metrics.json")));
    }
}
