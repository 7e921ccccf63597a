package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vbfann.plot.ChartFiles;
import org.vbfann.plot.PullsPlot;
import org.vbfann.plot.StackPlot;
import org.vbfann.stats.FitDiagnostics;
import org.vbfann.stats.FitResult;
import org.vbfann.stats.LikelihoodModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vbfann stats fit}: background-only and signal+background fits, like combine -M FitDiagnostics. */
@Command(name = "fit",
        header = "Background-only and signal+background fits with pulls and yields (like FitDiagnostics).",
        description = "Fits with the POI at 0 and free; reports the POI with its Hessian and profile-likelihood (MINOS-"
                + "like) errors, the nuisance pulls, and pre- and post-fit yields per channel and process with "
                + "uncertainties from the covariance. With --plots, writes stacked pre/post-fit plots with data and a "
                + "ratio panel per channel, and a pulls plot.")
public final class StatsFitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StatsModelOptions inputs;

    @Option(names = "--plots", paramLabel = "<dir>", description = "Write the plots (PNG) into this folder.")
    Path plots;

    @Option(names = "--json", description = "Print the result as a JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        StatsModelOptions.Loaded l = inputs.load();
        FitDiagnostics.Result r = FitDiagnostics.run(inputs.fitter(l), l.nuisances());
        LikelihoodModel m = l.model();
        int poi = m.poi();
        ObjectNode o = JsonOutput.object();
        o.put("poi", l.poiName());
        ObjectNode rs = o.putObject(l.poiName());
        rs.put("value", r.signalPlusBackground().parameters()[poi]);
        rs.put("error_hesse", r.poiHesseError());
        rs.put("error_low", r.poiInterval().errorLow());
        rs.put("error_high", r.poiInterval().errorHigh());
        o.set("fit_b", fitNode(m, r.backgroundOnly()));
        o.set("fit_s", fitNode(m, r.signalPlusBackground()));
        o.set("pulls_b", pullsNode(r.pullsB()));
        o.set("pulls_s", pullsNode(r.pullsS()));
        ObjectNode y = o.putObject("yields");
        y.set("prefit", yieldsNode(m, r.prefit()));
        y.set("postfit_b", yieldsNode(m, r.postfitB()));
        y.set("postfit_s", yieldsNode(m, r.postfitS()));
        ObjectNode d = o.putObject("data");
        double[] data = m.data();
        for (int c = 0; c < m.channelCount(); c++) {
            d.set(m.channelName(c), JsonOutput.array(Arrays.copyOfRange(data, m.channelStart(c),
                    m.channelStart(c) + m.channelBins(c))));
        }
        if (plots != null) {
            writePlots(m, r, data);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, o);
        } else {
            out.printf(Locale.ROOT, "Best fit %s: %.4f  -%.4f/+%.4f  (68%% CL, Hesse %.4f)%n", l.poiName(),
                    r.signalPlusBackground().parameters()[poi], r.poiInterval().errorLow(), r.poiInterval().errorHigh(),
                    r.poiHesseError());
            for (FitDiagnostics.Pull p : r.pullsS()) {
                out.printf(Locale.ROOT, "  %-40s %+.3f +- %.3f  (pull %+.2f)%n", p.name(), p.postfitValue(),
                        p.postfitError(), p.pull());
            }
        }
        return ExitCodes.OK;
    }

    private static ObjectNode fitNode(LikelihoodModel m, FitResult f) {
        ObjectNode n = JsonOutput.object();
        n.put("status", f.status().name().toLowerCase(Locale.ROOT));
        n.put("nll", f.nll());
        ObjectNode p = n.putObject("parameters");
        for (int i = 0; i < m.parameterCount(); i++) {
            p.put(m.parameterName(i), f.parameters()[i]);
        }
        return n;
    }

    private static ArrayNode pullsNode(List<FitDiagnostics.Pull> pulls) {
        ArrayNode a = JsonOutput.MAPPER.createArrayNode();
        for (FitDiagnostics.Pull p : pulls) {
            ObjectNode n = a.addObject();
            n.put("name", p.name());
            n.put("prefit", p.prefitValue());
            n.put("prefit_sigma", p.prefitSigma());
            n.put("value", p.postfitValue());
            n.put("error", p.postfitError());
            n.put("pull", p.pull());
            n.put("constraint", p.constraint());
        }
        return a;
    }

    private static ObjectNode yieldsNode(LikelihoodModel m, FitDiagnostics.Yields y) {
        ObjectNode n = JsonOutput.object();
        for (int c = 0; c < m.channelCount(); c++) {
            ObjectNode ch = n.putObject(m.channelName(c));
            int nb = m.channelBins(c);
            for (int s = 0; s < m.sampleCount(); s++) {
                if (m.sampleChannel(s) != c) {
                    continue;
                }
                ObjectNode sn = ch.putObject(m.sampleName(s));
                int off = m.sampleOffset(s);
                sn.set("yield", JsonOutput.array(Arrays.copyOfRange(y.samples(), off, off + nb)));
                sn.set("error", JsonOutput.array(Arrays.copyOfRange(y.sampleErrors(), off, off + nb)));
            }
            ObjectNode t = ch.putObject("total");
            t.set("yield", JsonOutput.array(Arrays.copyOfRange(y.totals(), m.channelStart(c), m.channelStart(c) + nb)));
            t.set("error", JsonOutput.array(Arrays.copyOfRange(y.totalErrors(), m.channelStart(c), m.channelStart(c) + nb)));
        }
        return n;
    }

    private void writePlots(LikelihoodModel m, FitDiagnostics.Result r, double[] data) throws Exception {
        Files.createDirectories(plots);
        List<PullsPlot.Entry> pulls = new ArrayList<>();
        for (FitDiagnostics.Pull p : r.pullsS()) {
            pulls.add(new PullsPlot.Entry(p.name(), p.pull(), p.constraint()));
        }
        ChartFiles.save(PullsPlot.chart("Pulls (s+b fit)", pulls), plots.resolve("pulls.png"), 800,
                Math.max(400, 20 * pulls.size() + 150));
        String[] stages = {"prefit", "postfit_s"};
        FitDiagnostics.Yields[] ys = {r.prefit(), r.postfitS()};
        for (int c = 0; c < m.channelCount(); c++) {
            int nb = m.channelBins(c);
            int b0 = m.channelStart(c);
            for (int k = 0; k < 2; k++) {
                List<StackPlot.Process> procs = new ArrayList<>();
                for (int s = 0; s < m.sampleCount(); s++) {
                    if (m.sampleChannel(s) == c) {
                        int off = m.sampleOffset(s);
                        procs.add(new StackPlot.Process(m.sampleName(s), Arrays.copyOfRange(ys[k].samples(), off, off + nb)));
                    }
                }
                ChartFiles.save(StackPlot.chart(m.channelName(c) + " (" + stages[k] + ")", procs,
                        Arrays.copyOfRange(data, b0, b0 + nb), Arrays.copyOfRange(ys[k].totals(), b0, b0 + nb),
                        Arrays.copyOfRange(ys[k].totalErrors(), b0, b0 + nb)),
                        plots.resolve("stack_" + stages[k] + "_" + m.channelName(c) + ".png"));
            }
        }
    }
}
