package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;
import org.vbfann.physics.dataset.FileAssignment;
import org.vbfann.physics.templates.TemplateBuilder;
import org.vbfann.rootio.RootFile;
import org.vbfann.stats.ShapeDatacards;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vbfann datacards}: templates of a discriminant per channel and process, and Combine shape cards. */
@Command(name = "datacards",
        header = "Fill templates of a discriminant and write Combine shape datacards with shapes.root.",
        description = {
            "Maps every --files entry to a process by its tags (as 'dataset build' does; files whose path contains"
                + " --data-tag are data_obs) and to a channel by its final-state folder (histos4mu -> ch4mu, histos4e"
                + " -> ch4e, histos2e2mu -> ch2e2mu), fills a histogram of --observable (e.g. the score branch of 'nn"
                + " apply') for the events passing --selection, weighted by --weight, and writes OUT/<stem>_<channel>.txt"
                + " per channel, OUT/<stem>_combined.txt and OUT/shapes.root (<channel>/data_obs, <channel>/<process>,"
                + " <channel>/<process>_<syst>Up/Down), as the original genCombineInputs step did.",
            "Z+X: either --zx-shapes, a file of ready templates (a negative bin of s*H_3P1F - H_2P2F is set to 0"
                + " and the template scaled back to its yield, under- and overflow included), or --zx-yield, the data-driven yield per final state,"
                + " with the shape of the --zx-files control-region events (2P2F and 3P1F, unweighted) passing the"
                + " selection. Systematics: the default lnN table (lumi 2.6%%, lepton efficiency per final state, BR,"
                + " theory of qqH and ggH, Z+X fake rates; see ShapeDatacards.defaultTable) and the --shape ones.",
            "Values outside --range are counted in the first or last bin."})
public final class DatacardsCommand implements Callable<Integer> {
    /** The selection of the control-region events whose shape Z+X takes (spec §3.3: 2P2F and 3P1F). */
    static final String ZX_REGIONS = "f_2p2f == 1 || f_3p1f == 1";
    /** The Z+X final state of a control-region event from its leptons' flavours (sum of |PDG id|). */
    private static final String FLAVOUR_SUM =
            "abs(f_lept1_pdgid) + abs(f_lept2_pdgid) + abs(f_lept3_pdgid) + abs(f_lept4_pdgid)";
    /** The channels of the three final states and the flavour sums of their leptons (4 × 13, 4 × 11, 2 × 11 + 2 × 13). */
    static final Map<String, Integer> CHANNELS = Map.of("ch4mu", 52, "ch4e", 44, "ch2e2mu", 48);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProcessFilesOptions processFiles;

    @Option(names = "--data-tag", defaultValue = "data_obs", paramLabel = "TAG",
            description = "File-path substring of the data files (default: ${DEFAULT-VALUE}).")
    String dataTag;

    @Option(names = "--observable", required = true, paramLabel = "EXPR",
            description = "The discriminant: a branch (e.g. the score branch of 'nn apply') or an expression.")
    String observable;

    @Option(names = "--selection", defaultValue = "", paramLabel = "EXPR", description = "The event selection.")
    String selection;

    @Option(names = "--bins", defaultValue = "20", paramLabel = "N", description = "Number of bins (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--range", split = ",", defaultValue = "0,1", paramLabel = "MIN,MAX",
            description = "The axis range (default: ${DEFAULT-VALUE}).")
    List<Double> range;

    @Option(names = "--weight", defaultValue = "f_weight", paramLabel = "EXPR",
            description = "The per-event weight of simulation and data (default: ${DEFAULT-VALUE}).")
    String weight;

    @Option(names = "--tree", defaultValue = "HZZ4LeptonsAnalysisReduced", paramLabel = "NAME",
            description = "The tree in every --files entry (default: ${DEFAULT-VALUE}).")
    String tree;

    @Option(names = "--zx-yield", split = ",", paramLabel = "FS=YIELD",
            description = "The Z+X yield of a final state (4mu, 4e, 2e2mu), e.g. 4mu=2.03,4e=0.33,2e2mu=2.72.")
    Map<String, Double> zxYields;

    @Option(names = "--zx-files", split = ",", paramLabel = "FILE.root[:TREE]",
            description = "Control-region trees giving the Z+X shape (tree ControlRegions unless :TREE is given).")
    List<String> zxFiles;

