package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vbfann.stats.Datacard;
import org.vbfann.stats.DatacardModelBuilder;
import org.vbfann.stats.DatacardReader;
import org.vbfann.stats.PyhfJsonWriter;
import org.vbfann.stats.RootShapeSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vbfann stats to-pyhf}: writes a datacard's model as a pyhf JSON workspace. */
@Command(name = "to-pyhf",
        header = "Write a Combine datacard as a pyhf JSON workspace.",
        description = "Signal becomes normfactor r, lnN normsys, shape histosys (full +-1 sigma yields), rateParam "
                + "normfactor, gmN shapesys; lnU, gmM, param and autoMCStats are refused. Yields agree exactly at the "
                + "nominal point; pyhf's interpolations apply away from it.")
public final class StatsToPyhfCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--datacard", paramLabel = "<card.txt>", required = true, description = "The datacard.")
    Path datacard;

    @Option(names = {"-o", "--output"}, paramLabel = "<ws.json>", required = true, description = "The workspace to write.")
    Path output;

    @Option(names = {"-m", "--mass"}, paramLabel = "<mass>", defaultValue = DatacardModelBuilder.COMBINE_DEFAULT_MASS,
            description = "The value of $MASS in shapes lines. Default: ${DEFAULT-VALUE}.")
    String mass;

    @Option(names = "--json", description = "Print a JSON summary (output file, channels).")
    boolean json;

    @Override
    public Integer call() {
        Datacard dc = DatacardReader.read(datacard);
        ObjectNode ws;
        try (RootShapeSource src = new RootShapeSource()) {
            ws = PyhfJsonWriter.workspace(dc, src, mass);
        }
        PyhfJsonWriter.write(ws, output);
        if (json) {
            ObjectNode o = JsonOutput.object();
            o.put("output", output.toString());
            o.set("channels", JsonOutput.MAPPER.valueToTree(dc.channels()));
            JsonOutput.print(spec.commandLine().getOut(), o);
        }
        return ExitCodes.OK;
    }
}
