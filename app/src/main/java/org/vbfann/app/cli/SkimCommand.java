package org.vbfann.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vbfann.physics.expr.Expression;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.TreeCopier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vbfann root skim IN:TREE OUT}: copies a subset of a tree, like ROOT's rooteventselector. */
@Command(name = "skim",
        header = "Copy a tree, or some of its branches and entries, to a new file.",
        description = {
            "Copies tree TREE of file IN to file OUT under the same path. Baskets are copied as stored, so every "
                + "value stays bit-identical; only a basket cut by --entries is re-encoded.",
            "The counter branch of a variable-length branch is copied with it. With --selection only the entries "
                + "passing the expression are kept."})
public final class SkimCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<in>:<tree>", description = "The input file and the tree's path in it.")
    String source;

    @Parameters(index = "1", paramLabel = "<out>", description = "The file to write.")
    Path out;

    @Option(names = "--branches", split = ",", paramLabel = "<branch>",
            description = "Copy only these branches (comma-separated or repeated); all branches by default.")
    List<String> branches = List.of();

    @Option(names = "--entries", paramLabel = "<n>",
            description = "Copy only the first n entries (with --selection: examine only the first n).")
    Long entries;

    @Option(names = "--selection", paramLabel = "<expression>",
            description = "Keep only the entries for which this expression is true, e.g. 'NJet >= 2 && MET_px > 0'. "
                + "Every branch is then re-encoded (values unchanged).")
    String selection;

    @CommandLine.Mixin
    RootOutputOptions output;

    @Override
    public Integer call() {
        int colon = source.lastIndexOf(':');
        if (colon <= 0 || colon == source.length() - 1) {
            throw new CommandFailedException("expected <in>:<tree>, e.g. ntuple.root:HZZ4LeptonsAnalysisReduced; got '"
                    + source + "'", ExitCodes.USAGE);
        }
        if (entries != null && entries < 0) {
            throw new CommandFailedException("--entries must be >= 0, got " + entries, ExitCodes.USAGE);
        }
        Path in = Path.of(source.substring(0, colon));
        String tree = source.substring(colon + 1);
        output.checkOutput(out);
        TreeCopier.Result r;
        try (RootFile f = RootFile.open(in)) {
            RootFileWriter w = RootFileWriter.create(out, output.writeOptions());
            try {
                TreeCopier c = new TreeCopier(f, tree).branches(branches)
                        .listener(output.progress(spec.commandLine().getErr(), "skim " + tree));
                if (entries != null) {
                    c.maxEntries(entries);
                }
                if (selection != null) {
                    Expression e = Expression.parse(selection);
                    c.select(e.branches(), e::select);
                }
                r = c.copyTo(w, tree);
                w.close();
            } catch (RuntimeException e) {
                w.abort();
                throw e;
            }
        }
        if (output.json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("input", in.toString());
            report.put("tree", tree);
            report.put("output", out.toString());
            report.put("entries", r.entries());
            report.put("baskets_copied", r.basketsCopied());
            report.put("baskets_rewritten", r.basketsRewritten());
            JsonOutput.print(spec.commandLine().getOut(), report);
        } else {
            spec.commandLine().getOut().printf("%s:%s -> %s: %d entries (%d baskets copied, %d re-encoded)%n", in,
                    tree, out, r.entries(), r.basketsCopied(), r.basketsRewritten());
        }
        return ExitCodes.OK;
    }
}
