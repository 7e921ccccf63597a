package org.vbfann.physics.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.vbfann.core.EventTable;
import org.vbfann.physics.Hzz4lObservables;
import org.vbfann.physics.expr.DerivedVariable;
import org.vbfann.physics.expr.Expression;
import org.vbfann.physics.expr.ExpressionException;
import org.vbfann.core.NameSuggestions;
import org.vbfann.physics.zx.FakeRateFile;
import org.vbfann.physics.zx.FakeRateMap;
import org.vbfann.physics.zx.ZplusXInputs;
import org.vbfann.rootio.BranchInfo;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.TreeReader;

/**
 * Builds a {@link Dataset} from reduced ntuples (the guide's FormatROOTs step): files are mapped to process keys
 * by tags, each tree is read in chunks of only the branches the expressions need, the selection, jet category,
 * features and weight are evaluated column by column on each chunk, and the selected events are shuffled with
 * the seed and split per process into train, validation and test.
 *
 * <p>Conventions: a feature value at or below −998.5 (the ntuple's −999 for an absent jet, spec §1.1) is stored
 * as 0, as FormatROOTs stored absent jet slots (spec §1.3); the split takes the first ⌊N·f_train⌋ events of each
 * process in shuffled order for training, the next ⌊N·f_validation⌋ for validation and the rest for testing; the
 * shuffle is a Fisher–Yates permutation from {@link SplittableRandom}, so the same inputs and seed give the same
 * dataset (the guide's two Python shuffles are not reproduced bit for bit, spec §2.1).
 *
 * <p>With a per-key event limit, a key with more selected events keeps the first ones in shuffled order (a
 * seeded random subset, not the first files as the guide's loop did) and their weights are scaled by
 * Σw(selected)/Σw(kept), so the key's expected yield is unchanged. Z+X control-region files
 * ({@link ZplusXTraining}) are read from their own tree with fake-rate weights; their final state comes from the
 * lepton flavours, and a reference discriminant their tree lacks is computed from its definition
 * ({@code f_D_jet} = {@code djet}, spec §1.1).
 */
public final class DatasetBuilder {
    /** Entries read and evaluated at a time: bounds memory for any tree size. */
    static final int CHUNK_ENTRIES = 100_000;
    /** Reference discriminants that a tree may lack but that follow from other branches (spec §1.1). */
    private static final Map<String, String> DEFINITIONS = Map.of("f_D_jet", "djet");
    /** The candidates of a Z+X control-region tree that enter the training: 2P2F and 3P1F (not 2P2P). */
    private static final String CONTROL_REGION = "f_2p2f == 1 || f_3p1f == 1";

    private DatasetBuilder() {
    }

    /**
     * Builds the dataset.
     *
     * @throws DatasetException for a file matching no tag or two, a missing tree or branch (with the closest
     *                          names), a selection that keeps no event (or no signal or no background event),
     *                          or NaN/infinite features or weights (with counts per feature and file)
     */
    public static Dataset build(DatasetSpec spec, List<Path> files, DatasetListener listener) {
        List<FileAssignment> assigned = FileAssignment.assign(files, spec.keys(), spec.tags());
        List<String> keys = spec.distinctKeys();
        Expression selection = spec.selection() == null || spec.selection().isBlank() ? null
                : Expression.parse(spec.selection());
        Expression njets = spec.njetsCut() == null ? null : Expression.parse(spec.njetsCut());
        Expression weight = Expression.parse(spec.weight());
        ZplusXTraining zx = spec.zplusX();
        FakeRateMap[] zxMaps = zx == null ? null
                : new FakeRateMap[] {FakeRateFile.read(zx.fakeRates(), 11), FakeRateFile.read(zx.fakeRates(), 13)};
        Expression zxSelection = zx == null ? null : Expression.parse(selection == null ? CONTROL_REGION
                : "(" + spec.selection() + ") && (" + CONTROL_REGION + ")");
        List<Expression> features = new ArrayList<>();
        for (String f : spec.features()) {
            features.add(Expression.parse(f));
        }
        FileAssignment first = assigned.stream().filter(a -> zx == null || !a.key().equals(zx.key())).findFirst()
                .orElse(assigned.get(0));
        List<String> references = referencesOf(first.file(), treeOf(first, spec));
        int nf = features.size();
        Rows rows = new Rows(nf, references.size());
        int np = keys.size();
        long[] before = new long[np];
        double[] sumBefore = new double[np];
        int[] fileCount = new int[np];
        for (int i = 0; i < assigned.size(); i++) {
            FileAssignment fa = assigned.get(i);
            int p = keys.indexOf(fa.key());
            fileCount[p]++;
            int start = rows.n;
            boolean isZx = zx != null && fa.key().equals(zx.key());
            long entries = readFile(fa, p, spec, isZx ? zxSelection : selection, njets, isZx ? null : weight,
                    isZx ? zxMaps : null, features, references, rows, before, sumBefore);
            listener.fileRead(i + 1, assigned.size(), fa, entries, rows.n - start);
        }
        checkSelected(spec, keys, rows, before);
        if (zx != null) {
            normaliseZplusX(keys.indexOf(zx.key()), zx, rows, sumBefore);
        }
        return split(spec, keys, rows, references, before, sumBefore, fileCount);
    }

