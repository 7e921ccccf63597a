package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vbfann.plot.ChartFiles;
import org.vbfann.plot.NllContourPlot;
import org.vbfann.plot.NllScanPlot;
import org.vbfann.stats.FitResult;
import org.vbfann.stats.Fitter;
import org.vbfann.stats.LikelihoodModel;
import org.vbfann.stats.LikelihoodScan;
import org.vbfann.stats.ProfileLikelihood;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vbfann stats scan}: 1D or 2D profile-likelihood scans, like combine -M MultiDimFit --algo grid. */
@Command(name = "scan",
        header = "1D/2D profile-likelihood scans with 68%%/95%% intervals (like MultiDimFit --algo grid).",
        description = "Scans 2 deltaNLL of a parameter (default: the POI) over a grid with all other parameters "
                + "profiled, and finds the 68%% and 95%% intervals from the exact crossings. With --parameter2 the scan "
                + "is 2D. With --expect-signal the data are replaced by the Asimov dataset at that signal strength and "
                + "pre-fit nuisances (like -t -1 --expectSignal).")
public final class StatsScanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StatsModelOptions inputs;

    @Option(names = {"-P", "--parameter"}, paramLabel = "<name>", description = "The parameter to scan (default: the POI).")
    String parameter;

    @Option(names = "--range", paramLabel = "<lo:hi>", description = "The scan range (default: the parameter's bounds).")
    String range;

    @Option(names = "--points", paramLabel = "<n>", defaultValue = "30", description = "Grid points per axis. Default: ${DEFAULT-VALUE}.")
    int points;

    @Option(names = "--parameter2", paramLabel = "<name>", description = "A second parameter for a 2D scan.")
    String parameter2;

    @Option(names = "--range2", paramLabel = "<lo:hi>", description = "The range of the second parameter.")
    String range2;

    @Option(names = "--expect-signal", paramLabel = "<r>", description = "Scan the Asimov dataset at this signal strength.")
    Double expectSignal;

    @Option(names = "--plot", paramLabel = "<file.png>", description = "Write the scan plot (.png or .svg): 2 deltaNLL against the parameter, or for a 2D"
                    + " scan its map with the 68%% and 95%% CL contours.")
    Path plot;

    @Option(names = "--json", description = "Print the result as a JSON object.")
    boolean json;

    @Override
    public Integer call() {
        StatsModelOptions.Loaded l = inputs.load();
        Fitter f = inputs.fitter(l);
        LikelihoodModel m = l.model();
        if (expectSignal != null) {
            double[] p = f.initialValues();
            p[m.poi()] = expectSignal;
            f = f.withModel(m.asimov(p));
        }
        int p1 = index(m, parameter == null ? l.poiName() : parameter);
        double[] r1 = range(range, f, p1, "--range");
        FitResult best = Fitter.requireConverged(f.fit(), "free fit before the scan");
        ObjectNode o = JsonOutput.object();
        o.put("expected", expectSignal != null);
        o.put("best_fit_nll", best.nll());
        PrintWriter out = spec.commandLine().getOut();
        if (parameter2 != null) {
            int p2 = index(m, parameter2);
            double[] r2 = range(range2, f, p2, "--range2");
            LikelihoodScan.Scan2D s = LikelihoodScan.scan(f, best, p1, LikelihoodScan.grid(r1[0], r1[1], points), p2,
                    LikelihoodScan.grid(r2[0], r2[1], points));
            o.put("parameter", m.parameterName(p1));
            o.put("parameter2", m.parameterName(p2));
            o.put("best_fit", best.parameters()[p1]);
            o.put("best_fit2", best.parameters()[p2]);
            ArrayNode pts = o.putArray("points");
            for (int i = 0; i < s.x().length; i++) {
                for (int j = 0; j < s.y().length; j++) {
                    ObjectNode n = pts.addObject();
                    n.put(m.parameterName(p1), s.x()[i]);
                    n.put(m.parameterName(p2), s.y()[j]);
                    n.put("two_delta_nll", s.twoDeltaNll()[i][j]);
                }
            }
            if (plot != null) {
                ChartFiles.save(NllContourPlot.chart("Likelihood scan" + (expectSignal != null ? " (expected)" : ""),
                        m.parameterName(p1), m.parameterName(p2), s.x(), s.y(), s.twoDeltaNll(), best.parameters()[p1],
                        best.parameters()[p2]), plot);
            }
            if (json) {
                JsonOutput.print(out, o);
            } else {
                out.printf(Locale.ROOT, "Best fit %s = %.4f, %s = %.4f; %d x %d grid points%n", m.parameterName(p1),
                        best.parameters()[p1], m.parameterName(p2), best.parameters()[p2], points, points);
            }
            return ExitCodes.OK;
        }
        LikelihoodScan.Scan1D s = LikelihoodScan.scan(f, best, p1, LikelihoodScan.grid(r1[0], r1[1], points));
        ProfileLikelihood pl = new ProfileLikelihood(f, best);
        ProfileLikelihood.Interval i68 = pl.interval(p1, 1);
        ProfileLikelihood.Interval i95 = pl.interval(p1, 3.84);
        o.put("parameter", m.parameterName(p1));
        o.put("best_fit", best.parameters()[p1]);
        o.set("interval_68", JsonOutput.array(new double[]{i68.lower(), i68.upper()}));
        o.set("interval_95", JsonOutput.array(new double[]{i95.lower(), i95.upper()}));
        ArrayNode pts = o.putArray("points");
        for (int i = 0; i < s.x().length; i++) {
            ObjectNode n = pts.addObject();
            n.put(m.parameterName(p1), s.x()[i]);
            n.put("two_delta_nll", s.twoDeltaNll()[i]);
        }
        if (plot != null) {
            ChartFiles.save(NllScanPlot.chart("Likelihood scan", m.parameterName(p1),
                    new NllScanPlot.Curve(expectSignal != null ? "expected" : "observed", s.x(), s.twoDeltaNll())), plot);
        }
        if (json) {
            JsonOutput.print(out, o);
        } else {
            out.printf(Locale.ROOT, "Best fit %s = %.4f; 68%% CL [%.4f, %.4f]; 95%% CL [%.4f, %.4f]%n", m.parameterName(p1),
                    best.parameters()[p1], i68.lower(), i68.upper(), i95.lower(), i95.upper());
        }
        return ExitCodes.OK;
    }

    private static int index(LikelihoodModel m, String name) {
        int p = m.parameterIndex(name);
        if (p < 0) {
            throw new CommandFailedException("no parameter '" + name + "' in the model", ExitCodes.USAGE);
        }
        return p;
    }

    private static double[] range(String s, Fitter f, int p, String option) {
        if (s == null) {
            if (!Double.isFinite(f.lower(p)) || !Double.isFinite(f.upper(p))) {
                throw new CommandFailedException("parameter '" + f.model().parameterName(p) + "' is unbounded; give "
                        + option + " lo:hi", ExitCodes.USAGE);
            }
            return new double[]{f.lower(p), f.upper(p)};
        }
        String[] ab = s.split("[:,]");
        try {
            if (ab.length != 2) {
                throw new NumberFormatException();
            }
            double lo = Double.parseDouble(ab[0].trim());
            double hi = Double.parseDouble(ab[1].trim());
            if (!(lo < hi)) {
                throw new NumberFormatException();
            }
            return new double[]{lo, hi};
        } catch (NumberFormatException e) {
            throw new CommandFailedException(option + " " + s + ": expected lo:hi with lo < hi", ExitCodes.USAGE);
        }
    }
}
