package org.vbfann.rootio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.testkit.Fixtures;

class TreeCopierTest {
    /** Columns of {@code a} equal those of {@code b} for the first {@code n} entries, bit for bit. */
    static void assertSameColumns(EventTable a, EventTable b, List<String> names, int n) {
        for (String name : names) {
            Column x = a.column(name);
            Column y = b.column(name);
            assertEquals(x.type(), y.type(), name);
            for (int e = 0; e < n; e++) {
                assertEquals(x.length(e), y.length(e), name + " entry " + e);
                for (int k = 0; k < x.length(e); k++) {
                    int i = x.start(e) + k;
                    int j = y.start(e) + k;
                    if (x.type() == ElementType.FLOAT32) {
                        assertEquals(Float.floatToRawIntBits(x.floats()[i]), Float.floatToRawIntBits(y.floats()[j]), name);
                    } else if (x.type() == ElementType.FLOAT64) {
                        assertEquals(Double.doubleToRawLongBits(x.doubles()[i]), Double.doubleToRawLongBits(y.doubles()[j]),
                                name);
                    } else {
                        assertEquals(x.getLong(i), y.getLong(j), name + " entry " + e);
                    }
                }
            }
        }
    }

    private static byte[] payload(Path file, BasketInfo b) throws IOException {
        try (FileChannel c = FileChannel.open(file)) {
            ByteBuffer buf = ByteBuffer.allocate(b.compressedBytes());
            c.read(buf, b.seek() + b.recordBytes() - b.compressedBytes());
            return buf.array();
        }
    }

    @Test
    void copiesEveryBasketAsStoredAndAddsAComputedBranch(@TempDir Path dir) throws IOException {
        Path in = Fixtures.path("root/uproot-HZZ.root");
        Path out = dir.resolve("copy.root");
        TreeCopier.Result r;
        try (RootFile f = RootFile.open(in); RootFileWriter w = RootFileWriter.create(out, WriteOptions.defaults())) {
            r = new TreeCopier(f, "events")
                    .addBranch(BranchSpec.scalar("MET", ElementType.FLOAT64), List.of("MET_px", "MET_py"), t -> {
                        float[] px = t.column("MET_px").floats();
                        float[] py = t.column("MET_py").floats();
                        double[] m = new double[px.length];
                        for (int i = 0; i < m.length; i++) {
                            m[i] = Math.hypot(px[i], py[i]);
                        }
                        return Column.ofDoubles("MET", m);
                    })
                    .copyTo(w, "skims/events");
        }
        assertEquals(2421, r.entries());
        assertEquals(0, r.basketsRewritten());
        try (RootFile a = RootFile.open(in); RootFile b = RootFile.open(out)) {
            TreeReader ta = a.tree("events");
            TreeReader tb = b.tree("skims/events");
            List<String> names = new ArrayList<>();
            int baskets = 0;
            for (BranchInfo i : ta.branches()) {
                names.add(i.name());
                List<BasketInfo> ka = ta.baskets(i.name());
                List<BasketInfo> kb = tb.baskets(i.name());
                assertEquals(ka.size(), kb.size(), i.name());
                for (int k = 0; k < ka.size(); k++) {
                    assertArrayEquals(payload(in, ka.get(k)), payload(out, kb.get(k)),
                            i.name() + " basket " + k + " is copied byte for byte");
                    baskets++;
                }
                assertEquals(i.title(), tb.branch(i.name()).title());
            }
            assertEquals(baskets, r.basketsCopied());
            EventTable ea = ta.read(names);
            EventTable eb = tb.read(List.of());
            assertSameColumns(ea, eb, names, 2421);
            double[] met = eb.column("MET").doubles();
            for (int e = 0; e < 2421; e++) {
                float px = ea.column("MET_px").floats()[e];
                float py = ea.column("MET_py").floats()[e];
                assertEquals(Math.hypot(px, py), met[e], 0.0, "entry " + e);
            }
        }
    }

    @Test
    void entryLimitRewritesTheBasketItCuts(@TempDir Path dir) {
        Path in = Fixtures.path("root/uproot-sample-6.20.04-zlib.root");
        Path out = dir.resolve("cut.root");
        List<String> some = List.of("n", "Af8", "ai4", "u8", "b");
        TreeCopier.Result r;
        try (RootFile f = RootFile.open(in);
             RootFileWriter w = RootFileWriter.create(out, WriteOptions.defaults().compression(Compression.LZ4, 4))) {
            r = new TreeCopier(f, "sample").branches(List.of("Af8", "ai4", "u8", "b")).maxEntries(17).copyTo(w, "s");
        }
        assertEquals(17, r.entries());
        assertTrue(r.basketsCopied() > 0 && r.basketsRewritten() > 0, r.toString());
        try (RootFile a = RootFile.open(in); RootFile b = RootFile.open(out)) {
            TreeReader tb = b.tree("s");
            assertEquals(17, tb.entries());
            assertEquals(List.of("n", "b", "ai4", "u8", "Af8"), tb.branches().stream().map(BranchInfo::name).toList(),
                    "source order, with the counter of Af8");
            assertSameColumns(a.tree("sample").read(some), tb.read(some), some, 17);
        }
    }

