package org.vbfann.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vbfann.core.Histogram1D;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.WriteOptions;

/**
 * Writes shape datacards from filled templates, as the original genCombineInputs.py did (spec §4.3): one Combine
 * card per channel, {@code <stem>_<channel>.txt}, all sharing one {@code shapes.root} with {@code
 * <channel>/data_obs}, {@code <channel>/<process>} and {@code <channel>/<process>_<syst>Up/Down}, the line
 * {@code shapes * * shapes.root $CHANNEL/$PROCESS $CHANNEL/$PROCESS_$SYSTEMATIC}, {@code observation} = the data
 * count and {@code rate} = the integral of each nominal template; plus {@code <stem>_combined.txt}, the channels
 * combined as {@code combineCards.py ch4mu=... ch4e=...} would (spec §4.4).
 *
 * <p>A process whose template is empty in a channel is left out of that channel's card (Combine would accept a
 * zero rate, but it carries no information and its shape systematics cannot be normalised).
 */
public final class ShapeDatacards {
    /** The name of the shapes file. */
    public static final String SHAPES_FILE = "shapes.root";
    /** The observed-data histogram name (Combine's). */
    public static final String DATA = "data_obs";
    /** In {@link LnN#process()}: every process that is not data-driven. */
    public static final String ALL_MC = "*MC";

    /**
     * One cell rule of an lnN systematic: rows of the same name make one card line.
     *
     * @param name    the nuisance name
     * @param channel the channel it applies to, or {@code *}
     * @param process the process, or {@link #ALL_MC}
     * @param value   {kappa} or {kappa_down, kappa_up} (Combine's order of "a/b")
     */
    public record LnN(String name, String channel, String process, double[] value) {
    }

    /**
     * The small default systematics table of vbfann, values from the original card (spec §4.3 and
     * shared/fixtures/stats/cms-an-18-120-ch4mu): lumi_13TeV 2.6 % on all simulation; ID_reco_eff 2.5 % (4μ),
     * 9 % (4e), 5.7 % (2e2μ); BRhiggs_hzz4l 2 % on the Higgs processes; QCD scale and PDF of qqH and ggH; the
     * fake-rate uncertainty of Z+X per channel (35 %, 32 %, 33 %). The asymmetric theory values are written in
     * Combine's down/up order (the original card had them up/down, spec §5 item 14).
     *
     * @param zx the name of the Z+X process
     */
    public static List<LnN> defaultTable(String zx) {
        List<LnN> t = new ArrayList<>();
        t.add(new LnN("lumi_13TeV", "*", ALL_MC, new double[] {1.026}));
        t.add(new LnN("ID_reco_eff", "ch4mu", ALL_MC, new double[] {1.025}));
        t.add(new LnN("ID_reco_eff", "ch4e", ALL_MC, new double[] {1.09}));
        t.add(new LnN("ID_reco_eff", "ch2e2mu", ALL_MC, new double[] {1.057}));
        for (String h : List.of("qqH", "ggH", "WH", "ZH", "ttH")) {
            t.add(new LnN("BRhiggs_hzz4l", "*", h, new double[] {1.02}));
        }
        t.add(new LnN("QCDscale_qqH", "*", "qqH", new double[] {0.997, 1.004}));
        t.add(new LnN("pdf_Higgs_qq", "*", "qqH", new double[] {0.979, 1.021}));
        t.add(new LnN("QCDscale_ggH", "*", "ggH", new double[] {0.961, 1.039}));
        t.add(new LnN("pdf_Higgs_gg", "*", "ggH", new double[] {0.968, 1.032}));
        t.add(new LnN("FR", "ch4mu", zx, new double[] {1.35}));
        t.add(new LnN("FR", "ch4e", zx, new double[] {1.32}));
        t.add(new LnN("FR", "ch2e2mu", zx, new double[] {1.33}));
        return t;
    }

    /**
     * What was written.
     *
     * @param cards       the card of each channel
     * @param combined    the combined card
     * @param shapes      the shapes file
     * @param rates       per channel, process to rate (the observation under {@link #DATA})
     * @param emptyBins   per channel, the 1-based bins where the summed background is zero (the original script
     *                    warned about them: data there make the likelihood infinite at r = 0)
     */
    public record Written(Map<String, Path> cards, Path combined, Path shapes, Map<String, Map<String, Double>> rates,
                          Map<String, List<Integer>> emptyBins) {
    }

    private ShapeDatacards() {
    }

