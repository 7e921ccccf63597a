package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.io.ModelFile;
import org.vbfann.ml.io.ModelWriter;
import org.vbfann.ml.keras.KerasImporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vbfann nn import-keras}: a Keras 2 model as a vbfann model directory. */
@Command(name = "import-keras",
        header = "Import a Keras 2 model (HDF5, or architecture JSON + weights HDF5).",
        description = {
            "Reads MODEL.h5 written by model.save, or ARCH.json written by model.to_json together with"
                + " --weights WEIGHTS.h5 written by save_weights, and writes an ordinary vbfann model directory"
                + " that export, predict and apply use.",
            "Sequential models and functional chains of Dense, Activation, Dropout, AlphaDropout and"
                + " BatchNormalization are supported; any other layer is named in the error. Keras stores no"
                + " input names or scaling: give --features to name the inputs (default x0, x1, ...)."})
public final class NnImportKerasCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.h5|ARCH.json", description = "The Keras model or architecture file.")
    Path source;

    @Option(names = "--weights", paramLabel = "WEIGHTS.h5", description = "The weights file, with an architecture JSON.")
    Path weights;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "The model directory to write.")
    Path out;

    @Option(names = "--features", split = ",", paramLabel = "NAME",
            description = "Names of the inputs, in the network's input order.")
    List<String> features;

    @Option(names = "--outputs", split = ",", paramLabel = "NAME",
            description = "Names of the outputs (e.g. the classes of a softmax).")
    List<String> outputs;

    @Option(names = "--json", description = "Print a JSON summary of the imported model.")
    boolean json;

    @Override
    public Integer call() {
        boolean isJson = source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        if (isJson && weights == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    source + " is an architecture JSON: give the weights with --weights WEIGHTS.h5");
        }
        ModelFile m = weights != null
                ? KerasImporter.importModel(source, weights, features, outputs)
                : KerasImporter.importModel(source, features, outputs);
        Path file = ModelWriter.write(m, out);
        Mlp net = m.model();
        if (json) {
            ObjectNode o = NnFiles.JSON.createObjectNode();
            o.put("out", file.toString()).put("layers", net.layers().size()).put("parameters", net.parameterCount())
                    .put("output", net.output().id());
            o.set("inputs", NnFiles.JSON.valueToTree(net.features()));
            o.set("outputs", NnFiles.JSON.valueToTree(net.outputNames()));
            JsonOutput.print(spec.commandLine().getOut(), o);
        } else {
            spec.commandLine().getOut().print(net.summary());
            spec.commandLine().getOut().println("wrote " + file);
        }
        return ExitCodes.OK;
    }
}