    @Option(names = "--zx-shapes", paramLabel = "FILE.root",
            description = "Z+X templates made elsewhere: the histogram <channel>/<zx-name> of each channel (as the"
                + " demo's zx/shapes.root), in the cards' binning; instead of --zx-yield and --zx-files.")
    Path zxShapes;

    @Option(names = "--zx-name", defaultValue = "zjets", paramLabel = "NAME",
            description = "The Z+X process name in the cards (default: ${DEFAULT-VALUE}, as in the original cards).")
    String zxName;

    @Option(names = "--shape", paramLabel = "NAME:UP_EXPR:DOWN_EXPR",
            description = "A shape systematic: the discriminant of its +1 and -1 sigma variations (repeatable), e.g."
                + " mela:f_Djet_VAJHU_UncUp:f_Djet_VAJHU_UncDn; applies to every simulated process.")
    List<String> shapes;

    @Option(names = "--no-default-systematics", description = "Leave out the default lnN table.")
    boolean noDefaultSystematics;

    @Option(names = "--stem", defaultValue = "datacard", paramLabel = "NAME",
            description = "Card file names start with this (default: ${DEFAULT-VALUE}).")
    String stem;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write.")
    Path out;

    @Option(names = "--quiet", description = "Do not report each file read.")
    boolean quiet;

