package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vbfann.stats.Datacard;
import org.vbfann.stats.DatacardReader;
import org.vbfann.stats.DatacardWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vbfann stats combine-cards}: combines datacards like combineCards.py. */
@Command(name = "combine-cards",
        header = "Combine datacards into one, like combineCards.py name1=card1.txt name2=card2.txt.",
        description = "A one-channel card's channel is renamed to its label, the channels of a several-channel card to "
                + "label_channel; processes and systematics of the same name are shared; shapes lines are expanded per "
                + "channel with paths relative to the output. Prints the card, or writes it with -o.")
public final class StatsCombineCardsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "<label=card.txt>", arity = "1..*", description = "The cards with their labels.")
    List<String> cards;

    @Option(names = {"-o", "--output"}, paramLabel = "<card.txt>", description = "Write the combined card here.")
    Path output;

    @Option(names = "--json", description = "Print a JSON summary (output file and channels) instead of the card.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, Datacard> in = new LinkedHashMap<>();
        for (String c : cards) {
            int eq = c.indexOf('=');
            if (eq <= 0 || eq == c.length() - 1) {
                throw new CommandFailedException("'" + c + "': expected label=card.txt", ExitCodes.USAGE);
            }
            String label = c.substring(0, eq);
            if (in.containsKey(label)) {
                throw new CommandFailedException("label '" + label + "' is given twice", ExitCodes.USAGE);
            }
            in.put(label, DatacardReader.read(Path.of(c.substring(eq + 1))));
        }
        Path dir = output != null ? output.toAbsolutePath().getParent() : Path.of("").toAbsolutePath();
        Datacard comb = DatacardWriter.combine(in, dir);
        if (output != null) {
            DatacardWriter.write(comb, output);
        }
        if (json) {
            ObjectNode o = JsonOutput.object();
            o.put("output", output == null ? null : output.toString());
            ArrayNode ch = o.putArray("channels");
            comb.channels().forEach(ch::add);
            JsonOutput.print(spec.commandLine().getOut(), o);
        } else if (output == null) {
            spec.commandLine().getOut().print(DatacardWriter.text(comb));
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
