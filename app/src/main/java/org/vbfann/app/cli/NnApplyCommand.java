package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.Predictor;
import org.vbfann.physics.expr.Expression;
import org.vbfann.rootio.BranchSpec;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.TreeCopier;
import org.vbfann.rootio.WriteOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vbfann nn apply}: add the network's output as a branch to copies of trees. */
@Command(name = "apply",
        header = "Add a network's output as a new branch to copies of ROOT trees.",
        description = {
            "For every --input FILE.root[:TREE] (the file's only tree unless :TREE is given), writes"
                + " OUT_DIR/<file name> holding a copy of the tree with one more branch, NAME: the score of a"
                + " binary model (Float_t) or the class probabilities of a multi-class one (Float_t[n]). Every"
                + " other branch of the tree is copied bit-identical (baskets as stored); other objects of the"
                + " file are not copied.",
            "Entries outside the network's category — those failing --category, or lacking an input (an array"
                + " element branch[k] beyond the entry's length) — get --default (-1 by default, outside the"
                + " [0, 1] range of a probability). Files are processed in parallel on --threads cores."})
public final class NnApplyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "The model directory (with model.json).")
    Path model;

    @Option(names = "--input", required = true, split = ",", paramLabel = "FILE.root[:TREE]",
            description = "Trees to copy with the new branch (comma-separated or repeated).")
    List<String> inputs;

    @Option(names = "--branch", required = true, paramLabel = "NAME", description = "Name of the new branch.")
    String branch;

    @Option(names = "--out", required = true, paramLabel = "OUT_DIR", description = "Folder for the copies.")
    Path out;

    @Option(names = "--category", paramLabel = "EXPR",
            description = "Selection of the entries the network applies to, e.g. 'f_njets_pass >= 2'.")
    String category;

    @Option(names = "--default", defaultValue = "-1", paramLabel = "VALUE",
            description = "Value for entries outside the category (default: ${DEFAULT-VALUE}).")
    float defaultValue;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "N",
            description = "Files processed at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--json", description = "Print a JSON summary (entries per file, entries in category).")
    boolean json;

    /** What was written for one input. */
    private record Done(String input, Path output, long entries, long inCategory, double seconds) {
    }

    @Override
    public Integer call() throws Exception {
        if (threads <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be positive, got " + threads);
        }
        Mlp net = NnFiles.readModel(model).model();
        Expression selection = category == null ? null : Expression.parse(category);
        NnTreeInput features = new NnTreeInput(net.features());
        List<Path> targets = new ArrayList<>();
        for (String in : inputs) {
            NnTreeInput.Source src = NnTreeInput.Source.parse(in);
            Path target = out.resolve(src.file().getFileName());
            if (targets.contains(target)) {
                throw new CommandFailedException("two inputs would both be written to " + target, ExitCodes.USAGE);
            }
            if (Files.exists(src.file()) && Files.exists(target) && Files.isSameFile(src.file(), target)) {
                throw new CommandFailedException(in + ": --out " + out + " would overwrite the input", ExitCodes.USAGE);
            }
            targets.add(target);
        }
        Files.createDirectories(out);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, inputs.size()));
        List<Done> done = new ArrayList<>();
        try {
            List<Future<Done>> futures = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                String in = inputs.get(i);
                Path target = targets.get(i);
                futures.add(pool.submit(() -> applyOne(net, features, selection, in, target)));
            }
            for (Future<Done> f : futures) {
                done.add(f.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
        report(done);
        return ExitCodes.OK;
    }

    private Done applyOne(Mlp net, NnTreeInput features, Expression selection, String in, Path target) {
        long t0 = System.nanoTime();
        NnTreeInput.Source src = NnTreeInput.Source.parse(in);
        try (RootFile f = RootFile.open(src.file())) {
            String tree = src.treeIn(f);
            TreeCopier copier = new TreeCopier(f, tree);
            features.check(f.tree(tree), src.file());
            LinkedHashSet<String> needed = new LinkedHashSet<>(features.branches());
            if (selection != null) {
                needed.addAll(selection.branches());
            }
            Scorer scorer = new Scorer(net, features, selection, src.file());
            BranchSpec spec = net.outputs() == 1 ? BranchSpec.scalar(branch, ElementType.FLOAT32)
                    : BranchSpec.fixed(branch, ElementType.FLOAT32, net.outputs());
            copier.addBranch(spec, new ArrayList<>(needed), scorer::score);
            TreeCopier.Result r;
            try (RootFileWriter w = RootFileWriter.create(target, WriteOptions.defaults())) {
                r = copier.copyTo(w, tree);
            }
            return new Done(in, target, r.entries(), scorer.inCategory, (System.nanoTime() - t0) * 1e-9);
        }
    }

    /** Computes the new branch for one chunk of entries; one per file, so one per thread. */
    private final class Scorer {
        private final Mlp net;
        private final NnTreeInput features;
        private final Expression selection;
        private final Path file;
        private final Predictor predictor;
        private long inCategory;

        Scorer(Mlp net, NnTreeInput features, Expression selection, Path file) {
            this.net = net;
            this.features = features;
            this.selection = selection;
            this.file = file;
            this.predictor = net.predictor(1024);
        }

        Column score(EventTable chunk) {
            int n = chunk.entries();
            int width = net.inputs();
            int m = net.outputs();
            boolean[] pass = selection == null ? null : selection.select(chunk);
            double[] x = new double[n * width];
            int[] rowOf = new int[n];
            int rows = 0;
            for (int e = 0; e < n; e++) {
                if ((pass == null || pass[e]) && features.row(chunk, e, x, rows * width, file) < 0) {
                    rowOf[rows++] = e;
                }
            }
            double[] y = new double[rows * m];
            predictor.predict(x, rows, y);
            float[] values = new float[n * m];
            java.util.Arrays.fill(values, defaultValue);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < m; j++) {
                    values[rowOf[r] * m + j] = (float) y[r * m + j];
                }
            }
            inCategory += rows;
            return m == 1 ? Column.ofFloats(branch, values)
                    : Column.of(branch, ElementType.FLOAT32, n, null, new int[] {m}, values);
        }
    }

    private void report(List<Done> done) {
        long entries = 0;
        for (Done d : done) {
            entries += d.entries();
        }
        if (json) {
            ObjectNode o = NnFiles.JSON.createObjectNode();
            o.put("branch", branch).put("entries", entries);
            ArrayNode files = o.putArray("files");
            for (Done d : done) {
                files.addObject().put("input", d.input()).put("output", d.output().toString())
                        .put("entries", d.entries()).put("inCategory", d.inCategory()).put("seconds", d.seconds());
            }
            JsonOutput.print(spec.commandLine().getOut(), o);
        } else {
            for (Done d : done) {
                spec.commandLine().getOut().printf("%s -> %s: %d entries, %d in category%n", d.input(), d.output(),
                        d.entries(), d.inCategory());
            }
        }
    }
}
