package org.vbfann.ml;

import java.util.List;

/**
 * Events in memory for training or evaluation: features ({@code rows × features} row-major, raw values),
 * a class label, a per-event weight (signed MC weight) and a process id per event. With two classes the
 * network is binary and class 1 is the signal; with more it is a softmax over the classes.
 *
 * <p>The arrays are not copied: the caller must not change them while the set is in use.
 */
public final class TrainingSet {
    private final List<String> features;
    private final float[] x;
    private final int rows;
    private final int[] labels;
    private final List<String> classes;
    private final double[] weights;
    private final int[] process;
    private final List<String> processes;
    private final double[] processYields;

    /**
     * A set of events.
     *
     * @param features      feature names, one per column of {@code x}
     * @param x             raw features, {@code rows × features.size()} row-major
     * @param labels        class index of each event, in [0, classes.size())
     * @param classes       class names (at least two); class 1 is the signal of a binary set
     * @param weights       per-event weights (signed; negative MC weights allowed)
     * @param process       process id of each event, in [0, processes.size())
     * @param processes     process names (e.g. qqH, ggH, ZZ)
     * @param processYields expected yield of each process for {@link Weighting#YIELD}, or {@code null} to
     *                      use the sum of its event weights in this set
     * @throws MlException if lengths disagree, an id is out of range, or values are NaN/infinite (with counts)
     */
    public TrainingSet(List<String> features, float[] x, int[] labels, List<String> classes, double[] weights,
            int[] process, List<String> processes, double[] processYields) {
        this.features = List.copyOf(features);
        this.classes = List.copyOf(classes);
        this.processes = List.copyOf(processes);
        int n = features.size();
        if (n == 0) {
            throw new MlException("training set: no features");
        }
        if (classes.size() < 2) {
            throw new MlException("training set: need at least two classes, got " + classes);
        }
        if (x.length % n != 0) {
            throw new MlException("training set: " + x.length + " feature values is not a multiple of "
                    + n + " features");
        }
        rows = x.length / n;
        if (labels.length != rows || weights.length != rows || process.length != rows) {
            throw new MlException("training set: " + rows + " rows of features but " + labels.length + " labels, "
                    + weights.length + " weights and " + process.length + " process ids");
        }
        if (processYields != null && processYields.length != processes.size()) {
            throw new MlException("training set: " + processes.size() + " processes but " + processYields.length
                    + " yields");
        }
        validate(x, n, labels, weights, process);
        this.x = x;
        this.labels = labels;
        this.weights = weights;
        this.process = process;
        this.processYields = processYields == null ? null : processYields.clone();
    }

    private void validate(float[] v, int n, int[] lab, double[] w, int[] proc) {
        int[] badFeature = new int[n];
        int badRows = 0;
        for (int r = 0; r < lab.length; r++) {
            boolean bad = false;
            for (int j = 0; j < n; j++) {
                if (!Float.isFinite(v[r * n + j])) {
                    badFeature[j]++;
                    bad = true;
                }
            }
            if (bad) {
                badRows++;
            }
        }
        if (badRows > 0) {
            StringBuilder sb = new StringBuilder("training set: " + badRows + " of " + lab.length
                    + " events have NaN or infinite features:");
            for (int j = 0; j < n; j++) {
                if (badFeature[j] > 0) {
                    sb.append(' ').append(features.get(j)).append(" (").append(badFeature[j]).append(')');
                }
            }
            throw new MlException(sb.toString());
        }
        int badW = 0;
        int badLabel = -1;
        int badProc = -1;
        for (int r = 0; r < lab.length; r++) {
            if (!Double.isFinite(w[r])) {
                badW++;
            }
            if ((lab[r] < 0 || lab[r] >= classes.size()) && badLabel < 0) {
                badLabel = r;
            }
            if ((proc[r] < 0 || proc[r] >= processes.size()) && badProc < 0) {
                badProc = r;
            }
        }
        if (badW > 0) {
            throw new MlException("training set: " + badW + " of " + lab.length + " events have NaN or infinite weights");
        }
        if (badLabel >= 0) {
            throw new MlException("training set: event " + badLabel + " has label " + lab[badLabel] + ", expected 0.."
                    + (classes.size() - 1) + " for classes " + classes);
        }
        if (badProc >= 0) {
            throw new MlException("training set: event " + badProc + " has process id " + proc[badProc]
                    + ", expected 0.." + (processes.size() - 1) + " for processes " + processes);
        }
    }

    /** Feature names. */
    public List<String> features() {
        return features;
    }

    /** Number of events. */
    public int rows() {
        return rows;
    }

    /** Number of features. */
    public int width() {
        return features.size();
    }

    /** The raw features, shared. */
    public float[] x() {
        return x;
    }

    /** Class labels, shared. */
    public int[] labels() {
        return labels;
    }

    /** Class names. */
    public List<String> classes() {
        return classes;
    }

    /** Per-event weights, shared. */
    public double[] weights() {
        return weights;
    }

    /** Process ids, shared. */
    public int[] process() {
        return process;
    }

    /** Process names. */
    public List<String> processes() {
        return processes;
    }

    /** Expected yield of process {@code p}: the given one, or the sum of its event weights here. */
    public double processYield(int p) {
        if (processYields != null) {
            return processYields[p];
        }
        double s = 0;
        for (int r = 0; r < rows; r++) {
            if (process[r] == p) {
                s += weights[r];
            }
        }
        return s;
    }

    /** Whether the network for this set has one sigmoid output (two classes) rather than a softmax. */
    public boolean isBinary() {
        return classes.size() == 2;
    }
}
