package org.vbfann.rootio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.vbfann.core.Axis;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.core.Histogram1D;
import org.vbfann.core.Histogram2D;

/** Everything the writer writes, vbfann's reader reads back identically: random trees and histograms. */
class WriteReadRoundTripTest {
    private static final ElementType[] TYPES = {ElementType.BOOL, ElementType.INT8, ElementType.UINT8,
        ElementType.INT16, ElementType.UINT16, ElementType.INT32, ElementType.UINT32, ElementType.INT64,
        ElementType.UINT64, ElementType.FLOAT32, ElementType.FLOAT64};

    @Provide
    Arbitrary<String> compressions() {
        return Arbitraries.of("none", "zlib:1", "zlib:6", "lz4:4", "zstd:5");
    }

    /**
     * Random branch lists (scalars, fixed arrays up to 3 dimensions, jagged branches whose lengths include 0),
     * random entry counts (jqwik's edge cases give empty and one-entry trees), chunkings and basket sizes.
     */
    @Property(tries = 60)
    void treesReadBackIdentically(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int entries,
                                  @ForAll @IntRange(min = 64, max = 3000) int basketSize,
                                  @ForAll("compressions") String compression) throws IOException {
        Random r = new Random(seed);
        List<BranchSpec> specs = randomSpecs(r);
        List<EventTable> chunks = new ArrayList<>();
        for (int done = 0; done < entries; ) {
            int n = Math.min(entries - done, 1 + r.nextInt(Math.max(1, entries / 2)));
            chunks.add(SampleData.chunk(specs, n, true, r.nextInt(6), r, WriteReadRoundTripTest::fullRange));   // 0: only empty arrays
            done += n;
        }
        Path dir = Files.createTempDirectory("roundtrip");
        try {
            Path f = dir.resolve("t.root");
            WriteOptions o = WriteOptions.defaults().compression(Compression.parse(compression)).basketSize(basketSize);
            try (RootFileWriter w = RootFileWriter.create(f, o); TreeWriter t = w.tree("d/tree", "random", specs)) {
                for (EventTable c : chunks) {
                    t.fill(c);
                }
            }
            try (RootFile in = RootFile.open(f)) {
                TreeReader t = in.tree("d/tree");
                assertEquals(entries, t.entries());
                EventTable back = t.read(List.of());
                assertEquals(specs.size(), back.names().size());
                int first = 0;
                for (EventTable c : chunks) {
                    for (BranchSpec s : specs) {
                        assertSameEntries(c.column(s.name()), back.column(s.name()), first);
                    }
                    first += c.entries();
                }
                for (BranchSpec s : specs) {
                    BranchInfo b = t.branch(s.name());
                    assertEquals(s.type(), b.type(), s.name());
                    assertArrayEquals(s.fixedShape(), b.fixedShape(), s.name());
                    assertEquals(s.counter(), b.counter(), s.name());
                }
            }
        } finally {
            deleteTree(dir);
        }
    }

