package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vbfann.physics.dataset.Dataset;
import org.vbfann.physics.dataset.DatasetBuilder;
import org.vbfann.physics.dataset.DatasetFiles;
import org.vbfann.physics.dataset.DatasetListener;
import org.vbfann.physics.dataset.DatasetSpec;
import org.vbfann.physics.dataset.ZplusXTraining;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vbfann dataset build}: reduced ntuples to a training dataset (the guide's FormatROOTs). */
@Command(name = "build",
        header = "Build a training dataset from reduced ntuples.",
        description = {
            "Maps every input file to a process key by the tags its path contains (--keys and --tags pair up; a"
                + " file matching tags of two keys, or none, is an error), keeps the events passing --selection and"
                + " the jet category, computes the --features (branches, array elements like f_jets_highpt_pt[0],"
                + " derived names like mjj, detajj, dphijj, ptjj, djet, zstar, y4l, pt4ljj, f_jets_highpt_e[i], or"
                + " expressions),"
                + " shuffles all events with --seed and splits each process into train, validation and test.",
            "Z+X as a background (the guide's ZX key): --zx-key names the key whose files are Z+X control-region data"
                + " (tree ControlRegions); its 2P2F and 3P1F candidates passing the selection are weighted with the"
                + " product of f/(1 - f) of their failing leptons (--zx-fakerates, from 'zx fakerates') and scaled to"
                + " --zx-yield, a number or the yields.json of 'zx estimate' (its 4l yield).",
            "--max-events keeps at most N selected events per key (a seeded random subset; weights scaled so the"
                + " key's yield is unchanged).",
            "Writes OUT/dataset.root (trees train, validation, test) and OUT/dataset.json, and prints the events and"
                + " sums of weights of each process before and after the selection. A feature value of -999 (an"
                + " absent jet) is stored as 0, as the guide's FormatROOTs did."})
public final class DatasetBuildCommand implements Callable<Integer> {
    /** Commas inside one level of parentheses (as in max(a,b)) do not split a list value. */
    static final String LIST_SPLIT = ",(?![^()]*\\))";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProcessFilesOptions processFiles;

    @Option(names = "--selection", defaultValue = "", paramLabel = "EXPR",
            description = "The event selection, e.g. 'f_Nbjets <= 1 && f_mass4l >= 118 && f_mass4l <= 130'.")
    String selection;

    @Option(names = "--njets-min", defaultValue = "0", paramLabel = "N",
            description = "Keep events with f_njets_pass >= N (2 for the 2-jet model, 3 for the 3-jet one; default: ${DEFAULT-VALUE}).")
    int njetsMin;

    @Option(names = "--njets-exact", description = "Require f_njets_pass == N instead (the 2-jet category 'exactly two jets').")
    boolean njetsExact;

    @Option(names = "--features", required = true, split = LIST_SPLIT, arity = "1..*", paramLabel = "F",
            description = "The network inputs in order: branches, array elements (f_jets_highpt_pt[0]), derived names or expressions.")
    List<String> features;

    @Option(names = "--split", split = ",", defaultValue = "0.6,0.2,0.2", paramLabel = "TRAIN,VALID,TEST",
            description = "Fractions of each process for training, validation and test (default: ${DEFAULT-VALUE}).")
    List<Double> split;

    @Option(names = "--seed", defaultValue = "999", paramLabel = "N",
            description = "Seed of the shuffle that mixes processes and final states (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tree", defaultValue = DatasetSpec.DEFAULT_TREE, paramLabel = "NAME",
            description = "The tree to read in every file (default: ${DEFAULT-VALUE}).")
    String tree;

    @Option(names = "--weight", defaultValue = DatasetSpec.DEFAULT_WEIGHT, paramLabel = "EXPR",
            description = "The per-event weight (default: ${DEFAULT-VALUE}).")
    String weight;

    @Option(names = {"--max-events", "--nevents"}, paramLabel = "N",
            description = "Keep at most N selected events per key (default: all).")
    Long maxEvents;

    @Option(names = "--zx-key", paramLabel = "KEY", description = "The key of the Z+X control-region files.")
    String zxKey;

    @Option(names = "--zx-fakerates", paramLabel = "FILE", description = "fakerates.root for the Z+X weights.")
    Path zxFakeRates;

    @Option(names = "--zx-yield", paramLabel = "YIELD|yields.json",
            description = "The Z+X yield after the selection: a number, or the yields.json of 'zx estimate'.")
    String zxYield;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The dataset folder to write.")
    Path out;

    @Option(names = "--quiet", description = "Do not report each file read.")
    boolean quiet;

    @Option(names = "--json", description = "Print a JSON object (the content of dataset.json) instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        double[] fractions = new double[split.size()];
        for (int i = 0; i < fractions.length; i++) {
            fractions[i] = split.get(i);
        }
        DatasetSpec s = new DatasetSpec(processFiles.keys, processFiles.tags, processFiles.signal, selection, njetsMin,
                njetsExact, features, fractions, seed, tree, weight,
                maxEvents == null ? DatasetSpec.ALL_EVENTS : maxEvents, zplusX());
        List<Path> inputs = FileGlobs.expand(processFiles.files);
        PrintWriter err = spec.commandLine().getErr();
        DatasetListener listener = quiet ? DatasetListener.NONE : (done, total, f, entries, selected) -> {
            err.printf("[%d/%d] %s (key %s): %d entries, %d selected%n", done, total, f.file(), f.key(), entries, selected);
            err.flush();
        };
        Dataset d = DatasetBuilder.build(s, new ArrayList<>(inputs), listener);
        DatasetFiles.write(d, out);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = DatasetFiles.toJson(d);
            o.put("out", out.toString());
            JsonOutput.print(stdout, o);
        } else {
            stdout.print(d.yieldTable());
            stdout.printf("wrote %s and %s%n", out.resolve(DatasetFiles.ROOT_FILE), out.resolve(DatasetFiles.JSON_FILE));
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    /** The Z+X training key from --zx-key, --zx-fakerates and --zx-yield (all three or none). */
    private ZplusXTraining zplusX() {
        if (zxKey == null && zxFakeRates == null && zxYield == null) {
            return null;
        }
        if (zxKey == null || zxFakeRates == null || zxYield == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Z+X training needs --zx-key, --zx-fakerates and --zx-yield together");
        }
        return new ZplusXTraining(zxKey, zxFakeRates, yieldOf(zxYield));
    }

    private double yieldOf(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            Path file = Path.of(text);
            JsonNode y;
            try {
                y = NnFiles.JSON.readTree(file.toFile()).path("yields").path("4l").path("yield");
            } catch (IOException e) {
                throw new CommandFailedException("--zx-yield " + text + ": neither a number nor a readable yields.json ("
                        + ErrorHandler.message(e) + ")", ExitCodes.BAD_INPUT);
            }
            if (!y.isNumber()) {
                throw new CommandFailedException(file + ": no yields.4l.yield; give the yields.json of 'vbfann zx"
                        + " estimate' or a number", ExitCodes.BAD_INPUT);
            }
            return y.asDouble();
        }
    }
}
