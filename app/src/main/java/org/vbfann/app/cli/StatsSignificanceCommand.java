package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vbfann.stats.Fitter;
import org.vbfann.stats.Significance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vbfann stats significance}: asymptotic discovery significance, observed or expected. */
@Command(name = "significance",
        header = "Asymptotic discovery significance (like combine -M Significance).",
        description = "Z = sqrt(2 [NLL(r=0) - NLL(r hat)]) with r hat >= 0 and its p-value. With --expect-signal the "
                + "data are replaced by the Asimov dataset at that signal strength with pre-fit nuisances "
                + "(like -t -1 --expectSignal).")
public final class StatsSignificanceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StatsModelOptions inputs;

    @Mixin
    AsymptoticMethodOption method;

    @Option(names = "--expect-signal", paramLabel = "<r>",
            description = "Expected significance on the Asimov dataset at this signal strength.")
    Double expectSignal;

    @Option(names = "--json", description = "Print the result as a JSON object.")
    boolean json;

    @Override
    public Integer call() {
        method.check();
        StatsModelOptions.Loaded l = inputs.load();
        Fitter f = inputs.fitter(l);
        Significance.Result r = expectSignal == null ? Significance.observed(f) : Significance.expected(f, expectSignal);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = JsonOutput.object();
            o.put("method", "asymptotic");
            o.put("expected", expectSignal != null);
            if (expectSignal != null) {
                o.put("expect_signal", expectSignal);
            }
            o.put("poi", l.poiName());
            o.put("significance", r.significance());
            o.put("p_value", r.pValue());
            o.put("best_fit", r.bestPoi());
            o.put("q0", r.q0());
            JsonOutput.print(out, o);
        } else {
            out.printf(Locale.ROOT, " -- Significance%s --%nSignificance: %.4f%np-value: %.6g%n",
                    expectSignal == null ? "" : " (expected, " + l.poiName() + " = " + expectSignal + ")",
                    r.significance(), r.pValue());
        }
        return ExitCodes.OK;
    }
}
