package org.vbfann.app.cli;

import java.util.List;
import org.vbfann.ml.Optimizer;
import org.vbfann.ml.TrainingConfig;
import org.vbfann.ml.Weighting;
import picocli.CommandLine.Option;

/** The training settings that {@code nn train} and {@code nn scan} share (a scan keeps them fixed). */
final class TrainingOptions {
    @Option(names = "--max-epochs", defaultValue = "200", paramLabel = "N",
            description = "Upper limit on epochs (default: ${DEFAULT-VALUE}).")
    int maxEpochs;

    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "adam|sgd|rmsprop",
            description = "The optimizer, with Keras 2 defaults apart from the learning rate (default: ${DEFAULT-VALUE}).")
    Optimizer.Kind optimizer;

    @Option(names = "--dropout", defaultValue = "0", paramLabel = "RATE",
            description = "Dropout after each hidden layer; alpha dropout with selu (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--l2", defaultValue = "0", paramLabel = "LAMBDA",
            description = "L2 penalty LAMBDA*sum(W^2) on the kernels (default: ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--negative-weights", defaultValue = "abs", paramLabel = "abs|zero|keep",
            description = "Negative MC weights in the loss: abs trains on |w| (default; keeps the loss bounded),"
                + " zero drops them, keep uses them signed. Metrics always use signed weights.")
    Weighting.Negative negativeWeights;

    @Option(names = "--standardize", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Standardise inputs with the training set's weighted mean and standard deviation, stored"
                + " in the model so predictions and exports apply it (default: on; --no-standardize for raw inputs).")
    boolean standardize;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of initialisation, shuffling and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--groups", split = ",", paramLabel = "NAME=KEY+KEY",
            description = "Multi-class training: a softmax over these process groups (e.g. VBF=qqH,ggH=ggH,ZZ=qqZZ+ggZZ);"
                + " without it the network is binary, signal against the rest.")
    List<String> groups;

    /** A builder with these settings. */
    TrainingConfig.Builder builder() {
        return TrainingConfig.builder().maxEpochs(maxEpochs).optimizer(optimizer).dropout(dropout).l2(l2)
                .negativeWeights(negativeWeights).standardize(standardize).seed(seed);
    }

    /** Hidden-layer sizes from text like {@code "36 18 9"}, {@code "36:18:9"} or {@code "36-18-9"}. */
    static int[] layers(String text) {
        String[] f = text.strip().split("[\\s:\\-x]+");
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            try {
                out[i] = Integer.parseInt(f[i]);
            } catch (NumberFormatException e) {
                throw new CommandFailedException("layers '" + text + "': '" + f[i] + "' is not a whole number;"
                        + " write sizes like \"36 18 9\"", ExitCodes.USAGE, e);
            }
        }
        return out;
    }
}
