package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.vbfann.core.Histogram2D;
import org.vbfann.physics.zx.FakeRateFile;
import org.vbfann.physics.zx.FakeRateMap;
import org.vbfann.plot.ChartFiles;
import org.vbfann.plot.FakeRatePlot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vbfann zx fakerates}: electron and muon fake rates in (pT, |η|) bins from Z + ℓ events. */
@Command(name = "fakerates",
        header = "Measure electron and muon fake rates from FakeRate trees, prompt simulation subtracted.",
        description = {
            "FR = (N_tight,data - N_tight,prompt)/(N_loose,data - N_loose,prompt) per flavour in bins of pT and |eta|"
                + " (spec section 3.2), with its statistical error: binomial, sqrt(FR (1 - FR)/N), for data alone;"
                + " the squared weights of the subtracted simulation add to it.",
            "Writes OUT/fakerates.root (TH2D ElectronPtEtaMapFR and MuonPtEtaMapFR, the guide's names, and their"
                + " *_denominator counts, which 'zx estimate' reads) and OUT/fakerate_e.png, OUT/fakerate_mu.png"
                + " (rate vs pT per |eta| bin)."})
public final class ZxFakeRatesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, split = ",", arity = "1..*", paramLabel = "FILE",
            description = "Data files with a FakeRate tree (globs allowed, quote them).")
    List<String> data;

    @Option(names = "--prompt", split = ",", paramLabel = "FILE",
            description = "Prompt simulation (WZ, ZZ) with a FakeRate tree, subtracted in numerator and denominator.")
    List<String> prompt;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--pt-edges", split = ",", paramLabel = "GEV",
            description = "pT bin edges of both flavours (default: plotFR.cc's 0,5,10,20,30,50,1000).")
    double[] ptEdges = FakeRateMap.DEFAULT_PT_EDGES;

    @Option(names = "--eta-edges", split = ",", paramLabel = "ABSETA",
            description = "|eta| bin edges of both flavours (default: plotFR.cc's 0,0.3,...,2.1,2.5).")
    double[] etaEdges = FakeRateMap.DEFAULT_ETA_EDGES;

    @Option(names = "--json", description = "Print the rates as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<Path> dataFiles = FileGlobs.expand(data);
        List<Path> promptFiles = prompt == null ? List.of() : FileGlobs.expand(prompt);
        FakeRateMap electrons = new FakeRateMap(11, ptEdges, etaEdges);
        FakeRateMap muons = new FakeRateMap(13, ptEdges, etaEdges);
        ZxFiles.measure(electrons, muons, dataFiles, promptFiles);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot create: " + e.getMessage(), e);
        }
        Path file = out.resolve("fakerates.root");
        FakeRateFile.write(file, electrons, muons);
        ObjectNode o = NnFiles.JSON.createObjectNode();
        o.put("file", file.toString());
        PrintWriter w = spec.commandLine().getOut();
        for (FakeRateMap m : List.of(electrons, muons)) {
            String flavour = m.flavour() == 11 ? "e" : "mu";
            Histogram2D h = m.toHistogram(FakeRateFile.mapName(m.flavour()));
            ChartFiles.save(FakeRatePlot.chart((m.flavour() == 11 ? "electron" : "muon") + " fake rate", h),
                    out.resolve("fakerate_" + flavour + ".png"));
            ArrayNode bins = o.putArray(flavour);
            if (!json) {
                w.printf("%s fake rates (%s)%n%-16s %-14s %10s %10s %12s%n", m.flavour() == 11 ? "electron" : "muon",
                        h.name(), "pT [GeV]", "|eta|", "rate", "error", "denominator");
            }
            for (int ix = 1; ix <= h.xAxis().bins(); ix++) {
                for (int iy = 1; iy <= h.yAxis().bins(); iy++) {
                    double rate = m.rate(ix, iy);
                    double err = m.uncertainty(ix, iy);
                    ObjectNode b = bins.addObject();
                    b.put("pt_low", h.xAxis().lowEdge(ix)).put("pt_high", h.xAxis().highEdge(ix))
                            .put("eta_low", h.yAxis().lowEdge(iy)).put("eta_high", h.yAxis().highEdge(iy))
                            .put("denominator", m.denominator(ix, iy));
                    if (Double.isFinite(rate)) {
                        b.put("rate", rate).put("error", err);
                    } else {
                        b.putNull("rate").putNull("error");
                    }
                    if (!json) {
                        w.printf("%-16s %-14s %10.4f %10.4f %12.1f%n",
                                "[" + fmt(h.xAxis().lowEdge(ix)) + ", " + fmt(h.xAxis().highEdge(ix)) + ")",
                                "[" + fmt(h.yAxis().lowEdge(iy)) + ", " + fmt(h.yAxis().highEdge(iy)) + ")",
                                rate, err, m.denominator(ix, iy));
                    }
                }
            }
        }
        if (json) {
            JsonOutput.print(w, o);
        } else {
            w.println("wrote " + file);
        }
        return ExitCodes.OK;
    }

    private static String fmt(double v) {
        return String.format("%.4g", v);
    }
}