    private static String treeOf(FileAssignment fa, DatasetSpec spec) {
        return spec.zplusX() != null && fa.key().equals(spec.zplusX().key()) ? ZplusXTraining.TREE : spec.tree();
    }

    /** Scales the Z+X key's fake-rate weights so that the selected ones sum to its yield. */
    private static void normaliseZplusX(int p, ZplusXTraining zx, Rows rows, double[] sumBefore) {
        double sum = 0;
        for (int r = 0; r < rows.n; r++) {
            sum += rows.process[r] == p ? rows.w[r] : 0;
        }
        if (!(sum > 0)) {
            throw new DatasetException("Z+X key '" + zx.key() + "': the selected control-region events have fake-rate"
                    + " weights summing to " + sum + "; nothing to scale to the yield " + zx.yield());
        }
        double scale = zx.yield() / sum;
        for (int r = 0; r < rows.n; r++) {
            if (rows.process[r] == p) {
                rows.w[r] *= scale;
            }
        }
        sumBefore[p] *= scale;
    }

    /** The reference discriminants present in the first file's tree. */
    private static List<String> referencesOf(Path file, String tree) {
        try (RootFile rf = RootFile.open(file)) {
            TreeReader t = tree(rf, tree);
            List<String> out = new ArrayList<>();
            for (String r : Dataset.REFERENCES) {
                if (t.has(r)) {
                    out.add(r);
                }
            }
            return out;
        }
    }

    private static TreeReader tree(RootFile rf, String tree) {
        if (!rf.has(tree)) {
            throw new DatasetException(rf.name() + ": no tree '" + tree + "'; keys are "
                    + rf.keys().stream().map(k -> k.name()).distinct().toList()
                    + (rf.has(ZplusXTraining.TREE) ? "; for Z+X control regions make its key the Z+X key (--zx-key)" : ""));
        }
        return rf.tree(tree);
    }