    /**
     * Writes the cards and the shapes file into {@code dir}.
     *
     * @param templates  per channel, histogram name to histogram (each channel needs {@link #DATA})
     * @param processes  the processes in card order
     * @param signals    which of them are signal
     * @param dataDriven the processes {@link #ALL_MC} leaves out (Z+X)
     * @param shapeSysts the shape systematics; a process gets "1" where both variations exist
     * @param lnN        the lnN rules
     * @throws StatsException for a channel without data or a histogram of another binning
     */
    public static Written write(Map<String, Map<String, Histogram1D>> templates, List<String> processes,
            Set<String> signals, Set<String> dataDriven, List<String> shapeSysts, List<LnN> lnN, Path dir, String stem) {
        Path shapes = dir.resolve(SHAPES_FILE);
        Map<String, Path> cards = new LinkedHashMap<>();
        Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
        Map<String, List<Integer>> empty = new LinkedHashMap<>();
        Map<String, Datacard> written = new LinkedHashMap<>();
        try (RootFileWriter w = RootFileWriter.create(shapes, WriteOptions.defaults())) {
            for (Map.Entry<String, Map<String, Histogram1D>> ce : templates.entrySet()) {
                String ch = ce.getKey();
                Map<String, Histogram1D> h = ce.getValue();
                Histogram1D data = h.get(DATA);
                if (data == null) {
                    throw new StatsException("datacards: channel " + ch + " has no " + DATA + " histogram; give the"
                            + " channel's data file");
                }
                for (Histogram1D x : h.values()) {
                    if (!x.axis().sameBinning(data.axis())) {
                        throw new StatsException("datacards: " + ch + "/" + x.name() + " has binning " + x.axis()
                                + ", data_obs has " + data.axis());
                    }
                    w.put(ch + "/" + x.name(), x);
                }
                Map<String, Double> r = new LinkedHashMap<>();
                r.put(DATA, data.integral());
                List<Datacard.Entry> entries = new ArrayList<>();
                double[] background = new double[data.axis().bins() + 2];
                for (String p : processes) {
                    Histogram1D t = h.get(p);
                    if (t == null || t.integral() <= 0) {
                        continue;
                    }
                    entries.add(new Datacard.Entry(ch, p, signals.contains(p), t.integral()));
                    r.put(p, t.integral());
                    if (!signals.contains(p)) {
                        for (int b = 1; b <= data.axis().bins(); b++) {
                            background[b] += t.content(b);
                        }
                    }
                }
                List<Integer> zero = new ArrayList<>();
                for (int b = 1; b <= data.axis().bins(); b++) {
                    if (background[b] <= 0) {
                        zero.add(b);
                    }
                }
                empty.put(ch, zero);
                rates.put(ch, r);
                Path card = dir.resolve(stem + "_" + ch + ".txt");
                Datacard dc = new Datacard(card, List.of(ch), Map.of(ch, (double) Math.round(data.integral())), entries,
                        systematics(ch, entries, h, dataDriven, shapeSysts, lnN),
                        List.of(new Datacard.Shapes("*", "*", SHAPES_FILE, "$CHANNEL/$PROCESS",
                                "$CHANNEL/$PROCESS_$SYSTEMATIC", 0)),
                        List.of(), List.of(), Map.of(), Map.of());
                written.put(ch, dc);
                cards.put(ch, card);
            }
        }
        for (Map.Entry<String, Datacard> e : written.entrySet()) {
            DatacardWriter.write(e.getValue(), cards.get(e.getKey()));
        }
        Path combined = dir.resolve(stem + "_combined.txt");
        DatacardWriter.write(DatacardWriter.combine(written, dir), combined);
        return new Written(cards, combined, shapes, rates, empty);
    }

    private static List<Datacard.Systematic> systematics(String ch, List<Datacard.Entry> entries,
            Map<String, Histogram1D> h, Set<String> dataDriven, List<String> shapeSysts, List<LnN> lnN) {
        Map<String, double[][]> lines = new LinkedHashMap<>();
        for (LnN rule : lnN) {
            if (!rule.channel().equals("*") && !rule.channel().equals(ch)) {
                continue;
            }
            for (int i = 0; i < entries.size(); i++) {
                String p = entries.get(i).process();
                boolean applies = rule.process().equals(ALL_MC) ? !dataDriven.contains(p) : rule.process().equals(p);
                if (applies) {
                    lines.computeIfAbsent(rule.name(), k -> new double[entries.size()][])[i] = rule.value().clone();
                }
            }
        }
        List<Datacard.Systematic> out = new ArrayList<>();
        lines.forEach((name, v) -> out.add(new Datacard.Systematic(name, "lnN", 0, v, 0)));
        for (String s : shapeSysts) {
            double[][] v = new double[entries.size()][];
            boolean any = false;
            for (int i = 0; i < entries.size(); i++) {
                String p = entries.get(i).process();
                if (h.containsKey(p + "_" + s + "Up") && h.containsKey(p + "_" + s + "Down")) {
                    v[i] = new double[] {1.0};
                    any = true;
                }
            }
            if (any) {
                out.add(new Datacard.Systematic(s, "shape", 0, v, 0));
            }
        }
        return out;
    }
}
