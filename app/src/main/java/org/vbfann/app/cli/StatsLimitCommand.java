package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vbfann.stats.AsymptoticCalculator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vbfann stats limit}: asymptotic CLs upper limits, or CLs at one POI value. */
@Command(name = "limit",
        header = "Asymptotic CLs upper limits (like combine -M AsymptoticLimits) or CLs at one value.",
        description = {
            "Computes the observed and expected (median, +-1 sigma, +-2 sigma) 95%% CL upper limits on the signal "
                + "strength with the asymptotic formulae for the q~_mu test statistic. With --at r=VALUE it reports "
                + "CLs observed and the five expected values at that value instead, in the order of pyhf's hypotest.",
            "Datacards follow Combine's conventions (band at quantiles 0.025..0.975, r in [0, 20]); pyhf workspaces "
                + "follow pyhf's (band at integer sigmas, bounds and inits from the measurement)."})
public final class StatsLimitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StatsModelOptions inputs;

    @Mixin
    AsymptoticMethodOption method;

    @Option(names = "--at", paramLabel = "<r=value>",
            description = "Report CLs at this POI value (e.g. r=1.0 or mu=1.0) instead of limits.")
    String at;

    @Option(names = "--cl", paramLabel = "<cl>", defaultValue = "0.95",
            description = "Confidence level of the limits. Default: ${DEFAULT-VALUE}.")
    double cl;

    @Option(names = "--test-stat", paramLabel = "<name>",
            description = "qtilde (default), q, or q0 (--at only: discovery p0); a reference-case file may set it.")
    String testStat;

    @Option(names = "--json", description = "Print the result as a JSON object.")
    boolean json;

    @Override
    public Integer call() {
        method.check();
        if (!(cl > 0 && cl < 1)) {
            throw new CommandFailedException("--cl " + cl + " must lie strictly between 0 and 1", ExitCodes.USAGE);
        }
        StatsModelOptions.Loaded l = inputs.load();
        AsymptoticCalculator.TestStatistic ts = testStat != null ? AsymptoticCalculator.TestStatistic.ofPyhfName(testStat)
                : l.fileTestStatistic() != null ? l.fileTestStatistic() : AsymptoticCalculator.TestStatistic.QTILDE;
        if (at == null && ts == AsymptoticCalculator.TestStatistic.Q0) {
            ts = AsymptoticCalculator.TestStatistic.QTILDE;
        }
        AsymptoticCalculator calc = new AsymptoticCalculator(inputs.fitter(l), l.convention(), ts);
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode o = JsonOutput.object();
        o.put("method", "asymptotic");
        o.put("convention", l.combine() ? "combine" : "pyhf");
        o.put("test_statistic", ts.name().toLowerCase(Locale.ROOT));
        o.put("poi", l.poiName());
        o.put("best_fit", calc.bestPoi());
        if (at != null) {
            double value = parseAt(at, l.poiName());
            AsymptoticCalculator.HypoTest h = calc.hypoTest(value);
            o.put("poi_value", value);
            o.put("cls_observed", h.clsObserved());
            o.set("cls_expected", JsonOutput.array(h.clsExpected()));
            o.put("clsb", h.clsb());
            o.put("clb", h.clb());
            o.put("q", h.q());
            o.put("q_asimov", h.qAsimov());
            if (json) {
                JsonOutput.print(out, o);
            } else {
                String what = ts == AsymptoticCalculator.TestStatistic.Q0 ? "p0" : "CLs";
                out.printf(Locale.ROOT, "Observed %s for %s = %g: %.6g%n", what, l.poiName(), value, h.clsObserved());
                String[] labels = {"-2 sigma", "-1 sigma", "median", "+1 sigma", "+2 sigma"};
                for (int k = 0; k < 5; k++) {
                    out.printf(Locale.ROOT, "Expected %s (%s): %.6g%n", what, labels[k], h.clsExpected()[k]);
                }
            }
            return ExitCodes.OK;
        }
        AsymptoticCalculator.Limits lim = calc.upperLimits(1 - cl);
        o.put("cl", cl);
        o.put("observed", lim.observed());
        ObjectNode e = o.putObject("expected");
        for (int k = 0; k < 5; k++) {
            e.put(QUANTILE_KEYS[k], lim.expected()[k]);
        }
        if (json) {
            JsonOutput.print(out, o);
        } else {
            out.printf(Locale.ROOT, " -- AsymptoticLimits (CLs, %s conventions) --%n", l.combine() ? "Combine" : "pyhf");
            out.printf(Locale.ROOT, "Observed Limit: %s < %.4f%n", l.poiName(), lim.observed());
            for (int k = 0; k < 5; k++) {
                out.printf(Locale.ROOT, "Expected %4.1f%%: %s < %.4f%n", 100 * AsymptoticCalculator.COMBINE_QUANTILES[k],
                        l.poiName(), lim.expected()[k]);
            }
        }
        return ExitCodes.OK;
    }

    /** The JSON keys of the expected band, Combine's quantiles, lowest limit first. */
    static final String[] QUANTILE_KEYS = {"0.025", "0.16", "0.5", "0.84", "0.975"};

    /** Parses "r=1.5", "mu=1.5" or "1.5"; the name must be the POI or "r". */
    static double parseAt(String s, String poi) {
        String v = s;
        int eq = s.indexOf('=');
        if (eq >= 0) {
            String name = s.substring(0, eq).trim();
            if (!name.equals(poi) && !name.equals("r")) {
                throw new CommandFailedException("--at " + s + ": '" + name + "' is not the POI; the POI is '" + poi + "'",
                        ExitCodes.USAGE);
            }
            v = s.substring(eq + 1).trim();
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new CommandFailedException("--at " + s + ": '" + v + "' is not a number", ExitCodes.USAGE);
        }
    }
}