    /**
     * Reads one file's selected events into {@code rows}: with {@code weight} the per-event weight of the reduced
     * ntuple; without it ({@code zxMaps} given) a Z+X control-region file weighted by its fake rates, its
     * {@code selection} then including the control-region candidates' flags.
     */
    private static long readFile(FileAssignment fa, int p, DatasetSpec spec, Expression selection, Expression njets,
            Expression weight, FakeRateMap[] zxMaps, List<Expression> features, List<String> references, Rows rows,
            long[] before, double[] sumBefore) {
        try (RootFile rf = RootFile.open(fa.file())) {
            TreeReader t = tree(rf, treeOf(fa, spec));
            List<Expression> refs = new ArrayList<>();
            for (String r : references) {
                refs.add(Expression.parse(t.has(r) || !DEFINITIONS.containsKey(r) ? r : DEFINITIONS.get(r)));
            }
            List<String> branches = neededBranches(rf.name(), t, selection, njets, weight, features, refs);
            if (zxMaps != null) {
                for (String b : ZplusXInputs.candidateBranches()) {
                    if (!branches.contains(b)) {
                        requireBranch(rf.name(), t, b, "the Z+X fake-rate weight");
                        branches.add(b);
                    }
                }
            }
            int nf = features.size();
            long[] nan = new long[nf + 1];
            long[] inf = new long[nf + 1];
            long selectedHere = 0;
            double[] w = new double[CHUNK_ENTRIES];
            double[] pass = new double[CHUNK_ENTRIES];
            double[] cut = new double[CHUNK_ENTRIES];
            double[][] f = new double[nf][CHUNK_ENTRIES];
            double[][] ref = new double[references.size()][CHUNK_ENTRIES];
            for (EventTable chunk : t.chunks(branches, CHUNK_ENTRIES)) {
                int n = chunk.entries();
                Arrays.fill(pass, 0, n, 1.0);
                if (selection != null) {
                    selection.evaluate(chunk, pass);
                }
                if (njets != null) {
                    njets.evaluate(chunk, cut);
                    for (int e = 0; e < n; e++) {
                        pass[e] = truthy(pass[e]) && truthy(cut[e]) ? 1 : 0;
                    }
                }
                int[] finalState = null;
                if (zxMaps == null) {
                    weight.evaluate(chunk, w);
                } else {
                    System.arraycopy(ZplusXInputs.fakeRateWeights(chunk, zxMaps[0], zxMaps[1]), 0, w, 0, n);
                    finalState = finalStatesOf(chunk);
                }
                for (int j = 0; j < nf; j++) {
                    features.get(j).evaluate(chunk, f[j]);
                }
                for (int r = 0; r < ref.length; r++) {
                    refs.get(r).evaluate(chunk, ref[r]);
                }
                for (int e = 0; e < n; e++) {
                    before[p]++;
                    sumBefore[p] += w[e];
                    if (!truthy(pass[e])) {
                        continue;
                    }
                    selectedHere++;
                    int row = rows.add(p, finalState == null ? fa.finalStateId() : finalState[e], w[e]);
                    countBad(w[e], nf, nan, inf);
                    for (int j = 0; j < nf; j++) {
                        double v = f[j][e];
                        countBad(v, j, nan, inf);
                        rows.x[row * nf + j] = Hzz4lObservables.isSentinel(v) ? 0f : (float) v;
                    }
                    for (int r = 0; r < ref.length; r++) {
                        rows.ref[r][row] = ref[r][e];
                    }
                }
            }
            reportBad(fa, spec, selectedHere, nan, inf);
            return t.entries();
        } catch (ExpressionException e) {
            throw new DatasetException(fa.file() + ": " + e.getMessage(), e);
        }
    }

    /** The final-state id of each candidate from its lepton flavours: 4mu, 4e, or 2e2mu for mixed ones. */
    private static int[] finalStatesOf(EventTable chunk) {
        int[] electrons = new int[chunk.entries()];
        for (int l = 1; l <= 4; l++) {
            int[] pdg = chunk.column("f_lept" + l + "_pdgid").ints();
            for (int e = 0; e < electrons.length; e++) {
                electrons[e] += Math.abs(pdg[e]) == 11 ? 1 : 0;
            }
        }
        int[] out = new int[electrons.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = FileAssignment.FINAL_STATES.indexOf(electrons[e] == 0 ? "4mu" : electrons[e] == 4 ? "4e" : "2e2mu");
        }
        return out;
    }

    private static boolean truthy(double v) {
        return v != 0 && v == v;
    }

    private static void countBad(double v, int slot, long[] nan, long[] inf) {
        if (v != v) {
            nan[slot]++;
        } else if (Double.isInfinite(v)) {
            inf[slot]++;
        }
    }

