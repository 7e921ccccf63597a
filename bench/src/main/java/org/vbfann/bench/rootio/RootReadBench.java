package org.vbfann.bench.rootio;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.rootio.BasketInfo;
import org.vbfann.rootio.BranchInfo;
import org.vbfann.rootio.BranchSpec;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.TreeReader;
import org.vbfann.rootio.TreeWriter;
import org.vbfann.rootio.WriteOptions;

/**
 * Whole-read benchmark of the ROOT reader: reads chosen float branches of a tree, every entry, and compares
 * with the time {@link Inflater} alone takes on the same baskets (the lower limit of any zlib reader).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.vbfann.bench.rootio.RootReadBench FILE TREE N_BRANCHES [REPEATS]
 * java -cp bench/target/benchmarks.jar org.vbfann.bench.rootio.RootReadBench --make FILE ENTRIES
 * </pre>
 *
 * Prints one JSON object: entries, branches, decompressed payload bytes, the minimum and median wall seconds and
 * median thread-CPU seconds of the full (serial) read and of inflate alone over the repeats, the median wall
 * seconds of the same read with one task per branch ({@code TreeReader.parallel}), and events/s and MB/s of the
 * serial read.
 */
public final class RootReadBench {
    private RootReadBench() {
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException, DataFormatException {
        if (args.length >= 3 && args[0].equals("--make")) {
            make(Paths.get(args[1]), Integer.parseInt(args[2]));
            return;
        }
        if (args.length < 3) {
            System.err.println("usage: RootReadBench FILE TREE N_BRANCHES [REPEATS] | --make FILE ENTRIES");
            System.exit(2);
        }
        Path file = Paths.get(args[0]);
        String treeName = args[1];
        int nBranches = Integer.parseInt(args[2]);
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 7;

        List<String> branches = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        long payloadBytes = 0;
        long entries;
        try (RootFile f = RootFile.open(file); RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            TreeReader tree = f.tree(treeName);
            entries = tree.entries();
            for (BranchInfo b : tree.branches()) {
                if (b.type() == ElementType.FLOAT32 && b.kind() == BranchInfo.Kind.SCALAR && branches.size() < nBranches) {
                    branches.add(b.name());
                }
            }
            for (String b : branches) {
                for (BasketInfo bi : tree.baskets(b)) {
                    payloadBytes += bi.uncompressedBytes();
                    byte[] stored = new byte[bi.compressedBytes()];
                    raf.seek(bi.seek() + bi.recordBytes() - bi.compressedBytes());
                    raf.readFully(stored);
                    payloads.add(stored);
                }
            }
        }
        byte[] out = new byte[1 << 20];
        // Wall and thread-CPU seconds: CPU time stays meaningful when other jobs share the two cores.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] read = new double[repeats];
        double[] inflate = new double[repeats];
        double[] readCpu = new double[repeats];
        double[] inflateCpu = new double[repeats];
        double checksum = 0;
        double[] parallelRead = new double[repeats];
        for (int r = -2; r < repeats; r++) {      // two warm-up rounds
            long p0 = System.nanoTime();
            EventTable parallelTable = readAll(file, treeName, branches, true);
            long p1 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            EventTable table = readAll(file, treeName, branches, false);
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            // the checksum (compared with JSROOT's) is computed outside the timed read
            checksum = sum(table);
            double parallelSum = sum(parallelTable);
            if (checksum != parallelSum) {
                throw new IllegalStateException("parallel read gave " + parallelSum + ", serial " + checksum);
            }
            long c2start = cpu.getCurrentThreadCpuTime();
            long t2start = System.nanoTime();
            inflateAll(payloads, out);
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            if (r >= 0) {
                read[r] = (t1 - t0) / 1e9;
                parallelRead[r] = (p1 - p0) / 1e9;
                inflate[r] = (t2 - t2start) / 1e9;
                readCpu[r] = (c1 - c0) / 1e9;
                inflateCpu[r] = (c2 - c2start) / 1e9;
            }
        }
        Arrays.sort(read);
        Arrays.sort(inflate);
        Arrays.sort(readCpu);
        Arrays.sort(parallelRead);
        Arrays.sort(inflateCpu);
        double med = read[repeats / 2];
        System.out.printf(Locale.ROOT,
                "{\"file\":\"%s\",\"entries\":%d,\"branches\":%d,\"payload_bytes\":%d,\"read_min_s\":%.4f,"
                        + "\"read_median_s\":%.4f,\"inflate_min_s\":%.4f,\"inflate_median_s\":%.4f,"
                        + "\"read_over_inflate\":%.3f,\"read_cpu_median_s\":%.4f,\"inflate_cpu_median_s\":%.4f,"
                        + "\"cpu_read_over_inflate\":%.3f,\"parallel_read_median_s\":%.4f,\"events_per_s\":%.0f,\"mb_per_s\":%.1f,\"checksum\":%.6g}%n",
                file.getFileName(), entries, branches.size(), payloadBytes, read[0], med, inflate[0],
                inflate[repeats / 2], med / inflate[repeats / 2], readCpu[repeats / 2], inflateCpu[repeats / 2],
                readCpu[repeats / 2] / inflateCpu[repeats / 2], parallelRead[repeats / 2], entries / med, payloadBytes / med / 1e6, checksum);
    }

    private static EventTable readAll(Path file, String treeName, List<String> branches, boolean parallel) {
        try (RootFile f = RootFile.open(file)) {
            TreeReader tree = f.tree(treeName).parallel(parallel);
            return tree.read(branches, 0, tree.entries());
        }
    }

    private static double sum(EventTable t) {
        double sum = 0;
        for (Column c : t.columns()) {
            float[] v = c.floats();
            for (int i = 0; i < v.length; i++) {
                sum += v[i];
            }
        }
        return sum;
    }

    /** Inflates every 9-byte-header block of ROOT's compressed records (ZL blocks only; raw ones are skipped). */
    private static void inflateAll(List<byte[]> payloads, byte[] out) throws DataFormatException {
        Inflater inf = new Inflater();
        for (byte[] p : payloads) {
            int pos = 0;
            while (pos + 9 <= p.length && p[pos] == 'Z' && p[pos + 1] == 'L') {
                int csize = (p[pos + 3] & 0xff) | (p[pos + 4] & 0xff) << 8 | (p[pos + 5] & 0xff) << 16;
                inf.reset();
                inf.setInput(p, pos + 9, csize);
                while (!inf.finished()) {
                    if (inf.inflate(out) == 0 && (inf.needsInput() || inf.needsDictionary())) {
                        break;
                    }
                }
                pos += 9 + csize;
            }
        }
        inf.end();
    }

    /** Writes the benchmark tree: 20 float branches of smooth random values and one jagged float branch. */
    private static void make(Path file, int entries) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<BranchSpec> specs = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            specs.add(BranchSpec.scalar("f" + b, ElementType.FLOAT32));
        }
        specs.add(BranchSpec.scalar("n", ElementType.INT32));
        specs.add(BranchSpec.jagged("jet_pt", ElementType.FLOAT32, "n"));
        SplittableRandom rng = new SplittableRandom(42);
        int chunk = 100_000;
        try (RootFileWriter w = RootFileWriter.create(file, WriteOptions.defaults());
             TreeWriter t = w.tree("events", "read benchmark", specs)) {
            for (int start = 0; start < entries; start += chunk) {
                int n = Math.min(chunk, entries - start);
                EventTable table = new EventTable(n);
                for (int b = 0; b < 20; b++) {
                    float[] v = new float[n];
                    for (int i = 0; i < n; i++) {
                        // physics-like values: a few significant digits, as real ntuples compress
                        v[i] = (float) (Math.round(-Math.log(1 - rng.nextDouble()) * 50.0 * (b + 1) * 100) / 100.0);
                    }
                    table.add(Column.ofFloats("f" + b, v));
                }
                int[] counts = new int[n];
                int[] offsets = new int[n + 1];
                for (int i = 0; i < n; i++) {
                    counts[i] = rng.nextInt(6);
                    offsets[i + 1] = offsets[i] + counts[i];
                }
                float[] pts = new float[offsets[n]];
                for (int i = 0; i < pts.length; i++) {
                    pts[i] = (float) (30 + Math.round(-Math.log(1 - rng.nextDouble()) * 4000) / 100.0);
                }
                table.add(Column.ofInts("n", counts));
                table.add(Column.of("jet_pt", ElementType.FLOAT32, n, offsets, new int[0], pts));
                t.fill(table);
            }
        }
    }
}
