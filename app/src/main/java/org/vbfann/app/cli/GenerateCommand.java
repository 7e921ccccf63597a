package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vbfann.physics.gen.Category;
import org.vbfann.physics.gen.FinalState;
import org.vbfann.physics.gen.GeneratorSettings;
import org.vbfann.physics.gen.GeneratorTruth;
import org.vbfann.physics.gen.NtupleSchema;
import org.vbfann.physics.gen.OutputFile;
import org.vbfann.physics.gen.Process;
import org.vbfann.physics.gen.SyntheticNtuples;
import org.vbfann.physics.gen.ZxChannel;
import org.vbfann.rootio.BranchSpec;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.TreeWriter;
import org.vbfann.rootio.WriteOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vbfann generate}: the synthetic, calibrated H→ZZ→4ℓ ntuples (docs/generator.md). */
@Command(name = "generate",
        header = "Write synthetic, calibrated H->ZZ->4l ntuples in the layout of the CMS reduced ntuples.",
        description = {
            "Simulates VBF (qqH), ggH, WH, ZH, ttH, qqZZ, ZZJJ, ggZZ and ttZ at 13 TeV, calibrated to the published"
                + " VBF-SR yields, and writes DIR/histos{4mu,4e,2e2mu}_25ns/output_<dataset>.root with the CMS dataset"
                + " names (tree HZZ4LeptonsAnalysisReduced), output_data_obs.root with Poisson pseudo-data including"
                + " Z+X, the Z+X inputs in DIR/ZplusX (trees FakeRate and ControlRegions) and DIR/truth.json with"
                + " everything the generator knows. The same seed gives identical files."})
public final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output folder (created if missing).")
    Path out;

    @Option(names = "--lumi", defaultValue = "35.9", paramLabel = "FB",
            description = "Integrated luminosity in fb^-1 (default: ${DEFAULT-VALUE}, the 2016 dataset); yields scale with it.")
    double lumi;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "The random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "X",
            description = "Multiply the number of simulated events of every sample by X (default: ${DEFAULT-VALUE},"
                + " about 330 000 events); yields do not change.")
    double scale;

    @Option(names = "--threads", paramLabel = "N",
            description = "Samples generated in parallel (default: the number of cores, at most 2); the files do not depend on it.")
    Integer threads;

    @Option(names = "--json", description = "Print a JSON summary instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        int nThreads = threads != null ? threads : Math.min(2, Runtime.getRuntime().availableProcessors());
        SyntheticNtuples gen = new SyntheticNtuples(new GeneratorSettings(lumi, seed, scale, nThreads));
        List<String> files = new ArrayList<>();
        long[] events = new long[1];
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        GeneratorTruth truth = gen.run(file -> {
            write(file);
            files.add(file.relativePath());
            for (OutputFile.Tree t : file.trees()) {
                events[0] += t.table().entries();
            }
        }, (done, total, what) -> {
            if (!json) {
                err.printf("[%d/%d] %s%n", done, total, what);
                err.flush();
            }
        });
        Path truthFile = out.resolve("truth.json");
        NnFiles.writeAtomically(truthFile, truth.toJson().getBytes(StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            NnFiles.printJson(stdout, summary(truth, files.size(), events[0], seconds, truthFile));
        } else {
            printTable(stdout, truth, files.size(), events[0], seconds);
        }
        return ExitCodes.OK;
    }

    private void write(OutputFile file) {
        Path path = out.resolve(file.relativePath());
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder " + path.getParent(), e);
        }
        try (RootFileWriter w = RootFileWriter.create(path, WriteOptions.defaults())) {
            for (OutputFile.Tree t : file.trees()) {
                try (TreeWriter tw = w.tree(t.name(), t.title(), branchSpecs(t.branches()))) {
                    if (t.table().entries() > 0) {
                        tw.fill(t.table());
                    }
                }
            }
        }
    }

    /** The writer's branch layout of a schema: scalars and fixed arrays. */
    static List<BranchSpec> branchSpecs(List<NtupleSchema.Branch> branches) {
        List<BranchSpec> out = new ArrayList<>();
        for (NtupleSchema.Branch b : branches) {
            out.add(b.shape().length == 0 ? BranchSpec.scalar(b.name(), b.type()) : BranchSpec.fixed(b.name(), b.type(), b.shape()));
        }
        return out;
    }

    private ObjectNode summary(GeneratorTruth truth, int files, long events, double seconds, Path truthFile) {
        ObjectNode o = NnFiles.JSON.createObjectNode();
        o.put("out", out.toString());
        o.put("truth", truthFile.toString());
        o.put("seed", seed);
        o.put("lumi_fb", lumi);
        o.put("scale", scale);
        o.put("files", files);
        o.put("events", events);
        o.put("seconds", seconds);
        ObjectNode sr = o.putObject("vbf_sr_expected");
        for (Process p : Process.values()) {
            sr.put(p.key(), vbfSr(truth, p));
        }
        double zx = 0;
        for (ZxChannel c : ZxChannel.values()) {
            zx += truth.zplusx(c, Category.VBF_SR);
        }
        sr.put("ZX", zx);
        ObjectNode data = o.putObject("data_obs");
        for (FinalState fs : FinalState.values()) {
            ObjectNode d = data.putObject(fs.label());
            d.put("events", truth.dataEvents(fs));
            d.put("vbf_sr", truth.dataVbfSr(fs));
        }
        return o;
    }

    private static double vbfSr(GeneratorTruth truth, Process p) {
        double s = 0;
        for (FinalState fs : FinalState.values()) {
            s += truth.expected(p, fs, Category.VBF_SR);
        }
        return s;
    }

    private void printTable(PrintWriter o, GeneratorTruth truth, int files, long events, double seconds) {
        o.printf("wrote %d files, %d events, to %s in %.1f s (seed %d, %.1f fb^-1, scale %s)%n", files, events, out,
                seconds, seed, lumi, scale);
        o.printf("%-6s %10s %10s %10s %10s %10s%n", "VBF-SR", "4mu", "4e", "2e2mu", "4l", "published");
        for (Process p : Process.values()) {
            o.printf("%-6s", p.key());
            for (FinalState fs : FinalState.values()) {
                o.printf(" %10.3f", truth.expected(p, fs, Category.VBF_SR));
            }
            o.printf(" %10.3f %10s%n", vbfSr(truth, p), Double.isNaN(p.vbfSrTarget()) ? "-" : String.format("%.2f", p.vbfSrTarget()));
        }
        double[] zx = new double[FinalState.values().length];
        for (ZxChannel c : ZxChannel.values()) {
            zx[c.finalState().ordinal()] += truth.zplusx(c, Category.VBF_SR);
        }
        o.printf("%-6s %10.3f %10.3f %10.3f %10.3f %10s%n", "Z+X", zx[0], zx[1], zx[2], zx[0] + zx[1] + zx[2], "5.08");
        o.printf("%-6s", "data");
        int total = 0;
        for (FinalState fs : FinalState.values()) {
            o.printf(" %10d", truth.dataVbfSr(fs));
            total += truth.dataVbfSr(fs);
        }
        o.printf(" %10d %10s%n", total, "17");
        o.flush();
    }
}
