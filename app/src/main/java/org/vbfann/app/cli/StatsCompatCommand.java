package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vbfann.stats.ChannelCompatibility;
import org.vbfann.stats.DatacardModel;
import org.vbfann.stats.Fitter;
import org.vbfann.stats.ProfileLikelihood;
import org.vbfann.stats.RootShapeSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vbfann stats compat}: channel compatibility, like combine -M ChannelCompatibilityCheck. */
@Command(name = "compat",
        header = "Channel compatibility: one r per channel against a common r (like ChannelCompatibilityCheck).",
        description = "Fits the datacard with a common signal strength and with one per channel (other parameters "
                + "shared) and reports every r with its 68%% interval, chi2 = 2 (NLL_common - NLL_per-channel) and its "
                + "p-value with channels - 1 degrees of freedom.")
public final class StatsCompatCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StatsModelOptions inputs;

    @Option(names = "--json", description = "Print the result as a JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (inputs.input.datacard == null) {
            throw new CommandFailedException("stats compat needs --datacard (channels of a pyhf workspace share no"
                    + " signal strength convention)", ExitCodes.USAGE);
        }
        DatacardModel common;
        DatacardModel split;
        try (RootShapeSource src = new RootShapeSource()) {
            common = inputs.datacardBuilder(src).build(inputs.input.datacard);
            split = inputs.datacardBuilder(src).poiPerChannel().build(common.card());
        }
        List<String> channels = common.card().channels();
        int[] pois = new int[channels.size()];
        for (int c = 0; c < pois.length; c++) {
            pois[c] = split.model().parameterIndex("r_" + channels.get(c));
            if (pois[c] < 0) {
                throw new CommandFailedException("channel '" + channels.get(c) + "' has no signal process", ExitCodes.BAD_INPUT);
            }
        }
        ChannelCompatibility.Result r = ChannelCompatibility.run(new Fitter(common.model()), new Fitter(split.model()), pois);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = JsonOutput.object();
            o.set("nominal_fit", interval(r.nominal()));
            ArrayNode a = o.putArray("channels");
            for (int c = 0; c < pois.length; c++) {
                ObjectNode n = interval(r.channels().get(c));
                n.put("channel", channels.get(c));
                a.add(n);
            }
            o.put("chi2", r.chi2());
            o.put("dof", r.dof());
            o.put("p_value", r.pValue());
            JsonOutput.print(out, o);
        } else {
            out.printf(Locale.ROOT, "Nominal fit: r = %.4f -%.4f/+%.4f%n", r.nominal().best(), r.nominal().errorLow(),
                    r.nominal().errorHigh());
            for (int c = 0; c < pois.length; c++) {
                ProfileLikelihood.Interval iv = r.channels().get(c);
                out.printf(Locale.ROOT, "Alternate fit, channel %s: r = %.4f -%.4f/+%.4f%n", channels.get(c), iv.best(),
                        iv.errorLow(), iv.errorHigh());
            }
            out.printf(Locale.ROOT, "Chi2-like compatibility: %.4f (%d dof, p = %.4g)%n", r.chi2(), r.dof(), r.pValue());
        }
        return ExitCodes.OK;
    }

    private static ObjectNode interval(ProfileLikelihood.Interval iv) {
        ObjectNode n = JsonOutput.object();
        n.put("r", iv.best());
        n.put("error_low", iv.errorLow());
        n.put("error_high", iv.errorHigh());
        return n;
    }
}
