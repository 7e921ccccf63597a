package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;
import org.vbfann.physics.expr.Expression;
import org.vbfann.physics.zx.FakeRateFile;
import org.vbfann.physics.zx.FakeRateMap;
import org.vbfann.physics.zx.ZplusXCombination;
import org.vbfann.physics.zx.ZplusXYield;
import org.vbfann.physics.zx.ZxFinalState;
import org.vbfann.plot.ChartFiles;
import org.vbfann.plot.FakeRatePlot;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.WriteOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vbfann zx estimate}: Z+X yields per final state (and shapes) from the control regions and fake rates. */
@Command(name = "estimate",
        header = "Estimate the Z+X yields (and shapes) per final state from 2P2F and 3P1F control regions.",
        description = {
            "Weights the data 2P2F (w_a w_b) and 3P1F (w_f) candidates of the ControlRegions trees passing --region"
                + " with w = f/(1 - f) from --fakerates, subtracts the prompt ZZ 3P1F term of --zz and combines them"
                + " with --formula (spec section 3.4): guide = 2P2F only for loose muons (4mu, 2e2mu), else full;"
                + " full = (1 - N_ZZ,3P1F/N_3P1F) 3P1F - 2P2F; formula1 = 3P1F - ZZ 3P1F - 2P2F; 2p2f = 2P2F only.",
            "Uncertainties: stat = the control-region events' (spec section 3.4); FR stat = the fake-rate map's"
                + " statistical errors propagated bin by bin (each bin independent; shared bins stay correlated in 2l2l"
                + " and 4l); syst = |N_average - N_reweight| of the two --syst-maps (spec section 3.5), 0 without"
                + " them. 2l2l and 4l combine as computeFinalZX does (stat in quadrature); total = all three in"
                + " quadrature.",
            "Regions: vbf = the VBF-SR of spec section 2.0, smhiggs = no selection beyond the producer's SM-Higgs"
                + " one (spec section 3.4), or any expression of the tree's branches.",
            "With --out: OUT/yields.json; with --shape also OUT/shapes.root (<fs>/zjets, normalised to the yields,"
                + " under- and overflow included) and OUT/zx_shapes.png."})
