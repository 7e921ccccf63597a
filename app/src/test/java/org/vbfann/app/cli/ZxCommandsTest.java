package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Histogram1D;
import org.vbfann.core.Histogram2D;
import org.vbfann.physics.expr.Expression;
import org.vbfann.physics.zx.FakeRateFile;
import org.vbfann.physics.zx.FakeRateMap;
import org.vbfann.physics.zx.ZplusXInputs;
import org.vbfann.physics.zx.ZplusXYield;
import org.vbfann.physics.zx.ZxFinalState;
import org.vbfann.rootio.RootFile;

/**
 * {@code vbfann zx fakerates} and {@code zx estimate} on the generator's Z+X files: the same numbers as the
 * library on the same trees, and the true Z+X of truth.json recovered as in the library's closure test.
 */
class ZxCommandsTest {
    private static final String PT = "5,10,20,30,1000";
    /** Barrel/endcap for both flavours; muons stop at 2.4, inside the last bin. */
    private static final String ETA = "0,1.479,2.5";
    @TempDir
    static Path dir;
    private static Path data;
    private static Path wz;
    private static Path zz;
    private static Path out;
    private static FakeRateMap electrons;
    private static FakeRateMap muons;

    @BeforeAll
    static void generateAndMeasure() {
        CliRunner.Result gen = CliRunner.run("generate", "--out", dir.resolve("gen").toString(), "--scale", "0.01",
                "--seed", "77");
        assertEquals(0, gen.exitCode(), gen.err());
        data = dir.resolve("gen").resolve(DemoCommand.ZX_DATA);
        wz = dir.resolve("gen").resolve(DemoCommand.ZX_PROMPT_WZ);
        zz = dir.resolve("gen").resolve(DemoCommand.ZX_PROMPT_ZZ);
        out = dir.resolve("zx");
        CliRunner.Result r = CliRunner.run("zx", "fakerates", "--data", data.toString(), "--prompt", wz.toString(),
                "--out", out.toString(), "--pt-edges", PT, "--eta-edges", ETA, "--json");
        assertEquals(0, r.exitCode(), r.err());
        double[] pt = {5, 10, 20, 30, 1000};
        double[] eta = {0, 1.479, 2.5};
        electrons = new FakeRateMap(11, pt, eta);
        muons = new FakeRateMap(13, pt, eta);
        ZplusXInputs.addProbes(electrons, muons, ZxFiles.read(data, "FakeRate"), false);
        ZplusXInputs.addProbes(electrons, muons, ZxFiles.read(wz, "FakeRate"), true);
    }

    @Test
    void fakeRatesFileHoldsTheLibrarysMaps() {
        assertTrue(Files.isRegularFile(out.resolve("fakerate_e.png")));
        assertTrue(Files.isRegularFile(out.resolve("fakerate_mu.png")));
        try (RootFile f = RootFile.open(out.resolve("fakerates.root"))) {
            for (FakeRateMap m : List.of(electrons, muons)) {
                Histogram2D h = f.histogram2D(m.flavour() == 11 ? "ElectronPtEtaMapFR" : "MuonPtEtaMapFR");
                Histogram2D den = f.histogram2D(h.name() + "_denominator");
                assertEquals(4, h.xAxis().bins());
                assertEquals(2, h.yAxis().bins());
                for (int ix = 1; ix <= 4; ix++) {
                    for (int iy = 1; iy <= 2; iy++) {
                        assertTrue(m.denominator(ix, iy) > 0, "every bin filled at this scale");
                        assertEquals(m.rate(ix, iy), h.content(ix, iy), 1e-15, m.flavour() + " " + ix + "," + iy);
                        assertEquals(m.uncertainty(ix, iy), h.error(ix, iy), 1e-15);
                        assertEquals(m.denominator(ix, iy), den.content(ix, iy), 1e-9);
                    }
                }
            }
        }
    }

