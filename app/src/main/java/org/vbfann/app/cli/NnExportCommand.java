package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.export.CppHeaderExporter;
import org.vbfann.ml.export.OnnxExporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vbfann nn export}: a model as a C++ header or an ONNX file. */
@Command(name = "export",
        header = "Export a model as a self-contained C++ header or an ONNX file.",
        description = {
            "Writes the network of MODEL_DIR/model.json for use outside vbfann. The C++ header needs only <cmath>"
                + " and has one function, NAMESPACE::evaluate(inputs, outputs), which takes the raw inputs in the"
                + " order listed in its comment (the input scaling is applied inside) and returns output 0.",
            "The ONNX model (opset 13) has a float32 input 'input' [N, features] and a float32 output 'output'"
                + " [N, outputs], for ONNX Runtime (e.g. in CMSSW). Dropout is the identity in both."})
public final class NnExportCommand implements Callable<Integer> {
    /** Export formats. */
    enum Format { cpp, onnx }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "The model directory (with model.json).")
    Path model;

    @Option(names = "--format", required = true, paramLabel = "cpp|onnx",
            description = "The output format: cpp (C++ header) or onnx.")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Option(names = "--namespace", defaultValue = "vbfann_model", paramLabel = "NAME",
            description = "C++ namespace of the function and weights (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--json", description = "Print a JSON summary of what was written.")
    boolean json;

    @Override
    public Integer call() {
        Mlp net = NnFiles.readModel(model).model();
        byte[] bytes = format == Format.cpp
                ? CppHeaderExporter.export(net, namespace).getBytes(StandardCharsets.UTF_8)
                : OnnxExporter.export(net, new VersionProvider().getVersion()[0]);
        NnFiles.writeAtomically(out, bytes);
        if (json) {
            ObjectNode o = NnFiles.JSON.createObjectNode();
            o.put("format", format.name()).put("out", out.toString()).put("bytes", bytes.length);
            o.set("inputs", NnFiles.JSON.valueToTree(net.features()));
            o.set("outputs", NnFiles.JSON.valueToTree(net.outputNames()));
            JsonOutput.print(spec.commandLine().getOut(), o);
        } else {
            spec.commandLine().getOut().printf("wrote %s (%s, %d bytes, %d inputs -> %d outputs)%n", out, format,
                    bytes.length, net.inputs(), net.outputs());
        }
        return ExitCodes.OK;
    }
}
