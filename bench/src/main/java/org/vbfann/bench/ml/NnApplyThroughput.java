package org.vbfann.bench.ml;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.vbfann.app.cli.VbfannCli;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.Trainer;
import org.vbfann.ml.io.ModelFile;
import org.vbfann.ml.io.ModelWriter;
import org.vbfann.rootio.BranchSpec;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.TreeWriter;
import org.vbfann.rootio.WriteOptions;

/**
 * Throughput of {@code vbfann nn apply}: FILES trees of ENTRIES entries with 18 float branches (the
 * network's inputs) and 12 more, zlib-compressed, get a score branch from the 18-36-18-9 network, with
 * {@code --threads 1} and {@code --threads 2}. Prints entries per second (wall clock, median of 3 after one
 * warm-up). Usage: {@code java -cp bench/target/benchmarks.jar org.vbfann.bench.ml.NnApplyThroughput DIR
 * [ENTRIES [FILES]]}.
 */
public final class NnApplyThroughput {
    private static final int INPUTS = 18;
    private static final int OTHERS = 12;

    private NnApplyThroughput() {
    }

    /** Writes the inputs and the model under DIR, then times the command. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int entries = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        int files = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Files.createDirectories(dir);
        List<String> inputs = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            Path p = dir.resolve("ntuple_" + f + ".root");
            writeTree(p, entries, f);
            inputs.add(p.toString());
        }
        Mlp net = Trainer.initialNetwork(MlpBenchmark.config(128).build(), MlpBenchmark.events(1000, 1));
        ModelWriter.write(ModelFile.of(net), dir.resolve("model"));
        for (int threads : new int[] {1, 2}) {
            double[] t = new double[3];
            for (int run = -1; run < t.length; run++) {
                long t0 = System.nanoTime();
                StringWriter err = new StringWriter();
                int code = VbfannCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err)).execute(
                        "nn", "apply", dir.resolve("model").toString(), "--input", String.join(",", inputs),
                        "--branch", "nn_score", "--out", dir.resolve("out").toString(), "--threads", "" + threads);
                if (code != 0) {
                    throw new IllegalStateException("nn apply failed: " + err);
                }
                if (run >= 0) {
                    t[run] = (System.nanoTime() - t0) * 1e-9;
                }
            }
            java.util.Arrays.sort(t);
            System.out.printf(Locale.ROOT, "threads %d: %d files x %d entries in %.2f s: %.0f entries/s%n", threads,
                    files, entries, t[1], (double) files * entries / t[1]);
        }
    }

    private static void writeTree(Path p, int entries, long seed) {
        List<BranchSpec> specs = new ArrayList<>();
        for (int j = 0; j < INPUTS; j++) {
            specs.add(BranchSpec.scalar("f" + j, ElementType.FLOAT32));
        }
        for (int j = 0; j < OTHERS; j++) {
            specs.add(BranchSpec.scalar("other" + j, ElementType.FLOAT32));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int chunk = 100_000;
        try (RootFileWriter w = RootFileWriter.create(p, WriteOptions.defaults());
                TreeWriter t = w.tree("events", "nn apply benchmark", specs)) {
            for (int start = 0; start < entries; start += chunk) {
                int n = Math.min(chunk, entries - start);
                List<Column> cols = new ArrayList<>();
                for (BranchSpec s : specs) {
                    float[] v = new float[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = (float) rng.nextDouble(-1, 1);
                    }
                    cols.add(Column.ofFloats(s.name(), v));
                }
                t.fill(EventTable.of(n, cols));
            }
        }
    }
}