    @Test
    void estimateEqualsTheLibraryAndRecoversTheTruth() throws Exception {
        Path est = dir.resolve("estimate");
        CliRunner.Result r = CliRunner.run("zx", "estimate", "--fakerates", out.resolve("fakerates.root").toString(),
                "--data", data.toString(), "--zz", zz.toString(), "--region", "vbf", "--shape", "f_mass4l",
                "--bins", "14", "--range", "117:131", "--out", est.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode y = NnFiles.JSON.readTree(r.out()).get("yields");
        assertEquals(NnFiles.JSON.readTree(est.resolve("yields.json").toFile()).get("yields"), y);

        Expression vbf = Expression.parse(DemoCommand.VBF_SR);
        Map<ZxFinalState, ZplusXYield> lib = ZplusXInputs.emptyYields();
        ZplusXInputs.addControlRegion(lib, ZxFiles.read(data, "ControlRegions"), vbf, electrons, muons, false);
        ZplusXInputs.addControlRegion(lib, ZxFiles.read(zz, "ControlRegions"), vbf, electrons, muons, true);
        JsonNode truth = NnFiles.JSON.readTree(dir.resolve("gen/truth.json").toFile()).get("zplusx");
        double total = 0;
        double var = 0;
        double totalTruth = 0;
        try (RootFile shapes = RootFile.open(est.resolve("shapes.root"))) {
            for (ZxFinalState fs : ZxFinalState.values()) {
                ZplusXYield.Value v = lib.get(fs).yield(ZplusXYield.Formula.GUIDE);
                JsonNode row = y.get(fs.label());
                assertEquals(v.yield(), row.get("yield").asDouble(), 1e-9 * Math.abs(v.yield()), fs.label());
                assertEquals(v.stat(), row.get("stat").asDouble(), 1e-9 * v.stat(), fs.label());
                assertEquals(v.fakeRateStat(), row.get("fr_stat").asDouble(), 1e-9 * v.fakeRateStat(), fs.label());
                assertTrue(v.fakeRateStat() > 0, fs.label() + " depends on the measured rates");
                assertEquals(0.0, row.get("syst").asDouble(), fs.label() + ": no composition maps given");
                double sigma = Math.hypot(v.stat(), v.fakeRateStat());
                assertEquals(sigma, row.get("total").asDouble(), 1e-9 * sigma, fs.label());
                double t = truth.get(fs.label()).get("VBF-SR").asDouble();
                assertEquals(t, v.yield(), 3 * sigma, fs.label() + ": closure within 3 sigma");
                Histogram1D h = shapes.histogram1D(fs.label() + "/zjets");
                assertEquals(v.yield(), h.integralWithFlow(), 1e-9 * Math.abs(v.yield()), "shape normalised");
                total += v.yield();
                var += v.stat() * v.stat();
                totalTruth += t;
            }
        }
        assertEquals(total, y.get("4l").get("yield").asDouble(), 1e-9 * total);
        assertEquals(Math.sqrt(var), y.get("4l").get("stat").asDouble(), 1e-9 * Math.sqrt(var));
        assertEquals(totalTruth, total, 3 * y.get("4l").get("total").asDouble(), "4l closure within 3 sigma");
        assertTrue(Files.isRegularFile(est.resolve("zx_shapes.png")));
    }

    /**
     * Z+X as a training background: the ZX key holds the 2P2F and 3P1F candidates passing the selection, with
     * fake-rate weights scaled to the given yield; the ratio of its sums before and after the selection is that of
     * the library's fake-rate weights over all candidates and over the selected ones.
     */
    @Test
    void datasetBuildTakesZplusXAsATrainingBackground() throws Exception {
        Path ds = dir.resolve("dataset-zx");
        Path yields = dir.resolve("zx-yields.json");
        Files.writeString(yields, "{\"yields\": {\"4l\": {\"yield\": 5.08}}}");
        Path gen = dir.resolve("gen");
        CliRunner.Result r = CliRunner.run("dataset", "build", "--files", gen + "/histos*/output_VBF_*.root," + gen
                + "/histos*/output_GluGluH*.root," + data, "--keys", "qqH,ggH,ZX", "--tags",
                "VBF_HToZZ,GluGluHToZZ,ZplusX_Data", "--signal", "qqH", "--selection", DemoCommand.VBF_SR,
                "--features", "f_jets_highpt_pt[0],f_jets_highpt_eta[0],mjj,detajj,f_mass4l", "--zx-key", "ZX",
                "--zx-fakerates", out.resolve("fakerates.root").toString(), "--zx-yield", yields.toString(),
                "--out", ds.toString(), "--quiet", "--json");
        assertEquals(0, r.exitCode(), r.err());
        org.vbfann.physics.dataset.Dataset d = org.vbfann.physics.dataset.DatasetFiles.read(ds);
        org.vbfann.physics.dataset.Dataset.ProcessSummary zx = d.processes().get(2);
        assertEquals("ZX", zx.key());
        assertEquals(5.08, zx.sumWAfter(), 1e-9);

        org.vbfann.core.EventTable cr = ZxFiles.read(data, "ControlRegions");
        boolean[] selected = Expression.parse(DemoCommand.VBF_SR).select(cr);
        double[] w = ZplusXInputs.fakeRateWeights(cr, electrons, muons);
        int[] p2 = cr.column("f_2p2f").ints();
        int[] p3 = cr.column("f_3p1f").ints();
        long candidates = 0;
        double sumSel = 0;
        double sumAll = 0;
        for (int i = 0; i < cr.entries(); i++) {
            candidates += selected[i] && (p2[i] == 1 || p3[i] == 1) ? 1 : 0;
            sumSel += selected[i] ? w[i] : 0;
            sumAll += w[i];
        }
        assertTrue(candidates > 20, "enough Z+X candidates in the VBF-SR: " + candidates);
        assertEquals(candidates, zx.eventsAfter());
        assertEquals(cr.entries(), zx.eventsBefore());
        assertEquals(sumAll / sumSel, zx.sumWBefore() / zx.sumWAfter(), 1e-9);
        // final states from the flavours, and D_jet computed where the control-region tree lacks it
        org.vbfann.physics.dataset.Dataset.Split train = d.split("train");
        int djet = d.references().indexOf("f_D_jet");
        assertTrue(djet >= 0, "f_D_jet kept as a reference");
        for (int row = 0; row < train.rows(); row++) {
            if (train.process()[row] == 2) {
                assertTrue(train.finalState()[row] >= 0, "row " + row);
                assertTrue(train.reference()[djet][row] > 0, "row " + row + " D_jet " + train.reference()[djet][row]);
            }
        }
        CliRunner.Result missing = CliRunner.run("dataset", "build", "--files", data.toString(), "--keys", "ZX",
                "--tags", "ZplusX", "--signal", "ZX", "--features", "mjj", "--zx-key", "ZX", "--out", ds.toString());
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("Z+X training needs --zx-key, --zx-fakerates and --zx-yield together"),
                missing.err());
        CliRunner.Result noKey = CliRunner.run("dataset", "build", "--files", gen + "/histos*/output_VBF_*.root," + data,
                "--keys", "qqH,ZX", "--tags", "VBF_HToZZ,ZplusX_Data", "--signal", "qqH", "--features", "mjj", "--quiet",
                "--out", ds.toString());
        assertEquals(ExitCodes.BAD_INPUT, noKey.exitCode(), noKey.err());
        assertTrue(noKey.err().contains("no tree 'HZZ4LeptonsAnalysisReduced'; keys are [FakeRate, ControlRegions]; for"
                + " Z+X control regions make its key the Z+X key (--zx-key)"), noKey.err());
    }

