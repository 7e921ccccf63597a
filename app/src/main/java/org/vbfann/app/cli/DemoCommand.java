package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.vbfann.core.Axis;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vbfann demo}: the whole chain on synthetic data, each stage run in-process by its own command with
 * {@code --json}, its output folder under {@code --out}, and a finished stage skipped on a re-run.
 */
@Command(name = "demo",
        header = "Run the whole analysis chain on synthetic data in about a minute and summarise it.",
        description = {
            "Generates calibrated synthetic ntuples (vbfann generate), measures fake rates in the Z+l region and the"
                + " VBF-SR Z+X yield (zx fakerates, zx estimate), builds a VBF-vs-rest training dataset in the"
                + " VBF signal region with Z+X among the backgrounds (dataset build), trains a small network (nn train), adds its score to every"
                + " ntuple and to the Z+X control regions (nn apply), makes the Z+X score templates from the 2P2F and"
                + " 3P1F control regions with those fake rates (org.vbfann.physics.zx), writes shape"
                + " datacards of the score per final state (datacards), and computes asymptotic limits and significances (stats limit,"
                + " stats significance) and fits r with pre- and post-fit plots (stats fit). Prints a summary: AUC of the network vs MELA and D_jet, yields against the"
                + " generator's truth, the Z+X estimate against the truth, limits and significances, and where the files and plots are.",
            "Each stage writes its own folder under --out; a re-run skips stages that finished with the same"
                + " settings, unless --force."})
