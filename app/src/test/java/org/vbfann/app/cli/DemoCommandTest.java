package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Histogram1D;
import org.vbfann.rootio.RootFile;

/** {@code vbfann demo} end to end at a tiny scale, then once more to see finished stages skipped. */
class DemoCommandTest {
    @Test
    void theWholeChainGivesSaneNumbersAndARerunSkipsFinishedStages(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("demo");
        CliRunner.Result r = CliRunner.run("demo", "--out", out.toString(), "--scale", "0.05", "--seed", "2",
                "--epochs", "8", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode s = NnFiles.JSON.readTree(r.out());
        JsonNode auc = s.path("test_auc");
        for (String d : new String[] {"nn", "mela", "djet"}) {
            double a = auc.path(d).asDouble(Double.NaN);
            assertTrue(a > 0.5 && a <= 1, d + " AUC " + a);
        }
        JsonNode y = s.path("yields_vbf_sr");
        for (Iterator<Map.Entry<String, JsonNode>> it = y.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            double cards = e.getValue().path("cards").asDouble(Double.NaN);
            double truth = e.getValue().path("truth").asDouble(Double.NaN);
            assertTrue(Double.isFinite(cards) && cards >= 0 && Double.isFinite(truth), e.getKey() + " " + e.getValue());
        }
        // the cards' weighted sums and the generator's expectation describe the same events: qqH within 15 %
        double qqH = y.path("qqH").path("cards").asDouble();
        assertTrue(Math.abs(qqH / y.path("qqH").path("truth").asDouble() - 1) < 0.15, y.toString());
        assertEquals(y.path("data_obs").path("truth").asDouble(), y.path("data_obs").path("cards").asDouble(), 1e-9,
                "every pseudo-data event of the VBF-SR is in the cards");
        double zx = 0;
        for (String fs : new String[] {"4mu", "4e", "2e2mu", "2mu2e"}) {
            JsonNode z = s.path("zplusx").path(fs);
            assertTrue(Double.isFinite(z.path("estimate").asDouble(Double.NaN)) && z.path("stat").asDouble() >= 0
                    && z.path("truth").asDouble() > 0, fs + " " + z);
            zx += z.path("estimate").asDouble();
        }
        // the true VBF-SR Z+X is about 5 events at any scale; the estimate from few control-region events is rough
        assertTrue(zx > 1 && zx < 15, "Z+X estimate " + zx);
        assertEquals(zx, y.path("zjets").path("cards").asDouble(), 1e-6, "the cards carry the Z+X estimate");
        JsonNode trainingZx = NnFiles.JSON.readTree(out.resolve("zx/training/yields.json").toFile());
        JsonNode processes = NnFiles.JSON.readTree(out.resolve("dataset/dataset.json").toFile()).path("processes");
        JsonNode zxProcess = processes.get(processes.size() - 1);
        assertEquals("ZX", zxProcess.path("key").asText(), "Z+X is a training background, as in the guide");
        assertEquals(trainingZx.path("yields").path("4l").path("yield").asDouble(),
                zxProcess.path("sumWeightsAfter").asDouble(), 1e-9, "scaled to the VBF-SR Z+X estimate");
        JsonNode lim = s.path("limit_r_95cl");
        double obs = lim.path("observed").asDouble(Double.NaN);
        assertTrue(obs > 0 && Double.isFinite(obs), lim.toString());
        double previous = 0;
        for (String q : StatsLimitCommand.QUANTILE_KEYS) {
            double v = lim.path("expected").path(q).asDouble(Double.NaN);
            assertTrue(v > previous && Double.isFinite(v), "expected band must rise: " + lim);
            previous = v;
        }
        assertTrue(Double.isFinite(s.path("significance").path("observed").asDouble(Double.NaN)));
        assertTrue(s.path("significance").path("expected_r1").asDouble() > 0, s.toString());
        for (String f : new String[] {"ntuples/truth.json", "dataset/dataset.json", "model/model.json", "model/roc.png",
            "scored/histos4mu_25ns/output_data_obs.root", "scored/ZplusX/ZplusX_DataRunIISummer16_03Feb2017.root",
            "zx/yields.json", "zx/shapes.root", "datacards/datacard_ch4mu.txt", "datacards/datacard_combined.txt", "datacards/shapes.root",
            "stats/limit.json", "plots/stack_prefit_ch4mu.png", "summary.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }

        // the applied score separates as in training: qqH sits higher than ggH in every channel's template
        try (RootFile f = RootFile.open(out.resolve("datacards/shapes.root"))) {
            for (String ch : new String[] {"ch4mu", "ch4e", "ch2e2mu"}) {
                double sig = upperHalf(f.histogram1D(ch + "/qqH"));
                double bkg = upperHalf(f.histogram1D(ch + "/ggH"));
                assertTrue(sig > bkg + 0.2, ch + ": qqH has " + sig + " of its yield at score > 0.5, ggH " + bkg);
            }
        }

        CliRunner.Result again = CliRunner.run("demo", "--out", out.toString(), "--scale", "0.05", "--seed", "2",
                "--epochs", "8");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(11, again.err().split("done before, skipped", -1).length - 1, again.err());
        assertTrue(again.out().contains("95% CL upper limit on r"), again.out());
        assertTrue(again.out().contains(String.format(java.util.Locale.ROOT, "observed %.3f", obs)), again.out());

        CliRunner.Result retrain = CliRunner.run("demo", "--out", out.toString(), "--scale", "0.05", "--seed", "2",
                "--epochs", "6");
        assertEquals(0, retrain.exitCode(), retrain.err());
        assertEquals(3, retrain.err().split("done before, skipped", -1).length - 1, "only generate, the fake rates and"
                + " dataset build are kept for another number of epochs: " + retrain.err());
    }

    private static double upperHalf(Histogram1D h) {
        double s = 0;
        for (int b = 1; b <= h.axis().bins(); b++) {
            s += h.axis().center(b) > 0.5 ? h.content(b) : 0;
        }
        return s / h.integral();
    }
}
