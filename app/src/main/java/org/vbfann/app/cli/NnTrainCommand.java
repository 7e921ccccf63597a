package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vbfann.ml.Activation;
import org.vbfann.ml.TrainingConfig;
import org.vbfann.ml.TrainingListener;
import org.vbfann.ml.Weighting;
import org.vbfann.physics.dataset.Dataset;
import org.vbfann.physics.dataset.DatasetFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vbfann nn train}: train one network on a dataset (the guide's EvaluateNeuralNetwork). */
@Command(name = "train",
        header = "Train a network on a dataset and evaluate it against MELA and D_jet.",
        description = {
            "Trains a multilayer perceptron on the train split of DATASET with the weighted cross-entropy, stops"
                + " early on the validation loss and keeps the best epoch's weights (the guide's EarlyStopping with"
                + " ModelCheckpoint), then evaluates it on the test split.",
            "Writes into OUT: model.json, history.csv (epoch, losses, validation AUC, seconds), loss.png, roc.png"
                + " (network, f_Djet_VAJHU, f_D_jet on the test split), scores.png (signal and background, train"
                + " and test, with the Kolmogorov-Smirnov p-values as the overtraining check) and metrics.json"
                + " (weighted AUC, best signal efficiency x purity and its cut, s/sqrt(s+b) and the Asimov Z at"
                + " that cut from expected yields, for the network and each reference)."})
public final class NnTrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "The dataset folder ('vbfann dataset build').")
    Path dataset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model folder to write.")
    Path out;

    @Option(names = "--inputs", split = DatasetBuildCommand.LIST_SPLIT, paramLabel = "F",
            description = "The dataset features to use, in order (default: all).")
    List<String> inputs;

    @Option(names = "--layers", defaultValue = "36 18 9", paramLabel = "\"N N ...\"",
            description = "Hidden-layer sizes (default: ${DEFAULT-VALUE}).")
    String layers;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "relu|selu|elu|tanh|sigmoid",
            description = "Hidden-layer activation (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(names = "--batch-size", defaultValue = "128", paramLabel = "N", description = "Events per mini-batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--patience", defaultValue = "10", paramLabel = "N",
            description = "Epochs without a lower validation loss before stopping (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--learning-rate", defaultValue = "0.001", paramLabel = "LR", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--weighting", defaultValue = "event", paramLabel = "none|event|yield|balanced",
            description = "Training weights: none; event (MC weights); yield (each process scaled to its expected"
                + " yield); balanced (signal and background totals equal). Default: ${DEFAULT-VALUE}.")
    Weighting weighting;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Threads sharing each mini-batch; results depend on the seed and this number (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    TrainingOptions common;

    @Option(names = "--quiet", description = "Do not report each epoch.")
    boolean quiet;

    @Option(names = "--json", description = "Print metrics.json as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        TrainingConfig config = common.builder().hiddenLayers(TrainingOptions.layers(layers)).activation(activation)
                .batchSize(batchSize).patience(patience).learningRate(learningRate).weighting(weighting)
                .threads(threads).build();
        Dataset d = DatasetFiles.read(dataset);
        TrainingRun.Sets sets = TrainingRun.sets(d, inputs, TrainingRun.Target.parse(common.groups));
        PrintWriter err = spec.commandLine().getErr();
        TrainingListener listener = quiet ? TrainingListener.NONE : (epoch, max, loss, valLoss, auc) -> {
            err.printf(Locale.ROOT, "epoch %d/%d: loss %.5f, validation loss %.5f, validation AUC %.4f%n", epoch + 1,
                    max, loss, valLoss, auc);
            err.flush();
        };
        ObjectNode provenance = NnFiles.JSON.createObjectNode().put("dataset", dataset.toAbsolutePath().toString());
        ObjectNode m = TrainingRun.run(d, sets, config, out, listener, provenance);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(stdout, m);
        } else {
            stdout.print(summary(m, d.references()));
            stdout.printf("wrote %s%n", out);
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    /** The test metrics of the network and the references as a small table. */
    static String summary(ObjectNode m, List<String> references) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s %8s %9s %8s %9s %9s %9s%n",
                "test split", "AUC", "eps*pur", "cut", "s", "b", "Z_Asimov"));
        List<String> rows = new java.util.ArrayList<>(List.of("nn"));
        rows.addAll(references);
        for (String r : rows) {
            var n = m.path("test").path(r);
            sb.append(String.format(Locale.ROOT, "%-14s %8.4f %9.4f %8.4g %9.4g %9.4g %9.4f%n", r.equals("nn") ? "network" : r,
                    n.path("auc").asDouble(), n.path("epsPurity").asDouble(), n.path("cut").asDouble(),
                    n.path("signal").asDouble(), n.path("background").asDouble(), n.path("asimovZ").asDouble()));
        }
        sb.append(String.format(Locale.ROOT, "train AUC - test AUC = %.4f; KS p-value signal %.3g, background %.3g;"
                + " %d epochs, best %d%n", m.path("aucTrainMinusTest").asDouble(),
                m.path("ks").path("signal").path("pValue").asDouble(),
                m.path("ks").path("background").path("pValue").asDouble(), m.path("epochs").asInt(),
                m.path("bestEpoch").asInt()));
        return sb.toString();
    }
}
