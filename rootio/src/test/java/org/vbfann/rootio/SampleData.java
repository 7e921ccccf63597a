package org.vbfann.rootio;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vbfann.core.Axis;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.core.Histogram1D;
import org.vbfann.core.Histogram2D;

/** Deterministic test content: trees with every branch kind and histograms with every binning. */
final class SampleData {
    private SampleData() {
    }

    /** Scalar branches of every writable type, fixed arrays, and two jagged branches sharing counter "n". */
    static List<BranchSpec> allKinds() {
        List<BranchSpec> s = new ArrayList<>();
        for (ElementType t : ElementType.values()) {
            if (t != ElementType.STRING) {
                s.add(BranchSpec.scalar("s_" + t.label(), t));
            }
        }
        s.add(BranchSpec.fixed("f3", ElementType.FLOAT32, 3));
        s.add(BranchSpec.fixed("i23", ElementType.INT32, 2, 3));
        s.add(BranchSpec.scalar("n", ElementType.INT32));
        s.add(BranchSpec.jagged("jd", ElementType.FLOAT64, "n"));
        s.add(BranchSpec.jagged("jf", ElementType.FLOAT32, "n"));
        return s;
    }

    /**
     * {@code entries} entries for {@link #allKinds()}, values depending on {@code first} (the global entry number
     * of the first row) so chunks differ; jagged lengths 0..4. With {@code withCounter} false the "n" column is
     * left out (the writer derives it).
     */
    static EventTable chunk(List<BranchSpec> specs, int first, int entries, boolean withCounter, long seed) {
        return chunk(specs, entries, withCounter, 4, new Random(seed + first), SampleData::values);
    }

    /** Makes {@code n} random values of type {@code t} in that type's array. */
    interface ValueSource {
        Object values(ElementType t, int n, Random r);
    }

    /**
     * {@code entries} entries for {@code specs}, whose jagged branches share the counter "n" and hold 0 to
     * {@code maxItems} items per entry; "n" is left out unless {@code withCounter}.
     */
    static EventTable chunk(List<BranchSpec> specs, int entries, boolean withCounter, int maxItems, Random r,
                            ValueSource values) {
        EventTable t = new EventTable(entries);
        int[] offsets = new int[entries + 1];
        for (int i = 0; i < entries; i++) {
            offsets[i + 1] = offsets[i] + r.nextInt(maxItems + 1);
        }
        for (BranchSpec s : specs) {
            if (s.isJagged()) {
                t.add(Column.of(s.name(), s.type(), entries, offsets, new int[0],
                        values.values(s.type(), offsets[entries], r)));
            } else if (s.name().equals("n")) {
                if (withCounter) {
                    int[] n = new int[entries];
                    for (int i = 0; i < entries; i++) {
                        n[i] = offsets[i + 1] - offsets[i];
                    }
                    t.add(Column.ofInts("n", n));
                }
            } else {
                t.add(Column.of(s.name(), s.type(), entries, null, s.fixedShape(),
                        values.values(s.type(), entries * s.itemSize(), r)));
            }
        }
        return t;
    }

    /**
     * Random values spanning each type's range; 64-bit values lie in [0, 2^53), which JSON carries exactly and
     * which JSROOT 7.11.2 decodes right (its ntoi8 takes {@code ~low} as a signed int, so negative 64-bit values
     * whose low word is below 2^31 come out 2^32 off; the round-trip tests cover negative values).
     */
    static Object values(ElementType t, int n, Random r) {
        return switch (t) {
            case BOOL -> {
                byte[] v = new byte[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (byte) r.nextInt(2);
                }
                yield v;
            }
            case INT8, UINT8 -> {
                byte[] v = new byte[n];
                r.nextBytes(v);
                yield v;
            }
            case INT16, UINT16 -> {
                short[] v = new short[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (short) r.nextInt();
                }
                yield v;
            }
            case INT32, UINT32 -> r.ints(n).toArray();
            case INT64, UINT64 -> r.longs(n, 0, 1L << 53).toArray();
            case FLOAT32 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (r.nextGaussian() * 100);
                }
                yield v;
            }
            case FLOAT64 -> r.doubles(n, -1e6, 1e6).toArray();
            case STRING -> throw new IllegalArgumentException("no strings");
        };
    }

    /** A weighted 1-d histogram, uniform or variable binning. */
    static Histogram1D h1(String name, boolean variable, long seed) {
        Axis a = variable ? Axis.variable(new double[] {0, 1, 2.5, 5, 10, 40}, "m_{4l} [GeV]")
                : Axis.uniform(20, -3, 3, "x");
        Histogram1D h = new Histogram1D(name, "title of " + name, a);
        h.setYTitle("events");
        Random r = new Random(seed);
        for (int i = 0; i < 500; i++) {
            h.fill(variable ? r.nextDouble() * 45 - 2 : r.nextGaussian() * 1.5, 0.5 + r.nextDouble());
        }
        return h;
    }

    /** A weighted 2-d histogram with a variable x axis. */
    static Histogram2D h2(String name, long seed) {
        Histogram2D h = new Histogram2D(name, "2-d " + name, Axis.variable(new double[] {0, 0.1, 0.3, 1}, "score"),
                Axis.uniform(4, 100, 180, "mass"));
        h.setZTitle("weight");
        Random r = new Random(seed);
        for (int i = 0; i < 300; i++) {
            h.fill(r.nextDouble() * 1.1, 90 + r.nextDouble() * 100, r.nextDouble());
        }
        return h;
    }
}
