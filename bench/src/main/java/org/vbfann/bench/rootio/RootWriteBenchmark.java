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
import org.vbfann.rootio.TreeCopier;
import org.vbfann.rootio.TreeReader;
import org.vbfann.rootio.TreeWriter;
import org.vbfann.rootio.WriteOptions;

/**
 * Times writing a tree of N entries (default 1 M) × 20 float branches + one jagged float branch (0-5 items, with
 * its int counter) for several compressions, beside {@link Deflater} alone on the same bytes cut into the same
 * 32000-byte baskets, and then reading the file back. Fixed seed; one warm-up, then the median of the timed runs;
 * MB/s are payload megabytes per CPU second.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.vbfann.bench.rootio.RootWriteBenchmark <scratch-dir>
 * [entries] [runs]}
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
        System.out.printf("%-10s %9s %9s %9s %9s %9s %9s %9s%n", "codec", "write cpu", "wall s", "MB/s", "file MB",
                "read cpu", "wall s", "MB/s");
        for (String c : List.of("none", "zlib:1", "zlib:4", "lz4:4", "zstd:5")) {
            Path f = dir.resolve("bench-" + c.replace(':', '-') + ".root");
            WriteOptions o = WriteOptions.defaults().compression(Compression.parse(c));
            double w = median(runs, () -> write(f, o, specs, chunks));
            double ww = lastWall;
            double r = median(runs, () -> read(f, entries));
            double rw = lastWall;
            System.out.printf("%-10s %9.2f %9.2f %9.1f %9.1f %9.2f %9.2f %9.1f%n", c, w, ww, payload / 1e6 / w,
                    Files.size(f) / 1e6, r, rw, payload / 1e6 / r);
        }
        Path source = dir.resolve("bench-zlib-4.root");
        Path copy = dir.resolve("bench-copy.root");
        double raw = median(runs, () -> copy(source, copy, false));
        double rawWall = lastWall;
        double added = median(runs, () -> copy(source, copy, true));
        System.out.printf("%-10s %9.2f %9.2f %9.1f %9.1f   (TreeCopier of the zlib:4 file, baskets copied as stored)%n",
                "copy", raw, rawWall, payload / 1e6 / raw, Files.size(source) / 1e6);
        System.out.printf("%-10s %9.2f %9.2f %9.1f %9.1f   (the same plus a float branch f0+f1, zlib:4)%n",
                "copy+1", added, lastWall, payload / 1e6 / added, Files.size(copy) / 1e6);
        byte[] baskets = basketBytes(chunks);
        for (int level : new int[] {1, 4}) {
            long[] out = new long[1];
            double t = median(runs, () -> out[0] = deflateBaskets(baskets, level));
            System.out.printf("%-10s %9.2f %9.2f %9.1f %9.1f   (java.util.zip.Deflater alone, 32000-byte pieces)%n",
                    "deflate:" + level, t, lastWall, baskets.length / 1e6 / t, out[0] / 1e6);
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    /**
     * Median seconds of {@code runs} runs after a warm-up: CPU time of this thread (the writer and reader are
     * single-threaded, so this is their work, and it is less disturbed by other processes than wall time), and
     * wall time in {@link #lastWall}.
     */
    private static double median(int runs, Step step) throws IOException {
        step.run();   // warm-up: JIT, page cache
        double[] cpu = new double[runs];
        double[] wall = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            step.run();
            wall[i] = (System.nanoTime() - t0) / 1e9;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        lastWall = wall[runs / 2];
        return cpu[runs / 2];
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static double lastWall;

    private static void write(Path f, WriteOptions o, List<BranchSpec> specs, List<EventTable> chunks) {
        try (RootFileWriter w = RootFileWriter.create(f, o); TreeWriter t = w.tree("events", "benchmark", specs)) {
            for (EventTable c : chunks) {
                t.fill(c);
            }
        }
    }

    private static void copy(Path from, Path to, boolean addBranch) {
        try (RootFile in = RootFile.open(from); RootFileWriter w = RootFileWriter.create(to, WriteOptions.defaults())) {
            TreeCopier c = new TreeCopier(in, "events");
            if (addBranch) {
                c.addBranch(BranchSpec.scalar("sum01", ElementType.FLOAT32), List.of("f0", "f1"), t -> {
                    float[] a = t.column("f0").floats();
                    float[] b = t.column("f1").floats();
                    float[] s = new float[a.length];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = a[i] + b[i];
                    }
                    return Column.ofFloats("sum01", s);
                });
            }
            c.copyTo(w, "events");
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