public final class ZxEstimateCommand implements Callable<Integer> {
    /** The formulas by their command-line names. */
    private static final Map<String, ZplusXYield.Formula> FORMULAS = Map.of("guide", ZplusXYield.Formula.GUIDE,
            "full", ZplusXYield.Formula.FULL, "2p2f", ZplusXYield.Formula.TWO_PASS_TWO_FAIL,
            "formula1", ZplusXYield.Formula.FORMULA_1);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--fakerates", required = true, paramLabel = "FILE",
            description = "The fakerates.root of 'zx fakerates'.")
    Path fakeRates;

    @Option(names = "--data", required = true, split = ",", arity = "1..*", paramLabel = "FILE",
            description = "Data files with a ControlRegions tree (globs allowed, quote them).")
    List<String> data;

    @Option(names = "--zz", split = ",", paramLabel = "FILE",
            description = "Prompt ZZ simulation with a ControlRegions tree (its 3P1F term is subtracted).")
    List<String> zz;

    @Option(names = "--region", defaultValue = "vbf", paramLabel = "vbf|smhiggs|EXPR",
            description = "The region (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--formula", defaultValue = "guide", paramLabel = "guide|full|2p2f|formula1",
            description = "The yield formula (default: ${DEFAULT-VALUE}).")
    String formula;

    @Option(names = "--syst-maps", split = ",", paramLabel = "AVERAGE.root,REWEIGHT.root",
            description = "Fake-rate files of the 'average' and 'reweight' maps for the systematic.")
    List<Path> systMaps;

    @Option(names = "--shape", paramLabel = "EXPR", description = "A variable to histogram, e.g. f_mass4l or a score.")
    String shape;

    @Option(names = "--bins", defaultValue = "14", paramLabel = "N", description = "Shape bins (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--range", defaultValue = "117:131", paramLabel = "MIN:MAX",
            description = "Shape range (default: ${DEFAULT-VALUE}, the guide's VBF m4l binning).")
    String range;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder for yields.json (and shapes).")
    Path out;

    @Option(names = "--json", description = "Print the yields as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ZplusXYield.Formula f = FORMULAS.get(formula.toLowerCase(Locale.ROOT));
        if (f == null) {
            throw usage("--formula must be guide, full, 2p2f or formula1, got '" + formula + "'");
        }
        if (shape != null && out == null) {
            throw usage("--shape needs --out (shapes.root goes there)");
        }
        if (systMaps != null && systMaps.size() != 2) {
            throw usage("--syst-maps takes two files (average, reweight), got " + systMaps.size());
        }
        Axis axis = shape == null ? null : shapeAxis();
        String selection = switch (region) {
            case "vbf" -> DemoCommand.VBF_SR;
            case "smhiggs" -> null;
            default -> region;
        };
        Expression sel = selection == null ? null : Expression.parse(selection);
        List<Path> dataFiles = FileGlobs.expand(data);
        List<Path> zzFiles = zz == null ? List.of() : FileGlobs.expand(zz);

        Map<ZxFinalState, ZplusXYield> nominal = yields(fakeRates, dataFiles, zzFiles, sel, axis);
        Map<ZxFinalState, ZplusXYield.Value> values = new EnumMap<>(ZxFinalState.class);
        nominal.forEach((fs, y) -> values.put(fs, y.yield(f)));
        Map<ZxFinalState, Double> average = systMaps == null ? yieldsOnly(values)
                : yieldsOnly(yields(systMaps.get(0), dataFiles, zzFiles, sel, null), f);
        Map<ZxFinalState, Double> reweight = systMaps == null ? average
                : yieldsOnly(yields(systMaps.get(1), dataFiles, zzFiles, sel, null), f);
        Map<String, ZplusXCombination.Row> rows = ZplusXCombination.combine(values, average, reweight);

        ObjectNode o = NnFiles.JSON.createObjectNode();
        o.put("region", region).put("formula", formula);
        o.put("syst", systMaps == null ? "none (no --syst-maps)" : "average vs reweight maps");
        ObjectNode rowsNode = o.putObject("yields");
        for (ZplusXCombination.Row r : rows.values()) {
            rowsNode.putObject(r.label()).put("yield", r.yield()).put("stat", r.stat())
                    .put("fr_stat", r.fakeRateStat()).put("syst", r.syst()).put("total", r.total());
        }
        if (out != null) {
            write(o, nominal, f);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(w, o);
        } else {
            w.printf("Z+X yields, region %s, formula %s%n", region, formula);
            w.printf("%-8s %10s %10s %10s %10s %10s%n", "", "yield", "stat", "FR stat", "syst", "total");
            for (ZplusXCombination.Row r : rows.values()) {
                w.printf("%-8s %10.4f %10.4f %10.4f %10.4f %10.4f%n", r.label(), r.yield(), r.stat(), r.fakeRateStat(),
                        r.syst(), r.total());
            }
            if (systMaps == null) {
                w.println("no composition systematic: give the average and reweight maps with --syst-maps");
            }
            if (out != null) {
                w.println("wrote " + out.resolve("yields.json") + (shape == null ? "" : " and shapes.root"));
            }
        }
        return ExitCodes.OK;
    }

    private Map<ZxFinalState, ZplusXYield> yields(Path file, List<Path> dataFiles, List<Path> zzFiles, Expression sel,
            Axis axis) {
        FakeRateMap electrons = FakeRateFile.read(file, 11);
        FakeRateMap muons = FakeRateFile.read(file, 13);
        return ZxFiles.yields(dataFiles, zzFiles, sel, axis == null ? null : Expression.parse(shape), axis, electrons,
                muons);
    }

    private static Map<ZxFinalState, Double> yieldsOnly(Map<ZxFinalState, ZplusXYield.Value> values) {
        Map<ZxFinalState, Double> m = new EnumMap<>(ZxFinalState.class);
        values.forEach((fs, v) -> m.put(fs, v.yield()));
        return m;
    }

    private static Map<ZxFinalState, Double> yieldsOnly(Map<ZxFinalState, ZplusXYield> yields, ZplusXYield.Formula f) {
        Map<ZxFinalState, Double> m = new EnumMap<>(ZxFinalState.class);
        yields.forEach((fs, y) -> m.put(fs, y.yield(f).yield()));
        return m;
    }

    private Axis shapeAxis() {
        String[] ab = range.split(":");
        double lo;
        double hi;
        try {
            lo = Double.parseDouble(ab[0]);
            hi = ab.length == 2 ? Double.parseDouble(ab[1]) : Double.NaN;
        } catch (NumberFormatException e) {
            throw usage("--range must be MIN:MAX, got '" + range + "'");
        }
        if (!(hi > lo) || bins < 1) {
            throw usage("--range must be MIN:MAX with MIN < MAX and --bins positive, got " + range + ", " + bins);
        }
        return Axis.uniform(bins, lo, hi, shape);
    }

    private void write(ObjectNode o, Map<ZxFinalState, ZplusXYield> nominal, ZplusXYield.Formula f) {
        try {
            Files.createDirectories(out);
            if (shape != null) {
                Map<String, Histogram1D> shapes = new LinkedHashMap<>();
                try (RootFileWriter w = RootFileWriter.create(out.resolve("shapes.root"), WriteOptions.defaults())) {
                    for (ZxFinalState fs : ZxFinalState.values()) {
                        Histogram1D h = nominal.get(fs).shape(f, "zjets");
                        w.put(fs.label() + "/zjets", h);
                        shapes.put(fs.label(), h);
                    }
                }
                ChartFiles.save(FakeRatePlot.shapes("Z+X control-region shapes, " + region, shapes),
                        out.resolve("zx_shapes.png"));
            }
            NnFiles.writeJson(out.resolve("yields.json"), o);
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot write: " + e.getMessage(), e);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
