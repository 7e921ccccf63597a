package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vbfann.ml.Mlp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vbfann nn predict}: evaluate a model on rows of a CSV file or on a ROOT tree. */
@Command(name = "predict",
        header = "Evaluate a model on the rows of a CSV file or the entries of a ROOT tree.",
        description = {
            "Reads FILE.csv (one column per input; with a header line the columns are matched to the model's"
                + " inputs by name, without one they must be the inputs in order) or the entries of a ROOT tree"
                + " (branches named like the inputs) and prints, or writes to --out,"
                + " one row of outputs per input row: the score of a binary model, all class probabilities of a"
                + " multi-class one. Values are printed with full double precision."})
public final class NnPredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "The model directory (with model.json).")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv|FILE.root[:TREE]",
            description = "The rows to evaluate: a CSV file, or every entry of a ROOT tree (the only tree of the"
                + " file unless :TREE is given), whose branches are the model's inputs (branch[k] for an array element).")
    String input;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the outputs here instead of printing them.")
    Path out;

    @Option(names = "--header", description = "Start the output with a line of output names.")
    boolean header;

    @Option(names = "--json", description = "Print a JSON object (with the values unless --out is given).")
    boolean json;

    @Override
    public Integer call() {
        Mlp net = NnFiles.readModel(model).model();
        double[] x;
        int rows;
        if (NnTreeInput.isRoot(input)) {
            int[] count = new int[1];
            x = new NnTreeInput(net.features()).read(input, count);
            rows = count[0];
        } else {
            NnFiles.Csv csv = NnFiles.readCsv(Path.of(input));
            x = csv.select(net.features(), Path.of(input));
            rows = csv.rows();
        }
        double[] y = new double[rows * net.outputs()];
        net.predictor(1024).predict(x, rows, y);
        PrintWriter stdout = spec.commandLine().getOut();
        if (out != null) {
            NnFiles.writeAtomically(out, csvText(net, y, rows).getBytes(StandardCharsets.UTF_8));
        }
        if (json) {
            ObjectNode o = NnFiles.JSON.createObjectNode();
            o.put("rows", rows);
            o.set("outputs", NnFiles.JSON.valueToTree(net.outputNames()));
            if (out != null) {
                o.put("out", out.toString());
            } else {
                ArrayNode values = o.putArray("values");
                int m = net.outputs();
                for (int r = 0; r < rows; r++) {
                    ArrayNode row = values.addArray();
                    for (int j = 0; j < m; j++) {
                        row.add(y[r * m + j]);
                    }
                }
            }
            JsonOutput.print(stdout, o);
        } else if (out == null) {
            stdout.print(csvText(net, y, rows));
            stdout.flush();
        } else {
            stdout.printf("wrote %d rows of %d outputs to %s%n", rows, net.outputs(), out);
        }
        return ExitCodes.OK;
    }

    private String csvText(Mlp net, double[] y, int rows) {
        int m = net.outputs();
        StringBuilder sb = new StringBuilder(rows * m * 20);
        if (header) {
            sb.append(String.join(",", net.outputNames())).append('\n');
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < m; j++) {
                sb.append(j == 0 ? "" : ",").append(y[r * m + j]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