    @Option(names = "--json", description = "Print the cards, rates and empty background bins as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (range.size() != 2 || !(range.get(0) < range.get(1)) || bins <= 0) {
            throw new CommandFailedException("--bins " + bins + " --range " + range + ": need N > 0 and MIN < MAX",
                    ExitCodes.USAGE);
        }
        List<String> allKeys = new ArrayList<>(processFiles.keys);
        List<String> allTags = new ArrayList<>(processFiles.tags);
        allKeys.add(ShapeDatacards.DATA);
        allTags.add(dataTag);
        List<String> processes = new ArrayList<>(new LinkedHashSet<>(processFiles.signal));
        for (String k : processFiles.keys) {
            if (!processes.contains(k)) {
                processes.add(k);
            }
        }
        Set<String> simulated = new LinkedHashSet<>(processes);
        TemplateBuilder builder = new TemplateBuilder(observable, selection, weight,
                Axis.uniform(bins, range.get(0), range.get(1), observable));
        List<String> shapeNames = new ArrayList<>();
        for (String s : shapes == null ? List.<String>of() : shapes) {
            String[] f = s.split(":", 3);
            if (f.length != 3 || f[0].isBlank()) {
                throw new CommandFailedException("--shape " + s + ": expected NAME:UP_EXPR:DOWN_EXPR", ExitCodes.USAGE);
            }
            builder.variation(new TemplateBuilder.Variation(f[0], f[1], f[2], simulated));
            shapeNames.add(f[0]);
        }
        List<TemplateBuilder.Sample> samples = new ArrayList<>();
        for (FileAssignment a : FileAssignment.assign(FileGlobs.expand(processFiles.files), allKeys, allTags)) {
            if (a.finalState().isEmpty()) {
                throw new CommandFailedException(a.file() + ": its path names no final state (histos4mu, histos4e,"
                        + " histos2e2mu); keep each final state's files in its own folder", ExitCodes.BAD_INPUT);
            }
            samples.add(new TemplateBuilder.Sample(a.key(), "ch" + a.finalState(), a.file(), tree, null, null));
        }
        addZplusX(builder, samples, processes);
        PrintWriter err = spec.commandLine().getErr();
        TemplateBuilder.Listener listener = quiet ? TemplateBuilder.Listener.NONE : (done, total, s, entries, selected) -> {
            err.printf("[%d/%d] %s (%s, %s): %d entries, %d selected%n", done, total, s.file(), s.process(), s.channel(),
                    entries, selected);
            err.flush();
        };
        TemplateBuilder.Templates t = builder.build(samples, listener);
        Files.createDirectories(out);
        if (zxShapes != null) {
            readZplusX(t);
            processes.add(zxName);
        }
        Set<String> dataDriven = zxYields == null && zxShapes == null ? Set.of() : Set.of(zxName);
        List<ShapeDatacards.LnN> lnN = noDefaultSystematics ? List.of() : ShapeDatacards.defaultTable(zxName);
        ShapeDatacards.Written w = ShapeDatacards.write(t.channels(), processes, new LinkedHashSet<>(processFiles.signal), dataDriven,
                shapeNames, lnN, out, stem);
        report(w, processes);
        return ExitCodes.OK;
    }

    /** The Z+X samples: every control-region file once per channel with a yield, cut to that channel's flavours. */
    private void addZplusX(TemplateBuilder builder, List<TemplateBuilder.Sample> samples, List<String> processes) {
        if (zxYields == null && zxFiles == null) {
            return;
        }
        if (zxYields == null || zxFiles == null) {
            throw new CommandFailedException("Z+X needs both --zx-yield (the yields) and --zx-files (the control regions"
                    + " that give its shape)", ExitCodes.USAGE);
        }
        processes.add(zxName);
        for (Map.Entry<String, Double> y : zxYields.entrySet()) {
            String ch = "ch" + y.getKey();
            Integer flavours = CHANNELS.get(ch);
            if (flavours == null) {
                throw new CommandFailedException("--zx-yield " + y.getKey() + "=" + y.getValue() + ": the final state is"
                        + " one of 4mu, 4e, 2e2mu", ExitCodes.USAGE);
            }
            for (String f : zxFiles) {
                int colon = f.lastIndexOf(':');
                boolean hasTree = colon > 1 && !f.substring(colon + 1).contains("/");
                Path file = Path.of(hasTree ? f.substring(0, colon) : f);
                String crTree = hasTree ? f.substring(colon + 1) : "ControlRegions";
                samples.add(new TemplateBuilder.Sample(zxName, ch, file, crTree,
                        "(" + ZX_REGIONS + ") && " + FLAVOUR_SUM + " == " + flavours, "1"));
            }
            builder.normalize(ch, zxName, y.getValue());
        }
    }

    /** Adds the --zx-shapes template of every channel that has one; see the command description. */
    private void readZplusX(TemplateBuilder.Templates t) {
        if (zxYields != null || zxFiles != null) {
            throw new CommandFailedException("--zx-shapes gives the Z+X templates: leave out --zx-yield and --zx-files",
                    ExitCodes.USAGE);
        }
        try (RootFile f = RootFile.open(zxShapes)) {
            for (Map.Entry<String, Map<String, Histogram1D>> c : t.channels().entrySet()) {
                String key = c.getKey() + "/" + zxName;
                if (!f.has(key)) {
                    continue;
                }
                Histogram1D h = f.histogram1D(key).copy(zxName);
                double yield = h.integralWithFlow();
                int n = h.axis().bins();
                foldInto(h, 0, 1);
                foldInto(h, n + 1, n);
                for (int b = 1; b <= n; b++) {
                    if (h.content(b) < 0) {
                        h.setContent(b, 0);
                    }
                }
                if (yield > 0 && h.integral() > 0) {
                    h.scale(yield / h.integral());
                }
                c.getValue().put(zxName, h);
            }
        }
    }

    /** Moves a flow cell into its edge bin, as the templates count values outside the range. */
    private static void foldInto(Histogram1D h, int from, int to) {
        h.setContent(to, h.content(to) + h.content(from));
        h.setSumw2(to, h.sumw2(to) + h.sumw2(from));
        h.setContent(from, 0);
        h.setSumw2(from, 0);
    }

    private void report(ShapeDatacards.Written w, List<String> processes) {
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = NnFiles.JSON.createObjectNode();
            n.put("out", out.toString()).put("combined", w.combined().toString()).put("shapes", w.shapes().toString());
            ObjectNode ch = n.putObject("channels");
            w.cards().forEach((c, card) -> {
                ObjectNode x = ch.putObject(c);
                x.put("card", card.toString());
                ObjectNode r = x.putObject("rates");
                w.rates().get(c).forEach(r::put);
                w.emptyBins().get(c).forEach(x.putArray("empty_background_bins")::add);
            });
            JsonOutput.print(o, n);
            return;
        }
        o.printf("%-10s %9s", "channel", "data_obs");
        for (String p : processes) {
            o.printf(" %9s", p);
        }
        o.println();
        w.rates().forEach((c, r) -> {
            o.printf(Locale.ROOT, "%-10s %9.0f", c, r.get(ShapeDatacards.DATA));
            for (String p : processes) {
                o.printf(Locale.ROOT, " %9.4f", r.getOrDefault(p, 0.0));
            }
            o.println();
        });
        w.emptyBins().forEach((c, b) -> {
            if (!b.isEmpty()) {
                o.printf("warning: %s: the summed background is zero in bins %s%n", c, b);
            }
        });
        o.printf("wrote %s, %s and %s%n", String.join(", ", w.cards().values().stream().map(Path::toString).toList()),
                w.combined(), w.shapes());
        o.flush();
    }
}
