package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Axis;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.core.Histogram1D;
import org.vbfann.rootio.BranchSpec;
import org.vbfann.rootio.KeyInfo;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.WriteOptions;
import org.vbfann.testkit.Fixtures;

class HaddSkimCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Entry {@code e} of {@code c} as numbers (bit patterns for floating types). */
    private static long[] entry(Column c, int e) {
        long[] v = new long[c.length(e)];
        for (int k = 0; k < v.length; k++) {
            int i = c.start(e) + k;
            v[k] = switch (c.type()) {
                case FLOAT32 -> Float.floatToRawIntBits(c.floats()[i]);
                case FLOAT64 -> Double.doubleToRawLongBits(c.doubles()[i]);
                default -> c.getLong(i);
            };
        }
        return v;
    }

    @Test
    void haddConcatenatesTreesInInputOrder(@TempDir Path dir) throws Exception {
        Path hzz = Fixtures.path("root/uproot-HZZ.root");
        Path out = dir.resolve("merged.root");
        CliRunner.Result r = CliRunner.run("root", "hadd", out.toString(), hzz.toString(), hzz.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(4842, j.get("trees").get(0).get("entries").asInt());
        assertEquals(0, j.get("trees").get(0).get("baskets_rewritten").asInt());
        try (RootFile in = RootFile.open(hzz); RootFile m = RootFile.open(out)) {
            EventTable a = in.tree("events").read(List.of());
            EventTable b = m.tree("events").read(List.of());
            assertEquals(2 * a.entries(), b.entries());
            assertEquals(a.names(), b.names());
            for (String n : a.names()) {
                Column x = a.column(n);
                Column y = b.column(n);
                for (int e = 0; e < a.entries(); e++) {
                    assertArrayEquals(entry(x, e), entry(y, e), n + " entry " + e);
                    assertArrayEquals(entry(x, e), entry(y, a.entries() + e), n + " entry " + (a.entries() + e));
                }
            }
        }
    }

    @Test
    void haddSumsHistograms(@TempDir Path dir) throws Exception {
        Path hist = Fixtures.path("root/uproot-histograms.root");
        Path hzz = Fixtures.path("root/uproot-HZZ.root");
        Path out = dir.resolve("sum.root");
        CliRunner.Result r = CliRunner.run("root", "hadd", out.toString(), hist.toString(), hist.toString(),
                hzz.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("histogram one: summed"), r.out());
        try (RootFile in = RootFile.open(hist); RootFile m = RootFile.open(out)) {
            for (String h : List.of("one", "two", "three")) {
                Histogram1D want = in.histogram1D(h);
                want.add(in.histogram1D(h));
                Histogram1D got = m.histogram1D(h);
                assertTrue(want.sameContents(got), h);
                assertEquals("TH1F", m.key(h).className(), "the class of the inputs is kept");
                assertEquals(want.title(), got.title());
            }
            assertEquals(2421, m.tree("events").entries());
            for (KeyInfo k : m.keys()) {
                assertFalse(k.name().equals("StreamerInfo"), "StreamerInfo is not a listed key");
            }
        }
    }

    @Test
    void haddKeepsDirectories(@TempDir Path dir) throws Exception {
        Path nested = dir.resolve("nested.root");
        List<BranchSpec> specs = List.of(BranchSpec.scalar("n", ElementType.INT32),
                BranchSpec.jagged("x", ElementType.FLOAT64, "n"));
        EventTable t = EventTable.of(3, List.of(Column.ofInts("n", new int[] {2, 0, 1}),
                Column.of("x", ElementType.FLOAT64, 3, new int[] {0, 2, 2, 3}, new int[0], new double[] {1, 2, 3})));
        try (RootFileWriter w = RootFileWriter.create(nested, WriteOptions.defaults())) {
            w.tree("a/b/t", "nested tree", specs).fill(t);
            w.put("a/h", new Histogram1D("h", "", Axis.uniform(3, 0, 3, "")));
            w.mkdirs("empty/dir");
        }
        Path out = dir.resolve("dirs.root");
        CliRunner.Result r = CliRunner.run("root", "hadd", out.toString(), nested.toString(), nested.toString());
        assertEquals(0, r.exitCode(), r.err());
        try (RootFile m = RootFile.open(out)) {
            assertEquals(List.of("a", "empty"), m.directory("").subdirectories());
            assertEquals(List.of("b"), m.directory("a").subdirectories());
            assertTrue(m.key("empty/dir").isDirectory());
            assertEquals("nested tree", m.tree("a/b/t").title());
            EventTable b = m.tree("a/b/t").read(List.of());
            assertArrayEquals(new int[] {0, 2, 2, 3, 5, 5, 6}, b.column("x").offsets());
            assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3}, b.column("x").doubles());
            assertEquals(0, m.histogram1D("a/h").integral());
        }
    }

    @Test
    void haddRefusesObjectsOfDifferentKinds(@TempDir Path dir) {
        Path hist = Fixtures.path("root/uproot-histograms.root");
        Path nested = Fixtures.path("root/uproot-nesteddirs.root");
        Path out = dir.resolve("bad.root");
        CliRunner.Result r = CliRunner.run("root", "hadd", out.toString(), hist.toString(), nested.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("vbfann: cannot merge 'one': it is a TH1F in uproot-histograms.root but a TDirectory in "
                + "uproot-nesteddirs.root", r.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void skimCopiesChosenBranchesAndEntries(@TempDir Path dir) throws Exception {
        Path hzz = Fixtures.path("root/uproot-HZZ.root");
        Path out = dir.resolve("skim.root");
        CliRunner.Result r = CliRunner.run("root", "skim", hzz + ":events", out.toString(), "--branches",
                "Jet_Px,MET_px", "--branches", "Muon_Iso", "--entries", "1000", "--compression", "lz4:4", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("skim events: branch 5/5 MET_px"), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(1000, j.get("entries").asInt());
        assertTrue(j.get("baskets_rewritten").asInt() > 0, "the entry limit cuts baskets");
        List<String> cols = List.of("NJet", "Jet_Px", "MET_px", "NMuon", "Muon_Iso");
        try (RootFile in = RootFile.open(hzz); RootFile s = RootFile.open(out)) {
            assertEquals(cols.stream().sorted().toList(),
                    s.tree("events").branches().stream().map(b -> b.name()).sorted().toList());
            EventTable a = in.tree("events").read(cols, 0, 1000);
            EventTable b = s.tree("events").read(cols);
            for (String c : cols) {
                for (int e = 0; e < 1000; e++) {
                    assertArrayEquals(entry(a.column(c), e), entry(b.column(c), e), c + " entry " + e);
                }
            }
            assertEquals(ElementType.FLOAT32, s.tree("events").branch("Jet_Px").type());
        }
    }

    @Test
    void skimWithASelectionKeepsThePassingEntries(@TempDir Path dir) throws Exception {
        Path hzz = Fixtures.path("root/uproot-HZZ.root");
        Path out = dir.resolve("sel.root");
        CliRunner.Result r = CliRunner.run("root", "skim", hzz + ":events", out.toString(), "--branches",
                "Jet_Px,MET_px,EventWeight", "--selection", "NJet >= 2 && MET_px > 0", "--json", "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        List<String> cols = List.of("NJet", "Jet_Px", "MET_px", "EventWeight");
        try (RootFile in = RootFile.open(hzz); RootFile s = RootFile.open(out)) {
            EventTable a = in.tree("events").read(cols);
            EventTable b = s.tree("events").read(cols);
            int k = 0;
            for (int e = 0; e < a.entries(); e++) {
                if (a.column("NJet").ints()[e] >= 2 && a.column("MET_px").floats()[e] > 0) {
                    for (String c : cols) {
                        assertArrayEquals(entry(a.column(c), e), entry(b.column(c), k), c + " entry " + e);
                    }
                    k++;
                }
            }
            assertTrue(k > 10, "the selection keeps some entries");
            assertEquals(k, b.entries());
            assertEquals(k, JSON.readTree(r.out()).get("entries").asInt());
        }
    }

    @Test
    void skimOfNoEntriesGivesAnEmptyTree(@TempDir Path dir) {
        Path out = dir.resolve("empty.root");
        CliRunner.Result r = CliRunner.run("root", "skim", Fixtures.path("root/uproot-HZZ.root") + ":events",
                out.toString(), "--entries", "0", "--branches", "Jet_E");
        assertEquals(0, r.exitCode(), r.err());
        try (RootFile s = RootFile.open(out)) {
            assertEquals(0, s.tree("events").entries());
            assertEquals(List.of("NJet", "Jet_E"), s.tree("events").branches().stream().map(b -> b.name()).toList());
            assertEquals(0, s.tree("events").read(List.of()).entries());
        }
    }

    @Test
    void skimErrorsSayWhatIsWrong(@TempDir Path dir) throws Exception {
        Path hzz = Fixtures.path("root/uproot-HZZ.root");
        Path out = dir.resolve("x.root");
        CliRunner.Result noTree = CliRunner.run("root", "skim", hzz.toString(), out.toString());
        assertEquals(ExitCodes.USAGE, noTree.exitCode());
        assertTrue(noTree.err().startsWith("vbfann: expected <in>:<tree>"), noTree.err());

        CliRunner.Result badBranch = CliRunner.run("root", "skim", hzz + ":events", out.toString(), "--branches", "Jet_Pxx");
        assertEquals(ExitCodes.BAD_INPUT, badBranch.exitCode());
        assertTrue(badBranch.err().contains("no branch 'Jet_Pxx'"), badBranch.err());
        assertFalse(Files.exists(out), "no output after a failure");

        Files.writeString(out, "keep me");
        CliRunner.Result exists = CliRunner.run("root", "skim", hzz + ":events", out.toString());
        assertEquals(ExitCodes.USAGE, exists.exitCode());
        assertEquals("vbfann: " + out + " exists; add --force to replace it", exists.err().strip());
        assertEquals("keep me", Files.readString(out));

        CliRunner.Result badCompression = CliRunner.run("root", "skim", hzz + ":events", out.toString(), "-f",
                "--compression", "gzip");
        assertEquals(ExitCodes.USAGE, badCompression.exitCode());
        assertTrue(badCompression.err().contains("unknown compression 'gzip'"), badCompression.err());
    }
}