    @Test
    void printsTheSummaryTable() {
        CliRunner.Result r = CliRunner.run("zx", "estimate", "--fakerates", out.resolve("fakerates.root").toString(),
                "--data", data.toString(), "--region", "smhiggs", "--formula", "full");
        assertEquals(0, r.exitCode(), r.err());
        for (String label : new String[] {"4mu", "4e", "2e2mu", "2mu2e", "2l2l", "4l"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(label + " ")), label + " in\n" + r.out());
        }
    }

    @Test
    void emptyBinsAndRatesOfOneAreNamedInOneLine() {
        double[] pt = {5, 1000};
        double[] eta = {0, 2.5};
        FakeRateMap emptyMuons = new FakeRateMap(13, pt, eta);
        assertOneLineError(electrons, emptyMuons, "vbfann: muon fake rate in bin pT [5, 1000) GeV, |eta| [0, 2.5) is"
                + " undefined (denominator 0): it must be in [0, 1); merge bins or add Z+l events");
        FakeRateMap allTight = new FakeRateMap(13, pt, eta);
        allTight.add(20, 1, true, false, 1);
        assertOneLineError(electrons, allTight, "vbfann: muon fake rate in bin pT [5, 1000) GeV, |eta| [0, 2.5) is 1.0"
                + " (denominator 1): it must be in [0, 1); merge bins or add Z+l events");
    }

    private static void assertOneLineError(FakeRateMap e, FakeRateMap m, String expected) {
        Path file = dir.resolve("bad-" + System.nanoTime() + ".root");
        FakeRateFile.write(file, e, m);
        CliRunner.Result r = CliRunner.run("zx", "estimate", "--fakerates", file.toString(), "--data", data.toString(),
                "--region", "smhiggs");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(expected, r.err().strip());
    }

    @Test
    void identicalSystematicMapsGiveNoSystematic() throws Exception {
        String rates = out.resolve("fakerates.root").toString();
        CliRunner.Result r = CliRunner.run("zx", "estimate", "--fakerates", rates, "--data", data.toString(),
                "--syst-maps", rates + "," + rates, "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode y = NnFiles.JSON.readTree(r.out()).get("yields");
        for (String label : new String[] {"4mu", "4e", "2e2mu", "2mu2e", "2l2l", "4l"}) {
            assertEquals(0, y.get(label).get("syst").asDouble(), label);
            assertEquals(Math.hypot(y.get(label).get("stat").asDouble(), y.get(label).get("fr_stat").asDouble()),
                    y.get(label).get("total").asDouble(), 1e-12, label);
        }
    }

    @Test
    void missingBranchesAreNamed() {
        Path skimmed = dir.resolve("skimmed.root");
        CliRunner.Result s = CliRunner.run("root", "skim", data + ":FakeRate", skimmed.toString(), "--branches",
                "f_weight");
        assertEquals(0, s.exitCode(), s.err());
        CliRunner.Result r = CliRunner.run("zx", "fakerates", "--data", skimmed.toString(), "--out",
                dir.resolve("skimmed-out").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("vbfann: FakeRate tree lacks branches f_zee_e_pt_loose, f_zee_e_eta_loose,"),
                r.err());
        assertFalse(Files.exists(dir.resolve("skimmed-out").resolve("fakerates.root")), "nothing written");
    }

    @Test
    void missingInputsAreNamed() {
        CliRunner.Result r = CliRunner.run("zx", "estimate", "--fakerates", dir.resolve("none.root").toString(),
                "--data", data.toString());
        assertFalse(r.exitCode() == 0);
        assertTrue(r.err().startsWith("vbfann: ") && r.err().contains("none.root"), r.err());
        CliRunner.Result d = CliRunner.run("zx", "fakerates", "--data", dir.resolve("nodata.root").toString(),
                "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.IO, d.exitCode());
        assertTrue(d.err().contains("nodata.root: no such file"), d.err());
    }
}
