package org.vbfann.rootio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vbfann.core.Axis;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.core.Histogram1D;
import org.vbfann.core.Histogram2D;
import org.vbfann.testkit.Fixtures;

/**
 * Reads every file under {@code fixtures/root} and checks it against its JSON manifest (written by JSROOT, see
 * the folder's README): header, directories and keys, streamer infos, trees (branch types and shapes, basket
 * layout, values or first values plus summaries over all entries, jagged counts) and histograms (cells, sumw2,
 * edges, entries, titles, profile sums). Expected values all come from the manifests.
 */
class RootFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final DateTimeFormatter DATIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static List<Path> fixtureFiles() throws IOException {
        try (Stream<Path> s = Files.list(Fixtures.path("root"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".root")).sorted().toList();
        }
    }

    @Test
    void everyFixtureAgreesWithItsManifest() throws IOException {
        List<Path> files = fixtureFiles();
        assertTrue(files.size() >= 24, "expected the 24 fixtures, found " + files.size());
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            JsonNode m = JSON.readTree(f.resolveSibling(f.getFileName() + ".json").toFile());
            try (RootFile rf = RootFile.open(f)) {
                checkFile(rf, m);
            } catch (AssertionError | RuntimeException | IOException e) {
                failures.add(f.getFileName() + ": " + e);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private byte[] fileBytes;

    private void checkFile(RootFile rf, JsonNode m) throws IOException {
        fileBytes = Files.readAllBytes(rf.path());
        assertEquals(m.get("size").asLong(), rf.size());
        checkHeader(rf.header(), m.get("header"));
        for (JsonNode d : m.get("directories")) {
            checkDirectory(rf, d);
        }
        checkStreamers(rf, m.get("streamer_infos"));
        for (JsonNode t : m.get("trees")) {
            checkTree(rf, t);
        }
        for (JsonNode h : m.get("histograms")) {
            checkHistogram(rf, h);
        }
    }

    private static void checkHeader(FileHeader h, JsonNode j) {
        assertEquals(j.get("version").asInt(), h.version(), "version");
        assertEquals(j.get("root_version").asInt(), h.rootVersion(), "root_version");
        assertEquals(j.get("large_file_format").asBoolean(), h.largeFile(), "large_file_format");
        assertEquals(j.get("begin").asLong(), h.begin(), "begin");
        assertEquals(j.get("end").asLong(), h.end(), "end");
        assertEquals(j.get("seek_free").asLong(), h.seekFree(), "seek_free");
        assertEquals(j.get("nbytes_free").asInt(), h.nbytesFree(), "nbytes_free");
        assertEquals(j.get("nbytes_name").asInt(), h.nbytesName(), "nbytes_name");
        assertEquals(j.get("units").asInt(), h.units(), "units");
        assertEquals(j.get("compress").asInt(), h.compress(), "compress");
        assertEquals(j.get("compression").get("algorithm").asInt(), h.compressionAlgorithm(), "algorithm");
        assertEquals(j.get("compression").get("level").asInt(), h.compressionLevel(), "level");
        assertEquals(j.get("seek_info").asLong(), h.seekInfo(), "seek_info");
        assertEquals(j.get("nbytes_info").asInt(), h.nbytesInfo(), "nbytes_info");
        assertEquals(j.get("seek_keys").asLong(), h.seekKeys(), "seek_keys");
        assertEquals(j.get("nbytes_keys").asInt(), h.nbytesKeys(), "nbytes_keys");
        assertEquals(j.get("seek_dir").asLong(), h.seekDir(), "seek_dir");
        assertEquals(j.get("title").asText(), h.title(), "title");
    }

    private static void checkDirectory(RootFile rf, JsonNode d) {
        String path = d.get("path").asText();
        RootDirectory dir = rf.directory(path);
        List<KeyInfo> keys = new ArrayList<>(dir.keys());
        JsonNode jk = d.get("keys");
        if (path.isEmpty() && keys.size() == jk.size() - 1) {
            // JSROOT lists the StreamerInfo record among the top keys; ROOT's key list does not hold it.
            KeyInfo si = rf.streamerInfoKey();
            assertEquals(rf.header().seekInfo(), si.seekKey());
            keys.add(si);
        }
        assertEquals(jk.size(), keys.size(), "number of keys in '" + path + "'");
        for (int i = 0; i < keys.size(); i++) {
            KeyInfo k = keys.get(i);
            JsonNode j = jk.get(i);
            String w = "key " + path + "/" + j.get("name").asText();
            assertEquals(j.get("name").asText(), k.name(), w);
            assertEquals(j.get("class").asText(), k.className(), w);
            assertEquals(j.get("cycle").asInt(), k.cycle(), w);
            assertEquals(j.get("title").asText(), k.title(), w);
            assertEquals(j.get("seek_key").asLong(), k.seekKey(), w);
            assertEquals(j.get("nbytes").asInt(), k.nbytes(), w);
            assertEquals(j.get("objlen").asInt(), k.objlen(), w);
            assertEquals(j.get("keylen").asInt(), k.keylen(), w);
            assertEquals(j.get("key_version").asInt(), k.keyVersion(), w);
            assertEquals(j.get("datime").asLong(), k.datime(), w);
            assertEquals(j.get("datime_decoded").asText(), k.time().format(DATIME), w);
            assertEquals(j.get("compressed").asBoolean(), k.compressed(), w);
            if (k.seekKey() != rf.header().seekInfo()) {
                assertTrue(rf.has(path.isEmpty() ? k.nameCycle() : path + "/" + k.nameCycle()), w);
            }
        }
        if (d.has("directory")) {
            assertEquals(d.get("directory").get("seek_keys").asLong() > 0, true);
        }
    }

    private static void checkStreamers(RootFile rf, JsonNode infos) {
        List<StreamerInfoSummary> got = rf.streamerInfos();
        // JSROOT also lists the schema-rule TList at the end of the record, an entry with only a class.
        List<JsonNode> expected = new ArrayList<>();
        infos.forEach(j -> {
            if (j.has("name")) {
                expected.add(j);
            }
        });
        assertEquals(expected.size(), got.size(), "number of streamer infos");
        for (int i = 0; i < got.size(); i++) {
            StreamerInfoSummary s = got.get(i);
            JsonNode j = expected.get(i);
            assertEquals(j.get("name").asText(), s.name());
            assertEquals(j.get("class_version").asInt(), s.classVersion(), s.name());
            assertEquals(j.get("checksum").asLong(), s.checksum(), s.name());
            assertEquals(j.get("elements").size(), s.elements().size(), s.name() + " elements");
            for (int e = 0; e < s.elements().size(); e++) {
                JsonNode je = j.get("elements").get(e);
                StreamerInfoSummary.Element el = s.elements().get(e);
                assertEquals(je.get("name").asText(), el.name(), s.name());
                assertEquals(je.get("class").asText(), el.className(), s.name() + "." + el.name());
                assertEquals(je.get("type").asInt(), el.type(), s.name() + "." + el.name());
                assertEquals(je.get("type_name").asText(), el.typeName(), s.name() + "." + el.name());
            }
        }
    }

    // ---------------------------------------------------------------- trees

    private void checkTree(RootFile rf, JsonNode t) {
        String path = t.get("path").asText() + ";" + t.get("cycle").asInt();
        TreeReader tree = rf.tree(path);
        String w = "tree " + path;
        assertEquals(t.get("class").asText(), tree.className(), w);
        assertEquals(t.get("name").asText(), tree.name(), w);
        assertEquals(t.get("title").asText(), tree.title(), w);
        assertEquals(t.get("entries").asLong(), tree.entries(), w);
        assertEquals(t.get("tot_bytes").asLong(), tree.totBytes(), w);
        assertEquals(t.get("zip_bytes").asLong(), tree.zipBytes(), w);
        List<JsonNode[]> leaves = new ArrayList<>();
        collectLeaves(t.get("branches"), leaves);
        assertEquals(leaves.size(), tree.branches().size(), w + ": number of columns");
        Map<String, Integer> tags = new TreeMap<>();
        for (JsonNode[] bl : leaves) {
            JsonNode b = bl[0];
            JsonNode leaf = bl[1];
            String column = b.get("leaves").size() > 1 ? b.get("name").asText() + "." + leaf.get("name").asText()
                    : b.get("name").asText();
            BranchInfo info = tree.branch(column);
            checkBranchInfo(info, b, leaf, w + " column " + column);
            checkBaskets(tree, column, b, leaf, tags, w + " column " + column);
        }
        if (t.has("basket_compression") && !hasSubBranches(t.get("branches"))) {
            Map<String, Integer> expected = new TreeMap<>();
            t.get("basket_compression").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asInt()));
            assertEquals(expected, tags, w + ": basket compression tags");
        }
        checkValues(tree, t, leaves);
    }

    private static boolean hasSubBranches(JsonNode branches) {
        for (JsonNode b : branches) {
            if (b.has("branches") && b.get("branches").size() > 0) {
                return true;
            }
        }
        return false;
    }

    private static void collectLeaves(JsonNode branches, List<JsonNode[]> out) {
        for (JsonNode b : branches) {
            if (b.has("branches") && b.get("branches").size() > 0) {
                collectLeaves(b.get("branches"), out);
            } else {
                for (JsonNode l : b.get("leaves")) {
                    out.add(new JsonNode[] {b, l});
                }
            }
        }
    }

    private static void checkBranchInfo(BranchInfo info, JsonNode b, JsonNode leaf, String w) {
        assertNull(info.unsupported(), w);
        assertEquals(b.get("class").asText(), info.branchClass(), w);
        assertEquals(leaf.get("class").asText(), info.leafClass(), w);
        assertEquals(leaf.get("title").asText(), info.title(), w);
        assertEquals(leaf.get("type_name").asText(), info.rootType(), w);
        assertEquals(leaf.get("kind").asText(), info.kind().label(), w);
        assertEquals(b.get("entries").asLong(), info.entries(), w);
        List<Integer> fixed = new ArrayList<>();
        String counter = null;
        for (JsonNode s : leaf.get("shape")) {
            if (s.isNumber()) {
                fixed.add(s.asInt());
            } else {
                counter = s.asText();
            }
        }
        assertArrayEquals(fixed.stream().mapToInt(Integer::intValue).toArray(), info.fixedShape(), w + " shape");
        if (info.kind() == BranchInfo.Kind.JAGGED) {
            assertEquals(counter, info.counter(), w + " counter");
        }
        boolean unsigned = leaf.get("unsigned").asBoolean() || leaf.get("type_name").asText().contains("unsigned");
        if (info.type() != ElementType.STRING && info.type() != ElementType.BOOL) {
            assertEquals(unsigned, info.type().isUnsigned(), w + " unsigned");
        }
    }

    private void checkBaskets(TreeReader tree, String column, JsonNode b, JsonNode leaf,
                              Map<String, Integer> tags, String w) {
        List<BasketInfo> baskets = tree.baskets(column);
        int onFile = b.get("write_basket").asInt();
        assertEquals(onFile + b.get("embedded_baskets").asInt(), baskets.size(), w + " baskets");
        JsonNode entry = b.get("basket_entry");
        for (int i = 0; i < onFile; i++) {
            BasketInfo bi = baskets.get(i);
            assertEquals(b.get("basket_seek").get(i).asLong(), bi.seek(), w + " basket seek " + i);
            assertEquals(b.get("basket_bytes").get(i).asInt(), bi.recordBytes(), w + " basket bytes " + i);
            if (!bi.compression().equals("none")) {
                // The payload of a compressed basket starts with a block header whose tag is the compression.
                int at = (int) bi.payloadSeek();
                assertEquals(bi.compression(), new String(fileBytes, at, 2, java.nio.charset.StandardCharsets.US_ASCII),
                        w + " block tag at payloadSeek");
            }
            assertEquals(entry.get(i).asLong(), bi.firstEntry(), w + " basket first entry " + i);
            assertEquals(entry.get(i + 1).asLong() - entry.get(i).asLong(), bi.entries(), w + " basket entries " + i);
            if (b.get("leaves").get(0) == leaf) {
                tags.merge(bi.compression(), 1, Integer::sum);   // once per branch, not per leaf
            }
        }
    }

    private void checkValues(TreeReader tree, JsonNode t, List<JsonNode[]> leaves) {
        boolean all = t.get("values_mode").asText().equals("all");
        int head = (int) Math.min(tree.entries(), all ? tree.entries() : 20);
        JsonNode values = t.get("values");
        List<String> columns = new ArrayList<>();
        for (JsonNode[] bl : leaves) {
            columns.add(bl[0].get("leaves").size() > 1 ? bl[0].get("name").asText() + "." + bl[1].get("name").asText()
                    : bl[0].get("name").asText());
        }
        EventTable whole = tree.read(columns);
        EventTable first = tree.read(columns, 0, head);
        // The same entries through chunks of 7 (crossing basket boundaries) must agree with one read.
        List<EventTable> chunks = new ArrayList<>();
        tree.chunks(columns, 7).forEach(chunks::add);
        assertEquals((tree.entries() + 6) / 7, chunks.size(), "number of chunks");
        for (int c = 0; c < columns.size(); c++) {
            JsonNode[] bl = leaves.get(c);
            String column = columns.get(c);
            String w = "tree " + t.get("path").asText() + " column " + column;
            JsonNode perEntry = values.get(bl[0].get("name").asText());
            assertTrue(perEntry != null && perEntry.size() == head, w + ": manifest values");
            for (Column col : new Column[] {whole.column(column), first.column(column)}) {
                for (int e = 0; e < head; e++) {
                    JsonNode v = perEntry.get(e);
                    if (bl[0].get("leaves").size() > 1) {
                        v = v.get(bl[1].get("name").asText());
                    }
                    checkEntry(col, e, v, w + " entry " + e);
                }
            }
            int e0 = 0;
            for (EventTable chunk : chunks) {
                Column cc = chunk.column(column);
                for (int e = 0; e < chunk.entries() && e0 + e < head; e++) {
                    JsonNode v = perEntry.get(e0 + e);
                    if (bl[0].get("leaves").size() > 1) {
                        v = v.get(bl[1].get("name").asText());
                    }
                    checkEntry(cc, e, v, w + " chunked entry " + (e0 + e));
                }
                e0 += chunk.entries();
            }
            if (!all) {
                JsonNode s = t.get("summary").get(bl[0].get("name").asText());
                if (bl[0].get("leaves").size() > 1) {
                    s = s.get(bl[1].get("name").asText());
                }
                checkSummary(whole.column(column), s, w);
            }
        }
    }

    private static void checkEntry(Column col, int e, JsonNode v, String w) {
        if (col.isString()) {
            if (col.isJagged()) {
                assertEquals(v.size(), col.length(e), w);
                for (int i = 0; i < v.size(); i++) {
                    assertEquals(v.get(i).asText(), col.strings()[col.start(e) + i], w);
                }
            } else {
                assertEquals(v.asText(), col.strings()[e], w);
            }
            return;
        }
        if (!v.isArray()) {
            assertEquals(1, col.length(e), w);
            checkNumber(col, col.start(e), v, w);
            return;
        }
        assertEquals(v.size(), col.length(e), w + " length");
        for (int i = 0; i < v.size(); i++) {
            checkNumber(col, col.start(e) + i, v.get(i), w + "[" + i + "]");
        }
    }

    private static void checkNumber(Column col, int i, JsonNode v, String w) {
        switch (col.type()) {
            case FLOAT32 -> assertEquals((float) v.asDouble(), col.floats()[i], w);
            case FLOAT64 -> assertEquals(v.asDouble(), col.doubles()[i], w);
            case BOOL -> assertEquals(v.asBoolean() ? 1 : 0, col.getLong(i), w);
            case UINT64 -> assertEquals(v.bigIntegerValue(), new BigInteger(Long.toUnsignedString(col.getLong(i))), w);
            default -> assertEquals(v.bigIntegerValue().longValueExact(), col.getLong(i), w);
        }
    }

    private static void checkSummary(Column col, JsonNode s, String w) {
        if (col.isString()) {
            long chars = 0;
            for (String str : col.strings()) {
                chars += str.length();
            }
            assertEquals(s.get("strings").asLong(), col.size(), w + " strings");
            assertEquals(s.get("total_chars").asLong(), chars, w + " total_chars");
            return;
        }
        int n = col.size();
        assertEquals(s.get("count").asLong(), n, w + " count");
        if (n == 0) {
            return;
        }
        if (col.type().isIntegral()) {
            BigInteger sum = BigInteger.ZERO;
            BigInteger min = null;
            BigInteger max = null;
            for (int i = 0; i < n; i++) {
                BigInteger x = col.type() == ElementType.UINT64 ? new BigInteger(Long.toUnsignedString(col.getLong(i)))
                        : BigInteger.valueOf(col.getLong(i));
                sum = sum.add(x);
                min = min == null || x.compareTo(min) < 0 ? x : min;
                max = max == null || x.compareTo(max) > 0 ? x : max;
            }
            assertEquals(s.get("sum").bigIntegerValue(), sum, w + " sum");
            assertEquals(s.get("min").bigIntegerValue(), min, w + " min");
            assertEquals(s.get("max").bigIntegerValue(), max, w + " max");
        } else {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double x = col.getDouble(i);
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            // The manifest sums in the same order in double; 1e-9 relative covers printing to shortest decimal.
            assertEquals(s.get("sum").asDouble(), sum, 1e-9 * Math.max(1, Math.abs(sum)), w + " sum");
            assertEquals(s.get("min").asDouble(), min, w + " min");
            assertEquals(s.get("max").asDouble(), max, w + " max");
        }
    }

    // ---------------------------------------------------------------- histograms

    private void checkHistogram(RootFile rf, JsonNode h) {
        String path = h.get("path").asText() + ";" + h.get("cycle").asInt();
        String w = "histogram " + path;
        int dim = h.get("dimension").asInt();
        double[] contents = doubles(h.get("contents"));
        double[] sumw2 = h.get("sumw2").isNull() ? contents : doubles(h.get("sumw2"));
        if (dim == 1) {
            if (h.get("class").asText().equals("TProfile")) {
                checkProfile(rf, path, h, contents, w);
                return;
            }
            Histogram1D hist = rf.histogram1D(path);
            assertEquals(h.get("name").asText(), hist.name(), w);
            assertEquals(h.get("title").asText(), hist.title(), w);
            assertEquals(h.get("entries").asDouble(), hist.entries(), w);
            checkAxis(hist.axis(), h.get("x_axis"), w + " x");
            if (h.has("y_axis")) {
                assertEquals(h.get("y_axis").get("title").asText(), hist.yTitle(), w);
            }
            assertArrayEquals(contents, hist.contents(), w + " contents");
            assertArrayEquals(sumw2, hist.sumw2(), w + " sumw2");
            // A sum printed to the shortest decimal by the manifest; summation order may differ.
            assertEquals(h.get("contents_sum_including_flow").asDouble(), hist.integralWithFlow(),
                    1e-9 * Math.abs(hist.integralWithFlow()), w);
            checkLabels(rf.binLabels(path, 'x'), h.get("x_axis"), w);
        } else {
            Histogram2D hist = rf.histogram2D(path);
            assertEquals(h.get("title").asText(), hist.title(), w);
            assertEquals(h.get("entries").asDouble(), hist.entries(), w);
            checkAxis(hist.xAxis(), h.get("x_axis"), w + " x");
            checkAxis(hist.yAxis(), h.get("y_axis"), w + " y");
            assertArrayEquals(contents, hist.contents(), w + " contents");
            assertArrayEquals(sumw2, hist.sumw2(), w + " sumw2");
        }
    }

    private static void checkProfile(RootFile rf, String path, JsonNode h, double[] contents, String w) {
        Profile1D p = rf.profile1D(path);
        JsonNode jp = h.get("profile");
        assertArrayEquals(contents, p.sumwy(), w + " sum w*y");
        assertArrayEquals(doubles(h.get("sumw2")), p.sumwy2(), w + " sum w*y^2");
        assertArrayEquals(doubles(jp.get("bin_entries")), p.binEntries(), w + " bin entries");
        if (jp.get("bin_sumw2").isNull()) {
            assertNull(p.binSumw2(), w);
        } else {
            assertArrayEquals(doubles(jp.get("bin_sumw2")), p.binSumw2(), w + " bin sumw2");
        }
        assertEquals(jp.get("error_mode").asInt(), p.errorMode(), w);
        checkAxis(p.axis(), h.get("x_axis"), w + " x");
        Histogram1D means = rf.histogram1D(path);
        double[] be = doubles(jp.get("bin_entries"));
        double[] w2 = doubles(h.get("sumw2"));
        for (int i = 0; i < contents.length; i++) {
            double mean = be[i] == 0 ? 0 : contents[i] / be[i];
            // Same division of the same doubles: exact up to the last bit.
            assertEquals(mean, means.content(i), 1e-15 * Math.abs(mean), w + " mean " + i);
            // TProfile's default error (mean error, no per-bin sumw2): spread / sqrt(entries).
            double err = be[i] == 0 ? 0 : Math.sqrt(Math.abs(w2[i] / be[i] - mean * mean)) / Math.sqrt(be[i]);
            // sqrt of a difference of nearly equal terms: allow rounding in the last few digits.
            assertEquals(err, means.error(i), 1e-12 * Math.max(1e-300, err), w + " error " + i);
        }
    }

    private static void checkAxis(Axis a, JsonNode j, String w) {
        assertEquals(j.get("nbins").asInt(), a.bins(), w + " nbins");
        assertEquals(j.get("title").asText(), a.title(), w + " title");
        if (j.get("variable_edges").isNull()) {
            assertEquals(false, a.isVariable(), w);
            assertEquals(j.get("xmin").asDouble(), a.min(), w + " xmin");
            assertEquals(j.get("xmax").asDouble(), a.max(), w + " xmax");
        } else {
            assertArrayEquals(doubles(j.get("variable_edges")), a.edges(), w + " edges");
        }
    }

    private static void checkLabels(Map<Integer, String> labels, JsonNode axis, String w) {
        Map<Integer, String> expected = new TreeMap<>();
        if (axis.has("labels") && axis.get("labels").isArray()) {
            for (JsonNode l : axis.get("labels")) {
                expected.put(l.get("index").asInt(), l.get("label").asText());
            }
        }
        assertEquals(expected, labels, w + " labels");
    }

    private static double[] doubles(JsonNode arr) {
        double[] out = new double[arr.size()];
        Iterator<JsonNode> it = arr.elements();
        for (int i = 0; it.hasNext(); i++) {
            out[i] = it.next().asDouble();
        }
        return out;
    }

    @Test
    void fixtureListIsComplete() throws IOException {
        for (Path f : fixtureFiles()) {
            if (!Files.exists(f.resolveSibling(f.getFileName() + ".json"))) {
                fail("no manifest for " + f);
            }
        }
    }
}
