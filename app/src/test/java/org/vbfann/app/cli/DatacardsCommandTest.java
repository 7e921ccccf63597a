package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.core.Histogram1D;
import org.vbfann.rootio.BranchSpec;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.TreeWriter;
import org.vbfann.rootio.WriteOptions;
import org.vbfann.stats.Datacard;
import org.vbfann.stats.DatacardReader;

/** {@code vbfann datacards} on small hand-made ntuples, checked against histograms filled by a plain loop. */
class DatacardsCommandTest {
    static final int BINS = 5;
    static final String SELECTION = "f_mass4l >= 118 && f_mass4l <= 130";

    /** Columns of one small tree: score, m4l, weight, and for control regions the flags and lepton flavours. */
    record Events(double[] score, double[] mass, double[] weight, int[] region, int[] flavour) {
    }

    static Events events(long seed, int n, double meanScore, double weight) {
        SplittableRandom r = new SplittableRandom(seed);
        Events e = new Events(new double[n], new double[n], new double[n], new int[n], new int[n]);
        for (int i = 0; i < n; i++) {
            e.score[i] = Math.min(1, Math.max(0, meanScore + 0.25 * (r.nextDouble() - 0.5) * 4));
            e.mass[i] = 110 + 30 * r.nextDouble();
            e.weight[i] = weight * (0.5 + r.nextDouble());
            e.region[i] = r.nextInt(3);
            e.flavour[i] = r.nextBoolean() ? 13 : 11;
        }
        return e;
    }

    static void writeNtuple(Path file, Events e) {
        write(file, "HZZ4LeptonsAnalysisReduced", e, false);
    }

    static void write(Path file, String tree, Events e, boolean controlRegion) {
        int n = e.score.length;
        List<BranchSpec> specs = new ArrayList<>(List.of(BranchSpec.scalar("score", ElementType.FLOAT64),
                BranchSpec.scalar("f_mass4l", ElementType.FLOAT64), BranchSpec.scalar("f_weight", ElementType.FLOAT64)));
        List<Column> cols = new ArrayList<>(List.of(Column.ofDoubles("score", e.score), Column.ofDoubles("f_mass4l", e.mass),
                Column.ofDoubles("f_weight", e.weight)));
        if (controlRegion) {
            int[] p2f = new int[n];
            int[] p1f = new int[n];
            for (int i = 0; i < n; i++) {
                p2f[i] = e.region[i] == 1 ? 1 : 0;
                p1f[i] = e.region[i] == 2 ? 1 : 0;
            }
            specs.add(BranchSpec.scalar("f_2p2f", ElementType.INT32));
            specs.add(BranchSpec.scalar("f_3p1f", ElementType.INT32));
            cols.add(Column.ofInts("f_2p2f", p2f));
            cols.add(Column.ofInts("f_3p1f", p1f));
            for (int l = 1; l <= 4; l++) {
                specs.add(BranchSpec.scalar("f_lept" + l + "_pdgid", ElementType.INT32));
                cols.add(Column.ofInts("f_lept" + l + "_pdgid", e.flavour));
            }
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException x) {
            throw new IllegalStateException(x);
        }
        try (RootFileWriter w = RootFileWriter.create(file, WriteOptions.defaults()); TreeWriter t = w.tree(tree, "", specs)) {
            t.fill(EventTable.of(n, cols));
        }
    }

    /** The reference histogram: selected events, weighted, a score of 1 in the last bin. */
    static double[] byHand(Events e, boolean weighted, int region, int flavour) {
        return byHand(e, weighted, region, flavour, 1);
    }

    /** The same, for the score times {@code factor} (a shape variation). */
    static double[] byHand(Events e, boolean weighted, int region, int flavour, double factor) {
        double[] h = new double[BINS + 2];
        for (int i = 0; i < e.score.length; i++) {
            boolean inRegion = region < 0 || (e.region[i] != 0 && e.flavour[i] == flavour);
            if (e.mass[i] >= 118 && e.mass[i] <= 130 && inRegion) {
                h[Math.min(BINS, 1 + (int) (e.score[i] * factor * BINS))] += weighted ? e.weight[i] : 1;
            }
        }
        return h;
    }