    @Test
    void copiesEveryKindOfFlatBranchIncludingStrings(@TempDir Path dir) {
        Path in = Fixtures.path("root/uproot-sample-6.20.04-zlib.root");
        Path out = dir.resolve("all.root");
        try (RootFile f = RootFile.open(in); RootFileWriter w = RootFileWriter.create(out, WriteOptions.defaults())) {
            new TreeCopier(f, "sample").maxEntries(29).copyTo(w, "sample");
        }
        try (RootFile a = RootFile.open(in); RootFile b = RootFile.open(out)) {
            List<String> names = a.tree("sample").branches().stream().map(BranchInfo::name).toList();
            assertTrue(names.contains("str"));
            EventTable ea = a.tree("sample").read(names);
            EventTable eb = b.tree("sample").read(names);
            assertSameColumns(ea, eb, names.stream().filter(n -> !n.equals("str")).toList(), 29);
            for (int e = 0; e < 29; e++) {
                assertEquals(ea.column("str").strings()[e], eb.column("str").strings()[e], "str entry " + e);
            }
            assertEquals(a.tree("sample").branch("str").title(), b.tree("sample").branch("str").title());
        }
    }

    @Test
    void selectionKeepsMatchingEntriesOfEveryKind(@TempDir Path dir) {
        Path in = Fixtures.path("root/uproot-sample-6.20.04-zlib.root");
        Path out = dir.resolve("sel.root");
        try (RootFile f = RootFile.open(in); RootFileWriter w = RootFileWriter.create(out, WriteOptions.defaults())) {
            TreeCopier.Result r = new TreeCopier(f, "sample")
                    .select(List.of("n"), t -> {
                        boolean[] keep = new boolean[t.entries()];
                        for (int i = 0; i < keep.length; i++) {
                            keep[i] = t.column("n").ints()[i] % 2 == 1;
                        }
                        return keep;
                    })
                    .addBranch(BranchSpec.scalar("twice_n", ElementType.INT32), List.of("n"), t -> {
                        int[] v = t.column("n").ints().clone();
                        for (int i = 0; i < v.length; i++) {
                            v[i] *= 2;
                        }
                        return Column.ofInts("twice_n", v);
                    })
                    .copyTo(w, "odd");
            assertTrue(r.entries() > 0 && r.entries() < 30, r.toString());
        }
        try (RootFile a = RootFile.open(in); RootFile b = RootFile.open(out)) {
            List<String> names = a.tree("sample").branches().stream().map(BranchInfo::name).toList();
            EventTable ea = a.tree("sample").read(names);
            EventTable eb = b.tree("odd").read(List.of());
            int k = 0;
            for (int e = 0; e < ea.entries(); e++) {
                if (ea.column("n").ints()[e] % 2 != 1) {
                    continue;
                }
                for (String n : names) {
                    Column x = ea.column(n);
                    Column y = eb.column(n);
                    assertEquals(x.length(e), y.length(k), n);
                    for (int i = 0; i < x.length(e); i++) {
                        if (x.isString()) {
                            assertEquals(x.strings()[x.start(e) + i], y.strings()[y.start(k) + i], n);
                        } else {
                            assertEquals(x.getDouble(x.start(e) + i), y.getDouble(y.start(k) + i), 0.0, n);
                        }
                    }
                }
                assertEquals(2 * ea.column("n").ints()[e], eb.column("twice_n").ints()[k]);
                k++;
            }
            assertEquals(k, eb.entries());
        }
    }

    @Test
    void objectBranchesAreRefusedByName(@TempDir Path dir) {
        try (RootFile f = RootFile.open(Fixtures.path("root/uproot-issue31.root"));
             RootFileWriter w = RootFileWriter.create(dir.resolve("x.root"), WriteOptions.defaults())) {
            RootUnsupportedException e = assertThrows(RootUnsupportedException.class,
                    () -> new TreeCopier(f, "T").copyTo(w, "T"));
            assertTrue(e.getMessage().startsWith("uproot-issue31.root: T: cannot copy "), e.getMessage());
            assertTrue(e.getMessage().endsWith("only single-leaf branches of numbers, bools and C strings are copied, "
                    + "choose branches with a branch list"), e.getMessage());
        }
    }
}
