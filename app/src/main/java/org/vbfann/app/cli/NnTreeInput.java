package org.vbfann.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vbfann.core.Column;
import org.vbfann.core.EventTable;
import org.vbfann.physics.Hzz4lObservables;
import org.vbfann.rootio.KeyInfo;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.TreeReader;

/**
 * Network inputs read from a ROOT tree, {@code FILE.root[:TREE]}: each model input names a branch, or an
 * element of an array branch as {@code branch[k]} (e.g. {@code f_jets_highpt_pt[0]}).
 */
final class NnTreeInput {
    private static final Pattern ELEMENT = Pattern.compile("(.+)\\[(\\d+)]");

    private final List<String> features;
    private final String[] branch;
    private final int[] element;

    /** The branch and element each of the model's inputs is read from. */
    NnTreeInput(List<String> features) {
        this.features = List.copyOf(features);
        branch = new String[features.size()];
        element = new int[features.size()];
        for (int j = 0; j < branch.length; j++) {
            Matcher m = ELEMENT.matcher(features.get(j));
            branch[j] = m.matches() ? m.group(1) : features.get(j);
            element[j] = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        }
    }

    /** A {@code FILE.root[:TREE]} argument; {@code tree} is null when not given. */
    record Source(Path file, String tree) {
        static Source parse(String spec) {
            int colon = spec.lastIndexOf(".root:");
            return colon < 0 ? new Source(Path.of(spec), null)
                    : new Source(Path.of(spec.substring(0, colon + 5)), spec.substring(colon + 6));
        }

        /** The tree to read: the one named, or the file's only tree. */
        String treeIn(RootFile f) {
            if (tree != null) {
                return tree;
            }
            List<String> trees = new ArrayList<>();
            for (KeyInfo k : f.keys()) {
                if (k.isTree() && !trees.contains(k.name())) {
                    trees.add(k.name());
                }
            }
            if (trees.size() != 1) {
                throw new CommandFailedException(file + ": " + (trees.isEmpty() ? "no trees" : "several trees " + trees)
                        + "; name one as FILE.root:TREE", ExitCodes.BAD_INPUT);
            }
            return trees.get(0);
        }
    }

    /** Whether an {@code --input} value names a ROOT file (optionally with {@code :TREE}). */
    static boolean isRoot(String spec) {
        return spec.endsWith(".root") || spec.contains(".root:");
    }

    /** The distinct branches the inputs need, in input order. */
    List<String> branches() {
        return new ArrayList<>(new LinkedHashSet<>(List.of(branch)));
    }

    /**
     * Checks that the tree has every branch the inputs need.
     *
     * @throws CommandFailedException naming the missing branches
     */
    void check(TreeReader tree, Path file) {
        List<String> missing = new ArrayList<>();
        for (String b : branches()) {
            if (!tree.has(b)) {
                missing.add(b);
            }
        }
        if (!missing.isEmpty()) {
            throw new CommandFailedException(file + ": tree '" + tree.name() + "' has no branch " + missing
                    + " needed by the model's inputs " + features, ExitCodes.BAD_INPUT);
        }
    }

    /**
     * Fills {@code x[off ..]} with the inputs of {@code entry}, absent-jet values as in training; returns the index of the first input whose
     * array element the entry lacks, or −1 if all are there.
     *
     * @throws CommandFailedException for an array branch named without an element
     */
    int row(EventTable t, int entry, double[] x, int off, Path file) {
        for (int j = 0; j < branch.length; j++) {
            Column c = t.column(branch[j]);
            int n = c.length(entry);
            if (element[j] < 0) {
                if (n != 1) {
                    throw new CommandFailedException(file + ": branch '" + c.name() + "' has " + n + " values in entry "
                            + entry + "; name one element as " + c.name() + "[k]", ExitCodes.BAD_INPUT);
                }
                x[off + j] = asTrained(c.getDouble(c.start(entry)));
            } else if (element[j] < n) {
                x[off + j] = asTrained(c.getDouble(c.start(entry) + element[j]));
            } else {
                return j;
            }
        }
        return -1;
    }

    /** An input as the dataset stored it for training: the ntuple's −999 of an absent jet as 0 (DatasetBuilder). */
    private static double asTrained(double v) {
        return Hzz4lObservables.isSentinel(v) ? 0 : v;
    }

    /** The inputs of every entry of the tree, row-major; an absent array element is an error. */
    double[] read(String spec, int[] rowsOut) {
        Source src = Source.parse(spec);
        try (RootFile f = RootFile.open(src.file())) {
            TreeReader tree = f.tree(src.treeIn(f));
            check(tree, src.file());
            EventTable t = tree.read(branches());
            int rows = t.entries();
            int n = features.size();
            double[] x = new double[rows * n];
            for (int r = 0; r < rows; r++) {
                int missing = row(t, r, x, r * n, src.file());
                if (missing >= 0) {
                    throw new CommandFailedException(src.file() + ": input '" + features.get(missing) + "': entry " + r
                            + " has only " + t.column(branch[missing]).length(r) + " values in branch '"
                            + branch[missing] + "'", ExitCodes.BAD_INPUT);
                }
            }
            rowsOut[0] = rows;
            return x;
        }
    }
}