    @Test
    void cardsAndShapesMatchTemplatesFilledByHandAndStatsLimitReadsThem(@TempDir Path dir) throws IOException {
        Events sig4mu = events(1, 400, 0.7, 0.01);
        Events bkg4mu = events(2, 600, 0.3, 0.02);
        Events data4mu = events(3, 40, 0.4, 1);
        Events sig4e = events(4, 300, 0.7, 0.01);
        Events bkg4e = events(5, 500, 0.3, 0.02);
        Events data4e = events(6, 30, 0.4, 1);
        Events cr = events(7, 800, 0.2, 1);
        writeNtuple(dir.resolve("histos4mu_25ns/output_sig.root"), sig4mu);
        writeNtuple(dir.resolve("histos4mu_25ns/output_bkg.root"), bkg4mu);
        writeNtuple(dir.resolve("histos4mu_25ns/output_data_obs.root"), data4mu);
        writeNtuple(dir.resolve("histos4e_25ns/output_sig.root"), sig4e);
        writeNtuple(dir.resolve("histos4e_25ns/output_bkg.root"), bkg4e);
        writeNtuple(dir.resolve("histos4e_25ns/output_data_obs.root"), data4e);
        write(dir.resolve("cr/zx.root"), "ControlRegions", cr, true);
        Path out = dir.resolve("cards");
        CliRunner.Result r = CliRunner.run("datacards", "--files", dir + "/histos*/*.root", "--keys", "sig,bkg",
                "--tags", "output_sig,output_bkg", "--signal", "sig", "--observable", "score", "--selection", SELECTION,
                "--bins", String.valueOf(BINS), "--zx-yield", "4mu=1.5,4e=0.5", "--zx-files", dir + "/cr/zx.root",
                "--shape", "sh:score * 0.9:score * 0.8", "--quiet", "--json", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = NnFiles.JSON.readTree(r.out());

        Map<String, Events[]> channels = Map.of("ch4mu", new Events[] {sig4mu, bkg4mu, data4mu},
                "ch4e", new Events[] {sig4e, bkg4e, data4e});
        try (RootFile f = RootFile.open(out.resolve("shapes.root"))) {
            for (Map.Entry<String, Events[]> c : channels.entrySet()) {
                String ch = c.getKey();
                assertCells(byHand(c.getValue()[0], true, -1, 0), f.histogram1D(ch + "/sig"));
                assertCells(byHand(c.getValue()[1], true, -1, 0), f.histogram1D(ch + "/bkg"));
                assertCells(byHand(c.getValue()[1], true, -1, 0, 0.9), f.histogram1D(ch + "/bkg_shUp"));
                assertCells(byHand(c.getValue()[0], true, -1, 0, 0.8), f.histogram1D(ch + "/sig_shDown"));
                assertTrue(!f.has(ch + "/zjets_shUp") && !f.has(ch + "/data_obs_shUp"), "variations of simulation only");
                double[] data = byHand(c.getValue()[2], true, -1, 0);
                assertCells(data, f.histogram1D(ch + "/data_obs"));
                double[] zx = byHand(cr, false, 1, ch.equals("ch4mu") ? 13 : 11);
                double yield = ch.equals("ch4mu") ? 1.5 : 0.5;
                double count = 0;
                for (double v : zx) {
                    count += v;
                }
                for (int b = 0; b < zx.length; b++) {
                    zx[b] *= yield / count;
                }
                assertCells(zx, f.histogram1D(ch + "/zjets"));

                Datacard card = DatacardReader.read(out.resolve("datacard_" + ch + ".txt"));
                assertEquals(Math.round(sum(data)), card.observations().get(ch));
                assertEquals(List.of("sig", "bkg", "zjets"), card.entries().stream().map(Datacard.Entry::process).toList());
                assertEquals(sum(byHand(c.getValue()[0], true, -1, 0)), card.entries().get(0).rate(), 1e-8);
                assertEquals(yield, card.entries().get(2).rate(), 1e-8);
                Datacard.Systematic sh = card.systematics().get(card.systematics().size() - 1);
                assertEquals("sh shape", sh.name() + " " + sh.type());
                assertTrue(sh.values()[0] != null && sh.values()[1] != null && sh.values()[2] == null, "sig, bkg only");
                assertEquals(sum(data), j.path("channels").path(ch).path("rates").path("data_obs").asDouble(), 1e-9);
            }
        }
        CliRunner.Result lim = CliRunner.run("stats", "limit", "--datacard", out.resolve("datacard_combined.txt").toString(),
                "--json");
        assertEquals(0, lim.exitCode(), lim.err());
        JsonNode l = NnFiles.JSON.readTree(lim.out());
        assertTrue(l.path("observed").asDouble() > 0 && l.path("expected").path("0.5").asDouble() > 0, lim.out());
    }

    @Test
    void readyZplusXTemplatesKeepTheirYieldWithoutNegativeBins(@TempDir Path dir) {
        writeNtuple(dir.resolve("histos4mu_25ns/output_sig.root"), events(1, 200, 0.6, 0.01));
        writeNtuple(dir.resolve("histos4mu_25ns/output_data_obs.root"), events(2, 20, 0.4, 1));
        Histogram1D zx = new Histogram1D("zjets", "", org.vbfann.core.Axis.uniform(BINS, 0, 1, "score"));
        double[] cells = {0.1, 0.8, -0.2, 0.5, 0.3, 0.4, 0.2};
        for (int b = 0; b < cells.length; b++) {
            zx.setContent(b, cells[b]);
        }
        try (RootFileWriter w = RootFileWriter.create(dir.resolve("zx.root"), WriteOptions.defaults())) {
            w.put("ch4mu/zjets", zx);
        }
        Path out = dir.resolve("cards");
        CliRunner.Result r = CliRunner.run("datacards", "--files", dir + "/histos4mu_25ns/*.root", "--keys", "sig",
                "--tags", "output_sig", "--signal", "sig", "--observable", "score", "--bins", String.valueOf(BINS),
                "--zx-shapes", dir.resolve("zx.root").toString(), "--quiet", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // flows into the edge bins (0.9, -0.2, 0.5, 0.3, 0.6), the negative bin to 0 (sum 2.3), then scaled back
        // to the yield with flows, 2.1
        double[] expected = {0, 0.9, 0, 0.5, 0.3, 0.6, 0};
        for (int b = 0; b < expected.length; b++) {
            expected[b] *= 2.1 / 2.3;
        }
        try (RootFile f = RootFile.open(out.resolve("shapes.root"))) {
            assertCells(expected, f.histogram1D("ch4mu/zjets"));
        }
        Datacard card = DatacardReader.read(out.resolve("datacard_ch4mu.txt"));
        assertEquals("zjets", card.entries().get(1).process());
        assertEquals(2.1, card.entries().get(1).rate(), 1e-9);
    }

    @Test
    void zplusXNeedsItsYieldsAndItsControlRegions(@TempDir Path dir) {
        writeNtuple(dir.resolve("histos4mu_25ns/output_sig.root"), events(1, 10, 0.5, 1));
        CliRunner.Result r = CliRunner.run("datacards", "--files", dir + "/histos4mu_25ns/output_sig.root", "--keys", "sig",
                "--tags", "output_sig", "--signal", "sig", "--observable", "score", "--zx-yield", "4mu=1",
                "--out", dir.resolve("cards").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals("vbfann: Z+X needs both --zx-yield (the yields) and --zx-files (the control regions that give its"
                + " shape)", r.err().strip());
    }

    private static double sum(double[] h) {
        double s = 0;
        for (double v : h) {
            s += v;
        }
        return s;
    }

    private static void assertCells(double[] expected, Histogram1D h) {
        for (int b = 0; b < expected.length; b++) {
            // sums of at most a few hundred doubles in different orders: 1e-12 relative
            assertEquals(expected[b], h.content(b), 1e-12 * Math.max(1, Math.abs(expected[b])), h.name() + " bin " + b);
        }
    }
}