    private static void reportBad(FileAssignment fa, DatasetSpec spec, long selected, long[] nan, long[] inf) {
        StringBuilder sb = new StringBuilder();
        int nf = spec.features().size();
        for (int j = 0; j <= nf; j++) {
            if (nan[j] + inf[j] == 0) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "; ").append(j < nf ? "feature '" + spec.features().get(j) + "'"
                    : "weight '" + spec.weight() + "'").append(String.format(Locale.ROOT,
                    " is NaN in %d and infinite in %d", nan[j], inf[j]));
        }
        if (sb.length() > 0) {
            throw new DatasetException(fa.file() + " (key " + fa.key() + "), " + selected + " selected events: " + sb
                    + "; fix the inputs or tighten the selection");
        }
    }

    /** The branches to read ({@code weight} null for none); a missing one is an error naming the closest names. */
    private static List<String> neededBranches(String file, TreeReader t, Expression selection, Expression njets,
            Expression weight, List<Expression> features, List<Expression> references) {
        Set<String> names = new LinkedHashSet<>();
        List<Expression> all = new ArrayList<>(features);
        if (weight != null) {
            all.add(weight);
        }
        if (selection != null) {
            all.add(selection);
        }
        if (njets != null) {
            all.add(njets);
        }
        for (Expression e : all) {
            for (String b : e.branches()) {
                requireBranch(file, t, b, "used in '" + e.text() + "'");
                names.add(b);
            }
        }
        for (Expression e : references) {
            for (String b : e.branches()) {
                if (!t.has(b)) {
                    throw new DatasetException(file + ": tree '" + t.name() + "' has no branch '" + b + "' for the"
                            + " reference discriminant '" + e.text() + "', which the first input file has; every file"
                            + " must have the same reference discriminants");
                }
                names.add(b);
            }
        }
        return new ArrayList<>(names);
    }

    private static void requireBranch(String file, TreeReader t, String b, String why) {
        if (!t.has(b)) {
            throw new DatasetException(file + ": tree '" + t.name() + "' has no branch '" + b + "' (" + why + ")"
                    + NameSuggestions.didYouMean(b, knownNames(t)));
        }
    }

    private static List<String> knownNames(TreeReader t) {
        List<String> known = new ArrayList<>();
        for (BranchInfo b : t.branches()) {
            known.add(b.name());
        }
        for (DerivedVariable d : DerivedVariable.values()) {
            known.add(d.label());
        }
        return known;
    }

    private static void checkSelected(DatasetSpec spec, List<String> keys, Rows rows, long[] before) {
        long total = 0;
        for (long b : before) {
            total += b;
        }
        String what = "selection '" + (spec.selection() == null ? "" : spec.selection()) + "'"
                + (spec.njetsCut() == null ? "" : " with " + spec.njetsCut());
        if (rows.n == 0) {
            throw new DatasetException(what + " keeps none of the " + total + " events of " + keys.size()
                    + " processes; loosen it");
        }
        boolean anySignal = false;
        boolean anyBackground = false;
        for (int r = 0; r < rows.n; r++) {
            boolean s = spec.signal().contains(keys.get(rows.process[r]));
            anySignal |= s;
            anyBackground |= !s;
        }
        if (!anySignal || !anyBackground) {
            throw new DatasetException(what + " keeps " + rows.n + " events but no " + (anySignal ? "background"
                    : "signal (keys " + spec.signal() + ")") + " event; a classifier needs both");
        }
    }

    private static Dataset split(DatasetSpec spec, List<String> keys, Rows rows, List<String> references,
            long[] before, double[] sumBefore, int[] fileCount) {
        int n = rows.n;
        int np = keys.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(spec.seed());
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        long[] after = new long[np];
        double[] sumAfter = new double[np];
        for (int r = 0; r < n; r++) {
            after[rows.process[r]]++;
            sumAfter[rows.process[r]] += rows.w[r];
        }
        long[] kept = keepAtMost(spec, keys, rows, perm, after, sumAfter);
        double[] frac = spec.split();
        long[][] quota = new long[np][2];
        for (int p = 0; p < np; p++) {
            quota[p][0] = (long) Math.floor(kept[p] * frac[0]);
            quota[p][1] = quota[p][0] + (long) Math.floor(kept[p] * frac[1]);
        }
        int[] splitOf = new int[n];
        int[] size = new int[3];
        long[] seen = new long[np];
        long[][] splitEvents = new long[np][3];
        double[][] splitSumW = new double[np][3];
        for (int i = 0; i < n; i++) {
            int r = perm[i];
            int p = rows.process[r];
            if (seen[p] == kept[p]) {
                splitOf[i] = -1;
                continue;
            }
            long c = seen[p]++;
            int s = c < quota[p][0] ? 0 : c < quota[p][1] ? 1 : 2;
            splitOf[i] = s;
            size[s]++;
            splitEvents[p][s]++;
            splitSumW[p][s] += rows.w[r];
        }
        List<Dataset.Split> splits = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            splits.add(rows.subset(DatasetSpec.SPLITS.get(s), perm, splitOf, s, size[s]));
        }
        List<Dataset.ProcessSummary> procs = new ArrayList<>();
        for (int p = 0; p < np; p++) {
            procs.add(new Dataset.ProcessSummary(keys.get(p), spec.signal().contains(keys.get(p)), fileCount[p],
                    before[p], sumBefore[p], after[p], sumAfter[p], splitEvents[p], splitSumW[p]));
        }
        return new Dataset(spec, featureColumns(spec.features()), procs, references, splits);
    }

    /**
     * Applies the per-key limit: of a key with more selected events, the first {@code maxEventsPerKey} in shuffled
     * order stay, their weights scaled by Σw(selected)/Σw(kept) so the key's yield is unchanged.
     *
     * @return the events kept per key (the first that many of each key in {@code perm} order)
     */
    private static long[] keepAtMost(DatasetSpec spec, List<String> keys, Rows rows, int[] perm, long[] after,
            double[] sumAfter) {
        int np = after.length;
        long cap = spec.maxEventsPerKey();
        long[] kept = new long[np];
        double[] sumKept = new double[np];
        for (int r : perm) {
            int p = rows.process[r];
            if (kept[p] < cap) {
                kept[p]++;
                sumKept[p] += rows.w[r];
            }
        }
        double[] scale = new double[np];
        for (int p = 0; p < np; p++) {
            scale[p] = 1;
            if (kept[p] < after[p]) {
                if (!(sumKept[p] > 0) || !(sumAfter[p] > 0)) {
                    throw new DatasetException("key " + keys.get(p) + ": the " + kept[p] + " events kept of " + after[p]
                            + " have a sum of weights " + sumKept[p] + " (all selected: " + sumAfter[p]
                            + "), which cannot be scaled to the key's yield; keep more events per key");
                }
                scale[p] = sumAfter[p] / sumKept[p];
            }
        }
        long[] seen = new long[np];
        for (int r : perm) {
            int p = rows.process[r];
            if (seen[p]++ < kept[p]) {
                rows.w[r] *= scale[p];
            }
        }
        return kept;
    }

    /**
     * Branch names for the features: the text with {@code [i]} turned into {@code _i} and any other character
     * that is not a letter, digit or underscore into {@code _}; a clash gets a numeric suffix.
     */
    static List<Dataset.Feature> featureColumns(List<String> names) {
        List<Dataset.Feature> out = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>(List.of("weight", "process", "final_state"));
        used.addAll(Dataset.REFERENCES);
        for (String name : names) {
            String base = name.replaceAll("\\[(\\d+)]", "_$1").replaceAll("[^A-Za-z0-9_]+", "_")
                    .replaceAll("^_+|_+$", "");
            if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
                base = "x_" + base;
            }
            String col = base;
            for (int k = 2; used.contains(col); k++) {
                col = base + "_" + k;
            }
            used.add(col);
            out.add(new Dataset.Feature(name, col));
        }
        return out;
    }

    /** Selected events as they are read: growable primitive arrays. */
    private static final class Rows {
        final int nf;
        float[] x;
        double[] w;
        int[] process;
        int[] finalState;
        double[][] ref;
        int n;

        Rows(int nf, int nref) {
            this.nf = nf;
            int cap = 1024;
            x = new float[cap * nf];
            w = new double[cap];
            process = new int[cap];
            finalState = new int[cap];
            ref = new double[nref][cap];
        }

        int add(int p, int fs, double weight) {
            if (n == w.length) {
                int cap = 2 * n;
                x = Arrays.copyOf(x, cap * nf);
                w = Arrays.copyOf(w, cap);
                process = Arrays.copyOf(process, cap);
                finalState = Arrays.copyOf(finalState, cap);
                for (int r = 0; r < ref.length; r++) {
                    ref[r] = Arrays.copyOf(ref[r], cap);
                }
            }
            w[n] = weight;
            process[n] = p;
            finalState[n] = fs;
            return n++;
        }

        /** The rows {@code perm[i]} with {@code splitOf[i] == s}, in permutation order. */
        Dataset.Split subset(String name, int[] perm, int[] splitOf, int s, int size) {
            float[] sx = new float[size * nf];
            double[] sw = new double[size];
            int[] sp = new int[size];
            int[] sf = new int[size];
            double[][] sr = new double[ref.length][size];
            int k = 0;
            for (int i = 0; i < perm.length; i++) {
                if (splitOf[i] != s) {
                    continue;
                }
                int r = perm[i];
                System.arraycopy(x, r * nf, sx, k * nf, nf);
                sw[k] = w[r];
                sp[k] = process[r];
                sf[k] = finalState[r];
                for (int q = 0; q < ref.length; q++) {
                    sr[q][k] = ref[q][r];
                }
                k++;
            }
            return new Dataset.Split(name, size, sx, sw, sp, sf, sr);
        }
    }
}
