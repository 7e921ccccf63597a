package org.vbfann.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vbfann.core.Column;
import org.vbfann.core.EventTable;
import org.vbfann.rootio.KeyInfo;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.TreeReader;

/**
 * Network inputs read from a ROOT tree, {@code FILE.root[:TREE]}: each model input names a branch, or an
 * element of an array branch as {@code branch[k]} (e.g. {@code f_jets_highpt_pt[0]}).
 */
final class NnTreeInput {
    private static final Pattern ELEMENT = Pattern.compile("(.+)\\[(\\d+)]");

    private NnTreeInput() {
    }

    /** Whether an {@code --input} value names a ROOT file (optionally with {@code :TREE}). */
    static boolean isRoot(String spec) {
        return spec.endsWith(".root") || spec.contains(".root:");
    }

    /** The inputs of every entry of the tree, row-major in the order of {@code features}. */
    static double[] read(String spec, List<String> features, int[] rowsOut) {
        int colon = spec.lastIndexOf(".root:");
        Path file = Path.of(colon < 0 ? spec : spec.substring(0, colon + 5));
        String treeName = colon < 0 ? null : spec.substring(colon + 6);
        try (RootFile f = RootFile.open(file)) {
            TreeReader tree = f.tree(treeName != null ? treeName : onlyTree(f, file));
            String[] branch = new String[features.size()];
            int[] element = new int[features.size()];
            LinkedHashSet<String> needed = new LinkedHashSet<>();
            List<String> missing = new ArrayList<>();
            for (int j = 0; j < branch.length; j++) {
                Matcher m = ELEMENT.matcher(features.get(j));
                branch[j] = m.matches() ? m.group(1) : features.get(j);
                element[j] = m.matches() ? Integer.parseInt(m.group(2)) : -1;
                if (!tree.has(branch[j])) {
                    missing.add(branch[j]);
                }
                needed.add(branch[j]);
            }
            if (!missing.isEmpty()) {
                throw new CommandFailedException(file + ": tree '" + tree.name() + "' has no branch " + missing
                        + " needed by the model's inputs " + features, ExitCodes.BAD_INPUT);
            }
            EventTable t = tree.read(new ArrayList<>(needed));
            int rows = t.entries();
            int n = features.size();
            double[] x = new double[rows * n];
            for (int j = 0; j < n; j++) {
                Column c = t.column(branch[j]);
                for (int r = 0; r < rows; r++) {
                    x[r * n + j] = value(c, r, element[j], file, features.get(j));
                }
            }
            rowsOut[0] = rows;
            return x;
        }
    }

    private static double value(Column c, int entry, int element, Path file, String feature) {
        if (element < 0) {
            if (c.length(entry) != 1) {
                throw new CommandFailedException(file + ": branch '" + c.name() + "' has " + c.length(entry)
                        + " values in entry " + entry + "; name one element as " + c.name() + "[k]",
                        ExitCodes.BAD_INPUT);
            }
            return c.getDouble(c.start(entry));
        }
        if (element >= c.length(entry)) {
            throw new CommandFailedException(file + ": input '" + feature + "': entry " + entry + " has only "
                    + c.length(entry) + " values in branch '" + c.name() + "'", ExitCodes.BAD_INPUT);
        }
        return c.getDouble(c.start(entry) + element);
    }

    private static String onlyTree(RootFile f, Path file) {
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
