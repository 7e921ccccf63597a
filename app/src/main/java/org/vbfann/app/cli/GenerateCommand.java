package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vbfann.core.EventTable;
import org.vbfann.physics.expr.Expression;
import org.vbfann.plot.ChartFiles;
import org.vbfann.plot.ScorePlot;
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
                + " everything the generator knows. The same seed gives byte-identical files (keys carry a fixed"
                + " date and the directory UUIDs come from the seed)."})
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

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Also draw the main distributions of every process (normalised, weighted) as PNG files in DIR.")
    Path plots;

    @Option(names = "--json", description = "Print a JSON summary instead of the table.")
    boolean json;

    /** Variables drawn by --plots: expression, file name, axis label, bins, range. */
    private static final String[][] PLOTS = {
        {"f_mass4l", "m4l", "m4l [GeV]", "92", "70", "300"},
        {"f_mass4l", "m4l_window", "m4l [GeV] (105-140)", "70", "105", "140"},
        {"f_Z1mass", "mZ1", "m(Z1) [GeV]", "80", "40", "120"},
        {"f_Z2mass", "mZ2", "m(Z2) [GeV]", "54", "12", "120"},
        {"f_njets_pass", "njets", "selected jets", "7", "-0.5", "6.5"},
        {"mjj", "mjj", "m_jj [GeV] (>= 2 jets)", "50", "0", "2000"},
        {"detajj", "detajj", "|delta eta_jj| (>= 2 jets)", "45", "0", "9"},
        {"f_D_jet", "djet", "Fisher D_jet (>= 2 jets)", "40", "0", "2"},
        {"f_Djet_VAJHU", "mela", "MELA-like D_jet (>= 2 jets)", "40", "0", "1"},
        {"f_jets_highpt_pt[0]", "jet1pt", "leading jet pT [GeV]", "50", "30", "330"},
        {"f_lept4_pt", "lept4pt", "4th lepton pT [GeV]", "50", "0", "100"},
        {"f_pt4l", "pt4l", "pT(4l) [GeV]", "50", "0", "300"},
    };

    @Override
    public Integer call() {
        int nThreads = threads != null ? threads : Math.min(2, Runtime.getRuntime().availableProcessors());
        SyntheticNtuples gen = new SyntheticNtuples(new GeneratorSettings(lumi, seed, scale, nThreads));
        List<String> files = new ArrayList<>();
        long[] events = new long[1];
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        Map<String, List<ScorePlot.Sample>> plotted = new LinkedHashMap<>();
        GeneratorTruth truth = gen.run(file -> {
            write(file);
            if (plots != null) {
                collect(file, plotted);
            }
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
        if (plots != null) {
            drawPlots(plotted);
        }
        Path truthFile = out.resolve("truth.json");
        NnFiles.writeAtomically(truthFile, truth.toJson().getBytes(StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(stdout, summary(truth, files.size(), events[0], seconds, truthFile));
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
        try (RootFileWriter w = RootFileWriter.create(path, WriteOptions.defaults().reproducible(seed))) {
            for (OutputFile.Tree t : file.trees()) {
                try (TreeWriter tw = w.tree(t.name(), t.title(), branchSpecs(t.branches()))) {
                    if (t.table().entries() > 0) {
                        tw.fill(t.table());
                    }
                }
            }
        }
    }

    /** Keeps the plotted variables of a simulated sample, grouped by process key. */
    private static void collect(OutputFile file, Map<String, List<ScorePlot.Sample>> plotted) {
        Process process = null;
        for (Process p : Process.values()) {
            for (Process.Dataset d : p.datasets()) {
                for (FinalState fs : FinalState.values()) {
                    if (file.relativePath().endsWith("/output_" + d.name(fs) + ".root")) {
                        process = p;
                    }
                }
            }
        }
        if (process == null) {
            return;
        }
        EventTable t = file.trees().get(0).table();
        double[] w = Expression.parse("f_weight").evaluate(t);
        boolean[] twoJets = Expression.parse("f_njets_pass >= 2").select(t);
        for (String[] p : PLOTS) {
            double[] v = Expression.parse(p[0]).evaluate(t);
            double[] wp = w.clone();
            if (p[2].contains(">= 2 jets")) {
                for (int i = 0; i < wp.length; i++) {
                    wp[i] = twoJets[i] ? wp[i] : 0;
                }
            }
            plotted.computeIfAbsent(p[1], k -> new ArrayList<>()).add(new ScorePlot.Sample(process.key(), v, wp));
        }
    }

    /** One PNG per variable, the samples of a process merged into one curve. */
    private void drawPlots(Map<String, List<ScorePlot.Sample>> plotted) {
        for (String[] p : PLOTS) {
            Map<String, List<ScorePlot.Sample>> byProcess = new LinkedHashMap<>();
            for (ScorePlot.Sample s : plotted.getOrDefault(p[1], List.of())) {
                byProcess.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
            }
            List<ScorePlot.Sample> merged = new ArrayList<>();
            byProcess.forEach((name, list) -> merged.add(merge(name, list)));
            ChartFiles.save(ScorePlot.chart("vbfann generate: " + p[1] + " (seed " + seed + ")", p[2], merged,
                    Integer.parseInt(p[3]), Double.parseDouble(p[4]), Double.parseDouble(p[5])), plots.resolve(p[1] + ".png"));
        }
    }

    private static ScorePlot.Sample merge(String name, List<ScorePlot.Sample> parts) {
        int n = 0;
        for (ScorePlot.Sample s : parts) {
            n += s.score().length;
        }
        double[] v = new double[n];
        double[] w = new double[n];
        int at = 0;
        for (ScorePlot.Sample s : parts) {
            System.arraycopy(s.score(), 0, v, at, s.score().length);
            System.arraycopy(s.weights(), 0, w, at, s.weights().length);
            at += s.score().length;
        }
        return new ScorePlot.Sample(name, v, w);
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
