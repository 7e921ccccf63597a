package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vbfann.plot.ChartFiles;
import org.vbfann.plot.ImpactsPlot;
import org.vbfann.stats.Impacts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vbfann stats impacts}: nuisance impacts on the POI, like combineTool.py -M Impacts and plotImpacts.py. */
@Command(name = "impacts",
        header = "Impacts of each nuisance on the POI, ranked (like combineTool.py -M Impacts).",
        description = "Fits, then refits with each nuisance fixed at its post-fit value +- its post-fit error and "
                + "reports the POI shifts, the pulls and the ranking, as JSON in the layout of combineTool's "
                + "impacts.json, with an optional ranked plot.")
public final class StatsImpactsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StatsModelOptions inputs;

    @Option(names = "--plot", paramLabel = "<file.png>", description = "Write the ranked impacts plot (.png or .svg).")
    Path plot;

    @Option(names = "--top", paramLabel = "<n>", defaultValue = "30", description = "Nuisances in the plot. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--json", description = "Print the result as a JSON object.")
    boolean json;

    @Override
    public Integer call() {
        StatsModelOptions.Loaded l = inputs.load();
        PrintWriter err = spec.commandLine().getErr();
        Impacts.Result r = Impacts.run(inputs.fitter(l), l.nuisances(), (done, total) -> {
            if (!json && (done == total || done % 10 == 0)) {
                err.printf(Locale.ROOT, "impacts: %d/%d nuisances%n", done, total);
                err.flush();
            }
        });
        ObjectNode o = JsonOutput.object();
        ArrayNode pois = o.putArray("POIs");
        ObjectNode p = pois.addObject();
        p.put("name", l.poiName());
        p.set("fit", JsonOutput.array(new double[]{r.poi().lower(), r.poi().best(), r.poi().upper()}));
        ArrayNode params = o.putArray("params");
        for (Impacts.Entry e : r.ranked()) {
            ObjectNode n = params.addObject();
            n.put("name", e.name());
            n.set("fit", JsonOutput.array(new double[]{e.value() - e.error(), e.value(), e.value() + e.error()}));
            n.set("prefit", JsonOutput.array(new double[]{-e.prefitSigma(), 0, e.prefitSigma()}));
            n.set(l.poiName(), JsonOutput.array(new double[]{e.poiDown(), e.poiBest(), e.poiUp()}));
            n.put("impact_" + l.poiName(), e.maxImpact());
        }
        if (plot != null) {
            List<ImpactsPlot.Entry> shown = new ArrayList<>();
            for (Impacts.Entry e : r.ranked().subList(0, Math.min(top, r.ranked().size()))) {
                shown.add(new ImpactsPlot.Entry(e.name(), e.impactUp(), e.impactDown()));
            }
            ChartFiles.save(ImpactsPlot.chart("Impacts", l.poiName(), shown), plot, 900, Math.max(400, 25 * shown.size() + 150));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, o);
        } else {
            out.printf(Locale.ROOT, "%s = %.4f -%.4f/+%.4f%n", l.poiName(), r.poi().best(), r.poi().errorLow(), r.poi().errorHigh());
            for (Impacts.Entry e : r.ranked()) {
                out.printf(Locale.ROOT, "  %-40s %+.4f / %+.4f%n", e.name(), e.impactUp(), e.impactDown());
            }
        }
        return ExitCodes.OK;
    }
}
