package org.vbfann.bench.rootio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.rootio.BranchSpec;
import org.vbfann.rootio.Compression;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.TreeReader;
import org.vbfann.rootio.TreeWriter;
import org.vbfann.rootio.WriteOptions;

/**
 * Times writing a tree of N entries (default 1 M) × 20 float branches + one jagged float branch (0-5 items, with
 * its int counter) for several compressions, beside {@link Deflater} alone on the same bytes cut into the same
 * 32000-byte baskets, and then reading the file back. Fixed seed; one warm-up, then the median of the timed runs.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.vbfann.bench.rootio.RootWriteBenchmark <scratch-dir> [entries] [runs]}
 */
public final class RootWriteBenchmark {
    private static final int FLOAT_BRANCHES = 20;
    private static final int CHUNK = 100_000;
    private static final long SEED = 20261204L;

    private RootWriteBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RootWriteBenchmark <scratch-dir> [entries] [runs]");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<BranchSpec> specs = new ArrayList<>();
        for (int b = 0; b < FLOAT_BRANCHES; b++) {
            specs.add(BranchSpec.scalar("f" + b, ElementType.FLOAT32));
        }
        specs.add(BranchSpec.scalar("njet", ElementType.INT32));
        specs.add(BranchSpec.jagged("jet_pt", ElementType.FLOAT32, "njet"));
        List<EventTable> chunks = data(entries);
        long payload = payloadBytes(chunks);
        System.out.printf("entries %d, branches %d float + njet + jet_pt[njet], payload %.1f MB, JDK %s, %d cores%n",
                entries, FLOAT_BRANCHES, payload / 1e6, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-10s %10s %10s %12s %10s %10s%n", "codec", "write s", "MB/s", "file MB", "read s", "MB/s");
        for (String c : List.of("none", "zlib:1", "zlib:4", "lz4:4", "zstd:5")) {
            Path f = dir.resolve("bench-" + c.replace(':', '-') + ".root");
            WriteOptions o = WriteOptions.defaults().compression(Compression.parse(c));
            double w = median(runs, () -> write(f, o, specs, chunks));
            double r = median(runs, () -> read(f, entries));
            System.out.printf("%-10s %10.2f %10.1f %12.1f %10.2f %10.1f%n", c, w, payload / 1e6 / w,
                    Files.size(f) / 1e6, r, payload / 1e6 / r);
        }
        byte[] baskets = basketBytes(chunks);
        for (int level : new int[] {1, 4}) {
            long[] out = new long[1];
            double t = median(runs, () -> out[0] = deflateBaskets(baskets, level));
            System.out.printf("%-10s %10.2f %10.1f %12.1f   (java.util.zip.Deflater alone, 32000-byte pieces)%n",
                    "deflate:" + level, t, baskets.length / 1e6 / t, out[0] / 1e6);
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private static double median(int runs, Step step) throws IOException {
        step.run();   // warm-up: JIT, page cache
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            step.run();
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    private static void write(Path f, WriteOptions o, List<BranchSpec> specs, List<EventTable> chunks) {
        try (RootFileWriter w = RootFileWriter.create(f, o); TreeWriter t = w.tree("events", "benchmark", specs)) {
            for (EventTable c : chunks) {
                t.fill(c);
            }
        }
    }

    private static void read(Path f, int entries) {
        try (RootFile in = RootFile.open(f)) {
            TreeReader t = in.tree("events");
            EventTable all = t.read(List.of());
            if (all.entries() != entries) {
                throw new IllegalStateException("read " + all.entries() + " entries, wrote " + entries);
            }
        }
    }

    private static List<EventTable> data(int entries) {
        Random r = new Random(SEED);
        List<EventTable> out = new ArrayList<>();
        for (int start = 0; start < entries; start += CHUNK) {
            int n = Math.min(CHUNK, entries - start);
            EventTable t = new EventTable(n);
            for (int b = 0; b < FLOAT_BRANCHES; b++) {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (50 + 20 * r.nextGaussian());
                }
                t.add(Column.ofFloats("f" + b, v));
            }
            int[] offsets = new int[n + 1];
            for (int i = 0; i < n; i++) {
                offsets[i + 1] = offsets[i] + r.nextInt(6);
            }
            float[] pt = new float[offsets[n]];
            for (int i = 0; i < pt.length; i++) {
                pt[i] = (float) (30 + 40 * r.nextDouble());
            }
            t.add(Column.of("jet_pt", ElementType.FLOAT32, n, offsets, new int[0], pt));
            out.add(t);
        }
        return out;
    }

    /** Bytes of entry data written: 20 floats and the counter per entry, 4 bytes per jet. */
    private static long payloadBytes(List<EventTable> chunks) {
        long n = 0;
        for (EventTable c : chunks) {
            n += (long) c.entries() * (FLOAT_BRANCHES + 1) * 4 + 4L * c.column("jet_pt").size();
        }
        return n;
    }

    /** The same entry data as big-endian bytes, branch after branch. */
    private static byte[] basketBytes(List<EventTable> chunks) {
        ByteBuffer b = ByteBuffer.allocate((int) payloadBytes(chunks));
        for (int br = 0; br < FLOAT_BRANCHES; br++) {
            for (EventTable c : chunks) {
                for (float v : c.column("f" + br).floats()) {
                    b.putFloat(v);
                }
            }
        }
        for (EventTable c : chunks) {
            int[] off = c.column("jet_pt").offsets();
            for (int i = 0; i < c.entries(); i++) {
                b.putInt(off[i + 1] - off[i]);
            }
        }
        for (EventTable c : chunks) {
            for (float v : c.column("jet_pt").floats()) {
                b.putFloat(v);
            }
        }
        return b.array();
    }

    private static long deflateBaskets(byte[] data, int level) {
        Deflater d = new Deflater(level);
        byte[] out = new byte[64000];
        long total = 0;
        for (int off = 0; off < data.length; off += WriteOptions.DEFAULT_BASKET_SIZE) {
            d.reset();
            d.setInput(data, off, Math.min(WriteOptions.DEFAULT_BASKET_SIZE, data.length - off));
            d.finish();
            while (!d.finished()) {
                total += d.deflate(out);
            }
        }
        d.end();
        return total;
    }
}
