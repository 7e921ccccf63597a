package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.vbfann.ml.Activation;
import org.vbfann.ml.Optimizer;
import org.vbfann.ml.TrainingConfig;
import org.vbfann.ml.TrainingListener;
import org.vbfann.ml.Weighting;
import org.vbfann.ml.scan.ScanGrid;
import org.vbfann.ml.scan.ScanPoint;
import org.vbfann.ml.scan.ScanRunner;
import org.vbfann.physics.dataset.Dataset;
import org.vbfann.physics.dataset.DatasetFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vbfann nn scan}: train a grid of configurations (the guide's shell loop over EvaluateNeuralNetwork). */
@Command(name = "scan",
        header = "Train a grid of network configurations in parallel, resumably.",
        description = {
            "Trains every configuration of the grid input sets x layers x batch sizes x patience x weighting x"
                + " activations x learning rates (from --grid FILE.yaml and/or the options; an option replaces the"
                + " file's axis) on --jobs local cores, one configuration per core, each into OUT/<id>/ exactly as"
                + " 'vbfann nn train' would. A configuration's id is a hash of its settings, so a re-run skips"
                + " those finished (unless --force), and a configuration that fails is reported in"
                + " OUT/<id>/error.txt and summary.csv without stopping the others (the exit code is then 1).",
            "OUT/summary.csv has one row per configuration with its settings and test metrics; rank them with"
                + " 'vbfann nn rank OUT'. With --emit-condor DIR nothing is trained: DIR gets an HTCondor submit"
                + " file, the list of configurations and one shell script per configuration."})
public final class NnScanCommand implements Callable<Integer> {
    /** The file of each configuration folder that records its settings. */
    static final String CONFIG_FILE = "config.json";
    /** The file of a configuration folder that holds the message of its failure. */
    static final String ERROR_FILE = "error.txt";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "The dataset folder.")
    Path dataset;

    @Option(names = "--out", required = true, paramLabel = "SCAN_DIR", description = "The scan folder.")
    Path out;

    @Option(names = "--grid", paramLabel = "FILE.yaml", description = "The grid as YAML (axes and fixed settings).")
    Path grid;

    @Option(names = "--inputs", paramLabel = "[NAME=]F F ...",
            description = "An input set (repeat for several): features separated by spaces or commas, optionally named.")
    List<String> inputs;

    @Option(names = "--layers", split = ",", paramLabel = "\"N N ...\"", description = "Hidden-layer layouts, e.g. \"36 18 9,21 13 8\".")
    List<String> layers;

    @Option(names = "--batch-size", split = ",", paramLabel = "N", description = "Batch sizes.")
    List<Integer> batchSizes;

    @Option(names = "--patience", split = ",", paramLabel = "N", description = "Early-stopping patience values.")
    List<Integer> patience;

    @Option(names = "--weighting", split = ",", paramLabel = "none|event|yield|balanced", description = "Weighting modes.")
    List<Weighting> weightings;

    @Option(names = "--activation", split = ",", paramLabel = "relu|selu|...", description = "Hidden activations.")
    List<Activation> activations;

    @Option(names = "--learning-rate", split = ",", paramLabel = "LR", description = "Learning rates.")
    List<Double> learningRates;

    @Mixin
    TrainingOptions common;

    @Option(names = "--jobs", paramLabel = "N", description = "Configurations trained at once (default: the number of cores).")
    Integer jobs;

    @Option(names = "--force", description = "Train finished configurations again.")
    boolean force;

    @Option(names = "--emit-condor", paramLabel = "DIR",
            description = "Write an HTCondor submit file and per-configuration commands into DIR instead of training.")
    Path condor;

    @Option(names = "--vbfann", defaultValue = "vbfann", paramLabel = "PATH",
            description = "The vbfann launcher the batch jobs run (default: ${DEFAULT-VALUE}, on the worker's PATH).")
    String launcher;

    @Option(names = "--json", description = "Print a JSON object with the outcome of every configuration.")
    boolean json;

    @Override
    public Integer call() {
        ScanGridFile file = grid == null ? null : ScanGridFile.read(grid);
        applyFixed(file);
        Dataset d = DatasetFiles.read(dataset);
        List<ScanPoint> points = grid(file).points(d.featureNames());
        TrainingRun.Target target = TrainingRun.Target.parse(common.groups);
        Map<String, TrainingRun.Sets> sets = new HashMap<>();
        for (ScanPoint p : points) {
            sets.computeIfAbsent(p.inputSet(), k -> TrainingRun.sets(d, p.inputs(), target));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (condor != null) {
            emitCondor(points);
            stdout.printf("wrote %s/scan.sub and %d job scripts; submit with: condor_submit %s/scan.sub%n", condor,
                    points.size(), condor);
            stdout.flush();
            return ExitCodes.OK;
        }
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        List<ScanRunner.Outcome> outcomes;
        PrintWriter err = spec.commandLine().getErr();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("scan").setInitialMax(points.size())
                .setConsumer(new DelegatingProgressBarConsumer(s -> {
                    err.print("\r" + s);
                    err.flush();
                })).setUpdateIntervalMillis(1000).build()) {
            outcomes = ScanRunner.run(points, n, new Task(d, sets), (finished, total, o) -> {
                bar.stepTo(finished);
                bar.setExtraMessage(o.point().id() + " " + o.status().name().toLowerCase(Locale.ROOT));
            });
        }
        err.println();
        writeSummary(outcomes);
        return report(outcomes, stdout);
    }

    /** Trains one configuration into its folder; a failure leaves its message in error.txt. */
    private final class Task implements ScanRunner.Task {
        private final Dataset d;
        private final Map<String, TrainingRun.Sets> sets;

        Task(Dataset d, Map<String, TrainingRun.Sets> sets) {
            this.d = d;
            this.sets = sets;
        }

        @Override
        public boolean isDone(ScanPoint p) {
            return !force && Files.isRegularFile(out.resolve(p.id()).resolve(TrainingRun.METRICS_FILE));
        }

        @Override
        public void run(ScanPoint p) throws IOException {
            Path dir = out.resolve(p.id());
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(ERROR_FILE));
            Files.deleteIfExists(dir.resolve(TrainingRun.METRICS_FILE));
            ObjectNode cfg = configJson(p);
            NnFiles.writeAtomically(dir.resolve(CONFIG_FILE), NnFiles.JSON.writeValueAsBytes(cfg));
            try {
                TrainingRun.run(d, sets.get(p.inputSet()), p.config(), dir, TrainingListener.NONE, cfg);
            } catch (RuntimeException e) {
                NnFiles.writeAtomically(dir.resolve(ERROR_FILE),
                        (ErrorHandler.message(e) + "\n").getBytes(StandardCharsets.UTF_8));
                throw e;
            }
        }
    }

    private ObjectNode configJson(ScanPoint p) {
        ObjectNode o = NnFiles.JSON.createObjectNode();
        o.put("id", p.id()).put("inputSet", p.inputSet()).put("dataset", dataset.toAbsolutePath().toString());
        o.set("inputs", NnFiles.JSON.valueToTree(p.inputs()));
        o.put("settings", p.describe());
        return o;
    }

    /** Fixed settings from the grid file, unless given on the command line. */
    private void applyFixed(ScanGridFile file) {
        if (file == null) {
            return;
        }
        CommandLine.ParseResult pr = spec.commandLine().getParseResult();
        for (Map.Entry<String, List<String>> e : file.fixed.entrySet()) {
            if (pr.hasMatchedOption("--" + e.getKey())) {
                continue;
            }
            String v = e.getValue().get(0);
            switch (e.getKey()) {
                case "max-epochs" -> common.maxEpochs = integer(e.getKey(), v);
                case "optimizer" -> common.optimizer = parse(e.getKey(), v, Optimizer.Kind::valueOf);
                case "dropout" -> common.dropout = number(e.getKey(), v);
                case "l2" -> common.l2 = number(e.getKey(), v);
                case "negative-weights" -> common.negativeWeights = parse(e.getKey(), v, Weighting.Negative::valueOf);
                case "standardize" -> common.standardize = Boolean.parseBoolean(v);
                case "seed" -> common.seed = integer(e.getKey(), v);
                default -> common.groups = e.getValue();
            }
        }
    }

    private ScanGrid grid(ScanGridFile file) {
        TrainingConfig base = common.builder().build();
        ScanGrid g = new ScanGrid(base);
        Map<String, List<String>> sets = new LinkedHashMap<>();
        if (inputs != null && !inputs.isEmpty()) {
            int k = 1;
            for (String s : inputs) {
                int eq = s.indexOf('=');
                boolean named = eq > 0 && eq + 1 < s.length() && s.charAt(eq + 1) != '='
                        && s.substring(0, eq).matches("[A-Za-z0-9_+.\\-]+");
                String name = named ? s.substring(0, eq) : "set" + k;
                String body = (named ? s.substring(eq + 1) : s).strip();
                // commas separate features when present (expressions may then hold spaces), else spaces do
                sets.put(name, List.of(body.contains(",") ? body.split("\\s*" + DatasetBuildCommand.LIST_SPLIT + "\\s*")
                        : body.split("\\s+")));
                k++;
            }
        } else if (file != null) {
            sets.putAll(file.inputs);
        }
        sets.forEach(g::inputSet);
        for (String l : axis(layers, file, "layers", Function.identity())) {
            g.layers(TrainingOptions.layers(l));
        }
        g.batchSizes(axis(batchSizes, file, "batch-size", v -> integer("batch-size", v)));
        g.patience(axis(patience, file, "patience", v -> integer("patience", v)));
        g.weightings(axis(weightings, file, "weighting", v -> parse("weighting", v, Weighting::valueOf)));
        g.activations(axis(activations, file, "activation", v -> parse("activation", v, Activation::valueOf)));
        g.learningRates(axis(learningRates, file, "learning-rate", v -> number("learning-rate", v)));
        return g;
    }

    private static <T> List<T> axis(List<T> cli, ScanGridFile file, String name, Function<String, T> parse) {
        if (cli != null && !cli.isEmpty()) {
            return cli;
        }
        List<T> out = new ArrayList<>();
        if (file != null && file.axes.containsKey(name)) {
            for (String v : file.axes.get(name)) {
                out.add(parse.apply(v));
            }
        }
        return out;
    }

    private static int integer(String key, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new CommandFailedException("grid '" + key + "': '" + v + "' is not a whole number", ExitCodes.BAD_INPUT, e);
        }
    }

    private static double number(String key, String v) {
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new CommandFailedException("grid '" + key + "': '" + v + "' is not a number", ExitCodes.BAD_INPUT, e);
        }
    }

    private static <T> T parse(String key, String v, Function<String, T> valueOf) {
        try {
            return valueOf.apply(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("grid '" + key + "': unknown value '" + v + "'", ExitCodes.BAD_INPUT, e);
        }
    }

    /** The {@code nn train} arguments that train configuration {@code p} (for batch jobs). */
    List<String> trainArguments(ScanPoint p) {
        TrainingConfig c = p.config();
        List<String> a = new ArrayList<>(List.of("nn", "train", "--dataset", dataset.toAbsolutePath().toString(),
                "--out", out.toAbsolutePath().resolve(p.id()).toString(), "--inputs", String.join(",", p.inputs()),
                "--layers", p.layersLabel().replace('-', ' '), "--activation", c.activation().id(),
                "--batch-size", Integer.toString(c.batchSize()), "--patience", Integer.toString(c.patience()),
                "--learning-rate", Double.toString(c.learningRate()), "--weighting", c.weighting().id(),
                "--max-epochs", Integer.toString(c.maxEpochs()), "--optimizer", c.optimizer().id(),
                "--dropout", Double.toString(c.dropout()), "--l2", Double.toString(c.l2()),
                "--negative-weights", c.negativeWeights().id(), c.standardize() ? "--standardize" : "--no-standardize",
                "--seed", Long.toString(c.seed()), "--threads", Integer.toString(c.threads()), "--quiet"));
        if (common.groups != null && !common.groups.isEmpty()) {
            a.add("--groups");
            a.add(String.join(",", common.groups));
        }
        return a;
    }

    private void emitCondor(List<ScanPoint> points) {
        try {
            Path jobsDir = condor.resolve("jobs");
            Files.createDirectories(jobsDir);
            Files.createDirectories(condor.resolve("logs"));
            StringBuilder list = new StringBuilder();
            for (ScanPoint p : points) {
                Path dir = out.resolve(p.id());
                Files.createDirectories(dir);
                NnFiles.writeAtomically(dir.resolve(CONFIG_FILE), NnFiles.JSON.writeValueAsBytes(configJson(p)));
                StringBuilder sh = new StringBuilder("#!/bin/sh\n# configuration ").append(p.id()).append(": ")
                        .append(p.describe()).append("\nexec ").append(quote(launcher));
                for (String arg : trainArguments(p)) {
                    sh.append(' ').append(quote(arg));
                }
                sh.append('\n');
                Path script = jobsDir.resolve(p.id() + ".sh");
                NnFiles.writeAtomically(script, sh.toString().getBytes(StandardCharsets.UTF_8));
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                list.append(p.id()).append('\n');
            }
            NnFiles.writeAtomically(condor.resolve("configs.txt"), list.toString().getBytes(StandardCharsets.UTF_8));
            String sub = "# HTCondor submit file written by 'vbfann nn scan': one job per line of configs.txt\n"
                    + "universe     = vanilla\n"
                    + "initialdir   = " + condor.toAbsolutePath() + "\n"
                    + "executable   = jobs/$(config).sh\n"
                    + "output       = logs/$(config).out\n"
                    + "error        = logs/$(config).err\n"
                    + "log          = logs/scan.log\n"
                    + "request_cpus = 1\n"
                    + "getenv       = True\n"
                    + "queue config from configs.txt\n";
            NnFiles.writeAtomically(condor.resolve("scan.sub"), sub.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(condor + ": cannot write the batch files: " + e.getMessage(), e);
        }
    }

    /** Single-quotes an argument for sh. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The columns of summary.csv after id, status and the settings. */
    static final String[][] METRIC_COLUMNS = {
        {"auc", "test", "nn", "auc"}, {"eps_purity", "test", "nn", "epsPurity"}, {"cut", "test", "nn", "cut"},
        {"s_over_sqrt_sb", "test", "nn", "sOverSqrtSB"}, {"asimov_z", "test", "nn", "asimovZ"},
        {"train_auc", "train", "nn", "auc"},
        {"mela_auc", "test", "f_Djet_VAJHU", "auc"}, {"mela_eps_purity", "test", "f_Djet_VAJHU", "epsPurity"},
        {"mela_asimov_z", "test", "f_Djet_VAJHU", "asimovZ"},
        {"djet_auc", "test", "f_D_jet", "auc"}, {"djet_eps_purity", "test", "f_D_jet", "epsPurity"},
        {"djet_asimov_z", "test", "f_D_jet", "asimovZ"},
        {"ks_signal_p", "ks", "signal", "pValue"}, {"ks_background_p", "ks", "background", "pValue"}};

    private void writeSummary(List<ScanRunner.Outcome> outcomes) {
        StringBuilder sb = new StringBuilder("id,status,input_set,inputs,layers,activation,batch_size,patience,"
                + "weighting,learning_rate,epochs,best_epoch,seconds");
        for (String[] c : METRIC_COLUMNS) {
            sb.append(',').append(c[0]);
        }
        sb.append(",error\n");
        for (ScanRunner.Outcome o : outcomes) {
            ScanPoint p = o.point();
            TrainingConfig c = p.config();
            JsonNode m = readMetrics(out.resolve(p.id()));
            String status = o.status() == ScanRunner.Status.FAILED ? "failed" : o.status() == ScanRunner.Status.SKIPPED
                    ? "done-before" : "done";
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%s,%d,%d,%s,%s,%s,%s,%s", p.id(), status,
                    csv(p.inputSet()), p.inputs().size(), p.layersLabel(), c.activation().id(), c.batchSize(),
                    c.patience(), c.weighting().id(), c.learningRate(), m.path("epochs").asText(""),
                    m.path("bestEpoch").asText(""), m.path("trainSeconds").asText("")));
            for (String[] col : METRIC_COLUMNS) {
                sb.append(',').append(m.path(col[1]).path(col[2]).path(col[3]).asText(""));
            }
            sb.append(',').append(o.error() == null ? "" : csv(o.error())).append('\n');
        }
        NnFiles.writeAtomically(out.resolve("summary.csv"), sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The metrics of a configuration folder, or a missing node. */
    static JsonNode readMetrics(Path dir) {
        return readJson(dir.resolve(TrainingRun.METRICS_FILE));
    }

    /** A JSON file, or a missing node if there is none. */
    static JsonNode readJson(Path f) {
        if (!Files.isRegularFile(f)) {
            return NnFiles.JSON.missingNode();
        }
        try {
            return NnFiles.JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new CommandFailedException(f + ": not valid JSON: " + e.getMessage(), ExitCodes.BAD_INPUT, e);
        }
    }

    /** A CSV field, quoted when it holds a comma, quote or line break. */
    static String csv(String s) {
        return s.matches("(?s).*[\",\n\r].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private int report(List<ScanRunner.Outcome> outcomes, PrintWriter stdout) {
        int done = 0;
        int skipped = 0;
        List<ScanRunner.Outcome> failed = new ArrayList<>();
        for (ScanRunner.Outcome o : outcomes) {
            switch (o.status()) {
                case DONE -> done++;
                case SKIPPED -> skipped++;
                default -> failed.add(o);
            }
        }
        if (json) {
            ObjectNode j = NnFiles.JSON.createObjectNode();
            j.put("configurations", outcomes.size()).put("trained", done).put("skipped", skipped)
                    .put("failed", failed.size()).put("summary", out.resolve("summary.csv").toString());
            ArrayNode a = j.putArray("outcomes");
            for (ScanRunner.Outcome o : outcomes) {
                ObjectNode e = a.addObject().put("id", o.point().id()).put("status", o.status().name().toLowerCase(Locale.ROOT))
                        .put("seconds", o.seconds());
                if (o.error() != null) {
                    e.put("error", o.error());
                }
            }
            JsonOutput.print(stdout, j);
        } else {
            stdout.printf("%d configurations: %d trained, %d finished before, %d failed; wrote %s%n", outcomes.size(),
                    done, skipped, failed.size(), out.resolve("summary.csv"));
            for (ScanRunner.Outcome o : failed) {
                stdout.printf("failed %s (%s): %s%n", o.point().id(), o.point().describe(), o.error());
            }
            stdout.flush();
        }
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED_RESULT;
    }
}
