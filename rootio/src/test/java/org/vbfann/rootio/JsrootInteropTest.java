package org.vbfann.rootio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vbfann.core.Axis;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.core.Histogram1D;
import org.vbfann.core.Histogram2D;

/**
 * Independent check of the writer: JSROOT (interop/read-with-jsroot.mjs, Node.js) reads files vbfann wrote and its
 * view of every tree value and histogram cell must equal what was written. In CI (CI=true) a missing node or
 * jsroot fails the test; elsewhere the test is skipped with the reason.
 */
class JsrootInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path interop;

    @BeforeAll
    static void findJsroot() {
        String root = System.getProperty("vbfann.repo.root");
        interop = Paths.get(root == null || root.isEmpty() ? ".." : root).toAbsolutePath().resolve("interop");
        String problem = null;
        if (!Files.isDirectory(interop.resolve("node_modules/jsroot"))) {
            problem = "jsroot is not installed in " + interop + " (run: cd interop && npm install --ignore-scripts)";
        } else if (!nodeWorks()) {
            problem = "node is not on the PATH";
        }
        if (problem != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("JSROOT interoperability test cannot run in CI: " + problem);
            }
            Assumptions.abort("JSROOT interoperability test skipped: " + problem);
        }
    }

    private static boolean nodeWorks() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static JsonNode readWithJsroot(Path file) throws IOException, InterruptedException {
        Path err = Files.createTempFile("jsroot", ".err");
        try {
            Process p = new ProcessBuilder("node", "read-with-jsroot.mjs", file.toAbsolutePath().toString())
                    .directory(interop.toFile()).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("JSROOT did not finish reading " + file + " within 120 s");
            }
            if (p.exitValue() != 0) {
                fail("JSROOT failed on " + file + " (exit " + p.exitValue() + "): " + Files.readString(err));
            }
            return JSON.readTree(new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "zlib:1", "zlib:9", "lz4:4", "zstd:5"})
    void jsrootReadsWhatWasWritten(String compression, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("sample.root");
        WriteOptions o = WriteOptions.defaults().compression(Compression.parse(compression)).basketSize(256);
        List<BranchSpec> specs = SampleData.allKinds();
        List<EventTable> chunks = List.of(SampleData.chunk(specs, 0, 200, true, 1),
                SampleData.chunk(specs, 200, 250, false, 1), SampleData.chunk(specs, 450, 1, true, 1));
        Histogram1D h1d = SampleData.h1("h1d", false, 2);
        Histogram1D h1f = SampleData.h1("h1f", true, 3);
        Histogram2D h2d = SampleData.h2("h2d", 4);
        Histogram2D h2f = SampleData.h2("h2f", 5);
        Histogram1D deep = SampleData.h1("deep", true, 6);
        List<BranchSpec> small = List.of(BranchSpec.scalar("x", ElementType.FLOAT64));
        List<BranchSpec> withLabel = List.of(BranchSpec.scalar("x", ElementType.FLOAT64),
                BranchSpec.scalar("label", ElementType.STRING));
        String longLabel = "m".repeat(300);
        EventTable one = EventTable.of(1, List.of(Column.ofDoubles("x", new double[] {Math.PI}),
                Column.of("label", ElementType.STRING, 1, null, new int[0], new String[] {longLabel})));
        try (RootFileWriter w = RootFileWriter.create(file, o)) {
            try (TreeWriter t = w.tree("events", "all branch kinds", specs)) {
                for (EventTable c : chunks) {
                    t.fill(c);
                }
            }
            w.put("hists/h1d", h1d);
            w.put("hists/h1f", h1f, true);
            w.put("hists/h2d", h2d);
            w.put("hists/h2f", h2f, true);
            w.mkdirs("a/b/c");
            w.put("a/b/c/deep", deep);
            TreeWriter t2 = w.tree("a/b/one", "one entry", withLabel);
            t2.fill(one);
            w.tree("empty", "no entries", small).close();
        }
        JsonNode objects = readWithJsroot(file).get("objects");

        JsonNode events = objects.get("events");
        assertEquals(451, events.get("entries").asInt());
        assertEquals("all branch kinds", events.get("title").asText());
        for (JsonNode b : events.get("branches")) {
            assertTrue(b.get("baskets").asInt() > 1, "branch " + b.get("name") + " should span many baskets");
        }
        for (BranchSpec s : specs) {
            JsonNode values = events.get("values").get(s.name());
            assertEquals(451, values.size(), s.name());
            int entry = 0;
            for (EventTable c : chunks) {
                for (int i = 0; i < c.entries(); i++, entry++) {
                    assertEquals(expected(c, s, i), flatten(values.get(entry)), s.name() + " entry " + entry);
                }
            }
        }
        assertEquals("jd[n]/D", branchTitle(events, "jd"));
        assertEquals("i23[2][3]/I", branchTitle(events, "i23"));
        assertEquals("s_uint32/i", branchTitle(events, "s_uint32"));

        checkH1(h1d, "TH1D", objects.get("hists/h1d"), false);
        checkH1(h1f, "TH1F", objects.get("hists/h1f"), true);
        checkH2(h2d, "TH2D", objects.get("hists/h2d"), false);
        checkH2(h2f, "TH2F", objects.get("hists/h2f"), true);
        checkH1(deep, "TH1D", objects.get("a/b/c/deep"), false);
        assertEquals("TDirectory", objects.get("a/b/c").get("class").asText());

        JsonNode oneTree = objects.get("a/b/one");
        assertEquals(List.of(Math.PI), flatten(oneTree.get("values").get("x").get(0)));
        assertEquals(longLabel, oneTree.get("values").get("label").get(0).asText(), "a C string past 255 bytes");
        assertEquals(0, objects.get("empty").get("entries").asInt());
    }

    /** A fixture tree copied with raw baskets plus a computed branch reads in JSROOT as the source does in vbfann. */
    @org.junit.jupiter.api.Test
    void jsrootReadsACopiedTree(@TempDir Path dir) throws Exception {
        Path in = org.vbfann.testkit.Fixtures.path("root/uproot-HZZ.root");
        Path out = dir.resolve("copy.root");
        try (RootFile f = RootFile.open(in); RootFileWriter w = RootFileWriter.create(out, WriteOptions.defaults())) {
            new TreeCopier(f, "events").branches(List.of("NJet", "Jet_Px", "Muon_Iso", "MET_px", "Jet_ID"))
                    .addBranch(BranchSpec.scalar("twice", ElementType.FLOAT32), List.of("MET_px"), t -> {
                        float[] v = t.column("MET_px").floats().clone();
                        for (int i = 0; i < v.length; i++) {
                            v[i] *= 2;
                        }
                        return Column.ofFloats("twice", v);
                    }).copyTo(w, "events");
        }
        JsonNode events = readWithJsroot(out).get("objects").get("events");
        try (RootFile f = RootFile.open(in)) {
            List<String> names = List.of("NJet", "Jet_Px", "Muon_Iso", "MET_px", "Jet_ID");
            EventTable src = f.tree("events").read(names);
            assertEquals(src.entries(), events.get("entries").asInt());
            for (String n : names) {
                Column c = src.column(n);
                JsonNode v = events.get("values").get(n);
                for (int e = 0; e < src.entries(); e++) {
                    List<Double> want = new ArrayList<>();
                    for (int k = c.start(e); k < c.start(e) + c.length(e); k++) {
                        want.add(c.getDouble(k));
                    }
                    assertEquals(want, flatten(v.get(e)), n + " entry " + e);
                }
            }
            float[] px = src.column("MET_px").floats();
            for (int e = 0; e < src.entries(); e++) {
                assertEquals(List.of((double) (px[e] * 2)), flatten(events.get("values").get("twice").get(e)));
            }
        }
    }

    /** A file ROOT wrote, updated by vbfann, reads in JSROOT with its old and its new objects. */
    @org.junit.jupiter.api.Test
    void jsrootReadsAnUpdatedRootFile(@TempDir Path dir) throws Exception {
        Path original = org.vbfann.testkit.Fixtures.path("root/uproot-histograms.root");
        Path f = dir.resolve("updated.root");
        Files.copy(original, f);
        Histogram1D four = SampleData.h1("four", true, 9);
        try (RootFileWriter w = RootFileWriter.update(f, WriteOptions.defaults())) {
            w.put("four", four);
            w.put("more/h2", SampleData.h2("h2", 10));
            w.tree("more/t", "", List.of(BranchSpec.scalar("x", ElementType.INT32)))
                    .fill(EventTable.of(2, List.of(Column.ofInts("x", new int[] {-5, 6}))));
        }
        JsonNode before = readWithJsroot(original).get("objects");
        JsonNode after = readWithJsroot(f).get("objects");
        for (String h : List.of("one", "two", "three")) {
            assertEquals(before.get(h), after.get(h), h + " unchanged");
        }
        checkH1(four, "TH1D", after.get("four"), false);
        assertEquals(List.of(-5.0, 6.0), flatten(after.get("more/t").get("values").get("x")));
    }

    private static String branchTitle(JsonNode tree, String name) {
        for (JsonNode b : tree.get("branches")) {
            if (b.get("name").asText().equals(name)) {
                return b.get("title").asText();
            }
        }
        return fail("no branch " + name);
    }

    /** Entry {@code i} of branch {@code s} as the numbers JSROOT should give (unsigned read unsigned). */
    private static List<Double> expected(EventTable c, BranchSpec s, int i) {
        List<Double> out = new ArrayList<>();
        if (s.name().equals("n") && !c.has("n")) {
            Column j = c.column("jd");
            out.add((double) (j.offsets()[i + 1] - j.offsets()[i]));
            return out;
        }
        Column col = c.column(s.name());
        for (int k = col.start(i), end = k + col.length(i); k < end; k++) {
            out.add(col.getDouble(k));
        }
        return out;
    }

    private static List<Double> flatten(JsonNode v) {
        List<Double> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode x : v) {
                out.addAll(flatten(x));
            }
        } else {
            out.add(v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble());
        }
        return out;
    }

    private static List<Double> list(double[] v, boolean asFloat) {
        List<Double> out = new ArrayList<>();
        for (double x : v) {
            out.add(asFloat ? (double) (float) x : x);
        }
        return out;
    }

    private static void checkAxis(Axis a, JsonNode j, String title) {
        assertEquals(a.bins(), j.get("nbins").asInt());
        assertEquals(a.min(), j.get("min").asDouble());
        assertEquals(a.max(), j.get("max").asDouble());
        assertEquals(title, j.get("title").asText());
        assertEquals(a.isVariable() ? list(a.edges(), false) : List.of(), flatten(j.get("edges")));
    }

    private static void checkH1(Histogram1D h, String cls, JsonNode j, boolean asFloat) {
        assertEquals(cls, j.get("class").asText());
        assertEquals(h.title(), j.get("title").asText());
        assertEquals(h.entries(), j.get("entries").asDouble());
        checkAxis(h.axis(), j.get("xaxis"), h.axis().title());
        assertEquals(h.yTitle(), j.get("yaxis").get("title").asText());
        assertEquals(list(h.contents(), asFloat), flatten(j.get("contents")));
        assertEquals(list(h.sumw2(), false), flatten(j.get("sumw2")));
        // TH1::ResetStats sums over in-range bins
        assertEquals(h.integral(), j.get("tsumw").asDouble(), 1e-9 * Math.abs(h.integral()));
    }

    private static void checkH2(Histogram2D h, String cls, JsonNode j, boolean asFloat) {
        assertEquals(cls, j.get("class").asText());
        assertEquals(h.title(), j.get("title").asText());
        checkAxis(h.xAxis(), j.get("xaxis"), h.xAxis().title());
        checkAxis(h.yAxis(), j.get("yaxis"), h.yAxis().title());
        assertEquals(h.zTitle(), j.get("zaxis").get("title").asText());
        assertEquals(list(h.contents(), asFloat), flatten(j.get("contents")));
        assertEquals(list(h.sumw2(), false), flatten(j.get("sumw2")));
        assertEquals(h.integral(), j.get("tsumw").asDouble(), 1e-9 * Math.abs(h.integral()));
    }
}