    @Property(tries = 40)
    void histogramsReadBackIdentically(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int nx,
                                       @ForAll @IntRange(min = 1, max = 12) int ny) throws IOException {
        Random r = new Random(seed);
        Histogram1D h1 = new Histogram1D("h1", "title " + seed, randomAxis(nx, r, "x " + nx));
        h1.setYTitle("y title");
        Histogram2D h2 = new Histogram2D("h2", "", randomAxis(nx, r, "x"), randomAxis(ny, r, "y"));
        h2.setZTitle("z");
        for (int i = 0; i < 200; i++) {
            h1.fill(r.nextGaussian() * 10, r.nextDouble() * 3 - 1);
            h2.fill(r.nextGaussian() * 10, r.nextGaussian() * 10, r.nextDouble());
        }
        h1.setEntries(r.nextInt(1000));
        Path dir = Files.createTempDirectory("roundtrip");
        try {
            Path f = dir.resolve("h.root");
            try (RootFileWriter w = RootFileWriter.create(f, WriteOptions.defaults())) {
                w.put("a/b/h1", h1);
                w.put("h2", h2);
                w.put("c/h1f", h1, true);
            }
            try (RootFile in = RootFile.open(f)) {
                Histogram1D b1 = in.histogram1D("a/b/h1");
                assertTrue(h1.sameContents(b1), "TH1D contents, sumw2, entries");
                assertEquals(h1.title(), b1.title());
                assertEquals(h1.axis(), b1.axis());
                assertEquals(h1.yTitle(), b1.yTitle());
                Histogram2D b2 = in.histogram2D("h2");
                assertTrue(h2.sameContents(b2), "TH2D contents");
                assertEquals(h2.xAxis(), b2.xAxis());
                assertEquals(h2.yAxis(), b2.yAxis());
                Histogram1D bf = in.histogram1D("c/h1f");
                double[] rounded = h1.contents();
                for (int i = 0; i < rounded.length; i++) {
                    rounded[i] = (float) rounded[i];
                }
                assertArrayEquals(rounded, bf.contents(), "TH1F holds float contents");
                assertArrayEquals(h1.sumw2(), bf.sumw2(), "TH1F keeps double sumw2");
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static Axis randomAxis(int n, Random r, String title) {
        if (r.nextBoolean()) {
            return Axis.uniform(n, -20 * r.nextDouble(), 1 + 20 * r.nextDouble(), title);
        }
        double[] e = new double[n + 1];
        e[0] = -25;
        for (int i = 1; i <= n; i++) {
            e[i] = e[i - 1] + 0.01 + r.nextDouble() * 3;
        }
        return Axis.variable(e, title);
    }

    private static List<BranchSpec> randomSpecs(Random r) {
        List<BranchSpec> s = new ArrayList<>();
        int n = 1 + r.nextInt(6);
        boolean counter = false;
        for (int i = 0; i < n; i++) {
            ElementType t = TYPES[r.nextInt(TYPES.length)];
            switch (r.nextInt(4)) {
                case 0 -> s.add(BranchSpec.scalar("b" + i, r.nextInt(8) == 0 ? ElementType.STRING : t));
                case 1 -> {
                    int[] dims = new int[1 + r.nextInt(3)];
                    for (int d = 0; d < dims.length; d++) {
                        dims[d] = 1 + r.nextInt(3);
                    }
                    s.add(BranchSpec.fixed("b" + i, t, dims));
                }
                default -> {
                    if (!counter) {
                        s.add(BranchSpec.scalar("n", ElementType.INT32));
                        counter = true;
                    }
                    s.add(BranchSpec.jagged("b" + i, t, "n"));
                }
            }
        }
        return s;
    }

    /** Values over each type's whole bit range, NaN and infinities included for floating types. */
    private static Object fullRange(ElementType t, int n, Random r) {
        return switch (t) {
            case STRING -> {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    // Latin-1 characters, lengths across the 255-byte switch to a 4-byte length
                    char[] c = new char[r.nextInt(8) == 0 ? 250 + r.nextInt(20) : r.nextInt(6)];
                    for (int k = 0; k < c.length; k++) {
                        c[k] = (char) (32 + r.nextInt(224));
                    }
                    v[i] = new String(c);
                }
                yield v;
            }
            case INT64, UINT64 -> r.longs(n).toArray();
            case FLOAT32 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i % 17 == 5 ? Float.NaN : i % 19 == 3 ? Float.NEGATIVE_INFINITY : Float.intBitsToFloat(r.nextInt());
                }
                yield v;
            }
            case FLOAT64 -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i % 13 == 2 ? Double.POSITIVE_INFINITY : Double.longBitsToDouble(r.nextLong());
                }
                yield v;
            }
            default -> SampleData.values(t, n, r);
        };
    }

    /** Entries of {@code written} equal entries {@code first..} of {@code read}, bit for bit. */
    private static void assertSameEntries(Column written, Column read, int first) {
        assertEquals(written.type(), read.type(), written.name());
        for (int e = 0; e < written.entries(); e++) {
            int len = written.length(e);
            assertEquals(len, read.length(first + e), written.name() + " entry " + (first + e) + " length");
            int a = written.start(e);
            int b = read.start(first + e);
            for (int k = 0; k < len; k++) {
                if (written.type() == ElementType.STRING) {
                    assertEquals(written.strings()[a + k], read.strings()[b + k], written.name());
                } else if (written.type() == ElementType.FLOAT32) {
                    assertEquals(Float.floatToRawIntBits(written.floats()[a + k]),
                            Float.floatToRawIntBits(read.floats()[b + k]), written.name());
                } else if (written.type() == ElementType.FLOAT64) {
                    assertEquals(Double.doubleToRawLongBits(written.doubles()[a + k]),
                            Double.doubleToRawLongBits(read.doubles()[b + k]), written.name());
                } else {
                    assertEquals(written.getLong(a + k), read.getLong(b + k), written.name() + " entry " + (first + e));
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