public final class DemoCommand implements Callable<Integer> {
    /** The VBF signal region (spec §2.0), both m4l ends inclusive. */
    static final String VBF_SR = "((f_njets_pass >= 2 && f_njets_pass <= 3 && f_Nbjets <= 1)"
            + " || (f_njets_pass > 3 && f_Nbjets == 0)) && f_mass4l >= 118 && f_mass4l <= 130";
    /**
     * The network inputs: the four leptons and three jets (pT, η, φ; an absent jet is 0) as in the original models
     * (spec §2.5), and the jet count: branches that the Z+X control-region trees have as well, since {@code nn
     * apply} reads the inputs as stored.
     */
    static final String INPUTS = "f_lept1_pt,f_lept1_eta,f_lept1_phi,f_lept2_pt,f_lept2_eta,f_lept2_phi,"
            + "f_lept3_pt,f_lept3_eta,f_lept3_phi,f_lept4_pt,f_lept4_eta,f_lept4_phi,"
            + "f_jets_highpt_pt[0],f_jets_highpt_eta[0],f_jets_highpt_phi[0],"
            + "f_jets_highpt_pt[1],f_jets_highpt_eta[1],f_jets_highpt_phi[1],"
            + "f_jets_highpt_pt[2],f_jets_highpt_eta[2],f_jets_highpt_phi[2],f_njets_pass";
    /** Process keys and the dataset-name tags of the generator's files (spec §2.0; ZZJJ goes with qqZZ). */
    static final String KEYS = "qqH,ggH,WH,ZH,ttH,qqZZ,qqZZ,ggZZ,TTV";
    static final String TAGS = "VBF_HToZZ,GluGluHToZZ,minlo-HWJ,ZH_HToZZ,ttH_HToZZ,ZZTo4L_13TeV_powheg,ZZJJTo4L,"
            + "GluGluToContinToZZ,TTZToLLNuNu";
    /** The Z+X key of the training (spec §2.1: the guide trained against it) and the tag of its data file. */
    static final String ZX_KEY = "ZX";
    static final String ZX_TAG = "ZplusX_Data";
    /**
     * Fake-rate bins: barrel/endcap and pT {5, 10, 20, 30, ∞} GeV, those of the closure study (docs/zx.md); the
     * spec's 48 bins per flavour leave bins empty at the demo's small scale.
     */
    static final String FR_PT_EDGES = "5,10,20,30,1000";
    static final String FR_ETA_EDGES = "0,1.479,2.5";
    /** The branch holding the network score. */
    static final String SCORE = "nn_score";
    /** Z+X inputs of the generator, relative to the ntuple folder. */
    static final String ZX_DATA = "ZplusX/ZplusX_DataRunIISummer16_03Feb2017.root";
    static final String ZX_PROMPT_WZ = "ZplusX/ZplusX_prompt_WZTo3LNu.root";
    static final String ZX_PROMPT_ZZ = "ZplusX/ZplusX_prompt_ZZTo4L.root";
    /** Bins of the score templates on [0, 1]: few, so that the small samples of the demo fill each. */
    static final int BINS = 8;
    static final String[] FINAL_STATES = {"4mu", "4e", "2e2mu"};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "vbfann-demo", paramLabel = "DIR",
            description = "The folder of all stages (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "X",
            description = "Generator scale: simulated events per sample as a multiple of those of 'vbfann generate' (default:"
                + " ${DEFAULT-VALUE}, about 330 000 events; the whole demo then takes about a minute on 2 cores).")
    double scale;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of every stage (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", defaultValue = "100", paramLabel = "N", description = "Most training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--force", description = "Run every stage again, even those already finished.")
    boolean force;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    /** Stages from this one on run (a stage that runs makes every later one run too); 1 runs all. */
    private int firstStale;
    private long started;

    @Override
    public Integer call() throws IOException {
        started = System.nanoTime();
        Files.createDirectories(out);
        String settings = String.format(Locale.ROOT, "{\"scale\": %s, \"seed\": %d, \"epochs\": %d}%n", scale, seed, epochs);
        Path settingsFile = out.resolve("demo-settings.json");
        firstStale = firstStale(settingsFile);
        Files.deleteIfExists(settingsFile);
        Path gen = out.resolve("ntuples");
        Path dataset = out.resolve("dataset");
        Path model = out.resolve("model");
        Path scored = out.resolve("scored");
        Path cards = out.resolve("datacards");
        Path stats = out.resolve("stats");
        Path zx = out.resolve("zx");
        Path fakeRates = zx.resolve("fakerates.root");
        Path zxTraining = zx.resolve("training");

        stage(1, "generate synthetic ntuples", gen.resolve("truth.json"), null,
                "generate", "--out", gen.toString(), "--scale", String.valueOf(scale), "--seed", String.valueOf(seed),
                "--json");
        if (!skipped(2, "measure fake rates and the VBF-SR Z+X yield", zxTraining.resolve("yields.json"))) {
            run("zx", "fakerates", "--data", gen.resolve(ZX_DATA).toString(), "--prompt", gen.resolve(ZX_PROMPT_WZ).toString(),
                    "--pt-edges", FR_PT_EDGES, "--eta-edges", FR_ETA_EDGES, "--out", zx.toString(), "--json");
            run("zx", "estimate", "--fakerates", fakeRates.toString(), "--data", gen.resolve(ZX_DATA).toString(),
                    "--zz", gen.resolve(ZX_PROMPT_ZZ).toString(), "--region", "vbf", "--out", zxTraining.toString(),
                    "--json");
        }
        stage(3, "build the VBF-SR training dataset, Z+X included", dataset.resolve("dataset.json"), null,
                "dataset", "build", "--files", gen + "/histos*_25ns/output_*13TeV*.root," + gen.resolve(ZX_DATA),
                "--keys", KEYS + "," + ZX_KEY, "--tags", TAGS + "," + ZX_TAG, "--signal", "qqH", "--selection", VBF_SR,
                "--features", INPUTS, "--zx-key", ZX_KEY, "--zx-fakerates", fakeRates.toString(), "--zx-yield",
                zxTraining.resolve("yields.json").toString(), "--seed", String.valueOf(seed), "--quiet", "--json",
                "--out", dataset.toString());
        stage(4, "train the network", model.resolve(TrainingRun.METRICS_FILE), null,
                "nn", "train", "--dataset", dataset.toString(), "--out", model.toString(), "--layers", "24 12",
                "--weighting", "balanced", "--max-epochs", String.valueOf(epochs), "--patience", "10",
                "--batch-size", "256", "--learning-rate", "0.003", "--seed", String.valueOf(seed), "--quiet", "--json");
        Path applied = scored.resolve("applied.json");
        if (!skipped(5, "add the score to every ntuple and the Z+X control regions", applied)) {
            StringBuilder all = new StringBuilder("[");
            for (String fs : FINAL_STATES) {
                String dir = "histos" + fs + "_25ns";
                List<String> files = FileGlobs.expand(List.of(gen + "/" + dir + "/*.root")).stream().map(Path::toString)
                        .toList();
                all.append(applyScore(model, String.join(",", files), scored.resolve(dir))).append(',');
            }
            all.append(applyScore(model, gen.resolve(ZX_DATA) + ":ControlRegions", scored.resolve("ZplusX")));
            NnFiles.writeAtomically(applied, (all + "]\n").getBytes(StandardCharsets.UTF_8));
        }
        JsonNode truth = NnFiles.JSON.readTree(gen.resolve("truth.json").toFile());
        if (!skipped(6, "Z+X yields and score templates from the control regions", zx.resolve("yields.json"))) {
            DemoZplusX.estimate(fakeRates, gen.resolve(ZX_PROMPT_ZZ),
                    scored.resolve("ZplusX").resolve(Path.of(ZX_DATA).getFileName()), VBF_SR, SCORE,
                    Axis.uniform(BINS, 0, 1, SCORE), zx);
        }
        stage(7, "fill templates of the score and write datacards", cards.resolve("datacards.json"),
                cards.resolve("datacards.json"),
                "datacards", "--files", scored + "/histos*_25ns/*.root", "--keys", KEYS, "--tags", TAGS, "--signal", "qqH",
                "--observable", SCORE, "--selection", VBF_SR, "--bins", String.valueOf(BINS), "--range", "0,1",
                "--zx-shapes", zx.resolve("shapes.root").toString(), "--quiet", "--json", "--out", cards.toString());
        Path card = cards.resolve("datacard_combined.txt");
        stage(8, "asymptotic CLs limits", stats.resolve("limit.json"), stats.resolve("limit.json"),
                "stats", "limit", "--datacard", card.toString(), "--json");
        stage(9, "observed significance", stats.resolve("significance.json"), stats.resolve("significance.json"),
                "stats", "significance", "--datacard", card.toString(), "--json");
        stage(10, "expected significance (Asimov, r = 1)", stats.resolve("significance-expected.json"),
                stats.resolve("significance-expected.json"),
                "stats", "significance", "--datacard", card.toString(), "--expect-signal", "1", "--json");
        stage(11, "fit r and draw the pre- and post-fit score distributions", stats.resolve("fit.json"),
                stats.resolve("fit.json"), "stats", "fit", "--datacard", card.toString(), "--plots",
                out.resolve("plots").toString(), "--json");
        NnFiles.writeAtomically(settingsFile, settings.getBytes(StandardCharsets.UTF_8));

        ObjectNode summary = summary(truth, NnFiles.JSON.readTree(model.resolve(TrainingRun.METRICS_FILE).toFile()),
                NnFiles.JSON.readTree(cards.resolve("datacards.json").toFile()),
                NnFiles.JSON.readTree(stats.resolve("limit.json").toFile()),
                NnFiles.JSON.readTree(stats.resolve("significance.json").toFile()),
                NnFiles.JSON.readTree(stats.resolve("significance-expected.json").toFile()),
                NnFiles.JSON.readTree(stats.resolve("fit.json").toFile()),
                NnFiles.JSON.readTree(zx.resolve("yields.json").toFile()), model, card);
        NnFiles.writeJson(out.resolve("summary.json"), summary);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(o, summary);
        } else {
            printSummary(o, summary);
        }
        return ExitCodes.OK;
    }

    /**
     * The first stage whose settings differ from the last finished run's: 1 (all) with --force, without a record
     * or for another scale or seed; 4 (training) for another number of epochs; otherwise none.
     */
    private int firstStale(Path settingsFile) throws IOException {
        if (force || !Files.isRegularFile(settingsFile)) {
            return 1;
        }
        JsonNode last = NnFiles.JSON.readTree(settingsFile.toFile());
        if (last.path("scale").asDouble() != scale || last.path("seed").asLong() != seed) {
            return 1;
        }
        return last.path("epochs").asInt() != epochs ? 4 : Integer.MAX_VALUE;
    }

    /** Runs one stage unless {@link #skipped}; {@code save}, if given, receives the command's JSON output. */
    private void stage(int n, String what, Path marker, Path save, String... args) {
        if (skipped(n, what, marker)) {
            return;
        }
        String json = run(args);
        if (save != null) {
            NnFiles.writeAtomically(save, json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Whether stage {@code n} is skipped: {@code marker} exists and the stage is before {@link #firstStale}.
     * Otherwise reports the stage as started, and every later stage runs as well.
     */
    private boolean skipped(int n, String what, Path marker) {
        if (n < firstStale && Files.isRegularFile(marker)) {
            progress(n, what + ": done before, skipped (" + marker.getParent() + ")");
            return true;
        }
        progress(n, what);
        firstStale = Math.min(firstStale, n);
        return false;
    }

    private void progress(int n, String what) {
        if (json) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "[demo %d/11 %5.1f s] %s%n", n, (System.nanoTime() - started) * 1e-9, what);
        err.flush();
    }

    /** {@code nn apply}: the score branch on the trees of {@code inputs}, for events with two jets or more. */
    private static String applyScore(Path model, String inputs, Path dir) {
        return run("nn", "apply", model.toString(), "--input", inputs, "--branch", SCORE, "--category",
                "f_njets_pass >= 2", "--out", dir.toString(), "--json");
    }

    /** Runs {@code vbfann args...} in-process and returns its standard output; a failure names the command. */
    private static String run(String... args) {
        StringWriter so = new StringWriter();
        StringWriter se = new StringWriter();
        int code = VbfannCli.commandLine(new PrintWriter(so, true), new PrintWriter(se, true)).execute(args);
        if (code != ExitCodes.OK) {
            String e = se.toString().strip();
            throw new CommandFailedException("demo: 'vbfann " + args[0] + (args.length > 1 && !args[1].startsWith("-")
                    ? " " + args[1] : "") + "' failed: " + e.substring(e.lastIndexOf('\n') + 1).replaceFirst("^vbfann: ", ""),
                    code);
        }
        return so.toString();
    }

    private ObjectNode summary(JsonNode truth, JsonNode metrics, JsonNode cards, JsonNode limit, JsonNode sig,
            JsonNode sigExp, JsonNode fit, JsonNode zx, Path model, Path card) {
        ObjectNode s = NnFiles.JSON.createObjectNode();
        s.put("out", out.toString()).put("scale", scale).put("seed", seed)
                .put("seconds", (System.nanoTime() - started) * 1e-9);
        ObjectNode auc = s.putObject("test_auc");
        auc.put("nn", metrics.path("test").path("nn").path("auc").asDouble());
        auc.put("mela", metrics.path("test").path("f_Djet_VAJHU").path("auc").asDouble());
        auc.put("djet", metrics.path("test").path("f_D_jet").path("auc").asDouble());
        ObjectNode y = s.putObject("yields_vbf_sr");
        for (Iterator<Map.Entry<String, JsonNode>> it = cards.path("channels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> r = c.getValue().path("rates").fields(); r.hasNext(); ) {
                Map.Entry<String, JsonNode> e = r.next();
                ObjectNode p = y.has(e.getKey()) ? (ObjectNode) y.get(e.getKey()) : y.putObject(e.getKey());
                p.put("cards", p.path("cards").asDouble() + e.getValue().asDouble());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = y.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ((ObjectNode) e.getValue()).put("truth", truthYield(truth, e.getKey()));
        }
        ObjectNode z4 = s.putObject("zplusx");
        for (Iterator<Map.Entry<String, JsonNode>> it = zx.path("final_states").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            z4.putObject(e.getKey()).put("estimate", e.getValue().path("yield").asDouble())
                    .put("stat", e.getValue().path("stat").asDouble())
                    .put("fr_stat", e.getValue().path("fr_stat").asDouble())
                    .put("truth", truth.path("zplusx").path(e.getKey()).path("VBF-SR").asDouble());
        }
        ObjectNode lim = s.putObject("limit_r_95cl");
        lim.put("observed", limit.path("observed").asDouble());
        lim.set("expected", limit.path("expected"));
        JsonNode r = fit.path("r");
        s.putObject("fit_r").put("value", r.path("value").asDouble()).put("error_low", r.path("error_low").asDouble())
                .put("error_high", r.path("error_high").asDouble());
        ObjectNode z = s.putObject("significance");
        z.put("observed", sig.path("significance").asDouble()).put("observed_best_fit_r", sig.path("best_fit").asDouble());
        z.put("expected_r1", sigExp.path("significance").asDouble());
        ObjectNode f = s.putObject("files");
        f.put("ntuples", out.resolve("ntuples").toString());
        f.put("model", model.toString());
        f.put("plots", model.resolve("roc.png") + ", " + model.resolve("scores.png") + ", " + model.resolve("loss.png")
                + ", " + out.resolve("plots").resolve("stack_prefit_ch2e2mu.png") + " (and the other channels, post-fit)");
        f.put("datacard", card.toString());
        f.put("shapes", card.resolveSibling("shapes.root").toString());
        return s;
    }

    /** The generator's expected VBF-SR yield of a card process in 4l (data: the pseudo-data count). */
    private static double truthYield(JsonNode truth, String process) {
        double sum = 0;
        for (String fs : FINAL_STATES) {
            sum += switch (process) {
                case "data_obs" -> truth.path("data_obs").path(fs).path("VBF-SR").asDouble();
                case "zjets" -> truth.path("zplusx").path("final_states").path(fs).path("VBF-SR").asDouble();
                case "qqZZ" -> truth.path("processes").path("qqZZ").path("final_states").path(fs).path("VBF-SR").asDouble()
                        + truth.path("processes").path("ZZJJ").path("final_states").path(fs).path("VBF-SR").asDouble();
                default -> truth.path("processes").path(process).path("final_states").path(fs).path("VBF-SR").asDouble();
            };
        }
        return sum;
    }

    private static void printSummary(PrintWriter o, JsonNode s) {
        o.printf(Locale.ROOT, "%nvbfann demo: scale %s, seed %d, %.0f s%n%n", s.path("scale").asText(),
                s.path("seed").asLong(), s.path("seconds").asDouble());
        JsonNode a = s.path("test_auc");
        o.printf(Locale.ROOT, "Test-split AUC (qqH vs the rest, VBF-SR): network %.3f, MELA (f_Djet_VAJHU) %.3f, D_jet %.3f%n%n",
                a.path("nn").asDouble(), a.path("mela").asDouble(), a.path("djet").asDouble());
        o.printf("%-10s %12s %12s%n", "VBF-SR", "datacards", "generator");
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("yields_vbf_sr").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            o.printf(Locale.ROOT, "%-10s %12.3f %12.3f%n", e.getKey(), e.getValue().path("cards").asDouble(),
                    e.getValue().path("truth").asDouble());
        }
        o.printf("%n%-10s %12s %12s   (stat and fake-rate stat)%n", "Z+X", "estimate", "generator");
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("zplusx").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            o.printf(Locale.ROOT, "%-10s %6.3f+-%.3f %12.3f%n", e.getKey(), e.getValue().path("estimate").asDouble(),
                    Math.hypot(e.getValue().path("stat").asDouble(), e.getValue().path("fr_stat").asDouble()),
                    e.getValue().path("truth").asDouble());
        }
        o.println();
        JsonNode l = s.path("limit_r_95cl");
        JsonNode e = l.path("expected");
        o.printf(Locale.ROOT, "95%% CL upper limit on r = sigma/sigma_SM(qqH): observed %.3f, expected %.3f"
                        + " (68%%: %.3f-%.3f, 95%%: %.3f-%.3f)%n", l.path("observed").asDouble(), e.path("0.5").asDouble(),
                e.path("0.16").asDouble(), e.path("0.84").asDouble(), e.path("0.025").asDouble(), e.path("0.975").asDouble());
        JsonNode fr = s.path("fit_r");
        o.printf(Locale.ROOT, "Best-fit r = %.2f -%.2f/+%.2f%n", fr.path("value").asDouble(), fr.path("error_low").asDouble(),
                fr.path("error_high").asDouble());
        JsonNode z = s.path("significance");
        o.printf(Locale.ROOT, "Significance of qqH: observed %.2f sigma (best-fit r = %.2f), expected %.2f sigma at r = 1%n%n",
                z.path("observed").asDouble(), z.path("observed_best_fit_r").asDouble(), z.path("expected_r1").asDouble());
        JsonNode f = s.path("files");
        o.printf("ntuples:   %s%nmodel:     %s%nplots:     %s%ndatacard:  %s%nshapes:    %s%nsummary:   %s%n",
                f.path("ntuples").asText(), f.path("model").asText(), f.path("plots").asText(), f.path("datacard").asText(),
                f.path("shapes").asText(), Path.of(s.path("out").asText()).resolve("summary.json"));
        o.flush();
    }
}
