package org.vbfann.ml;

/**
 * Scratch arrays for the dense layers' kernels, each holding one feature of a batch, or one row, from index 0.
 * C2's superword pass (JDK 17) vectorises a loop over several {@code double[]} only when every access is at the
 * loop index itself: with an offset into a flat buffer, as in {@code y[o·rows + r] += w·x[i·rows + r]}, it gives
 * up (measured: 3 GFLOP/s with or without {@code -XX:-UseSuperWord}, against 8 for the same axpy on whole
 * arrays and 17–21 for the four-term form below, rows of 18–64 values). Copying the operands of a layer into
 * these arrays costs one pass over its inputs and outputs, against a multiply-add for every weight.
 */
final class Lanes {
    /** {@code widest} arrays of {@code capacity}: one feature of every row of the batch (feature-major). */
    final double[][] features;
    /** {@code capacity} arrays of {@code widest}: one row of the batch (batch-major). */
    final double[][] rows;
    /** One accumulator of {@code max(capacity, widest)} values. */
    final double[] sum;

    Lanes(int capacity, int widest) {
        features = new double[widest][capacity];
        rows = new double[capacity][widest];
        sum = new double[Math.max(capacity, widest)];
    }

    /**
     * {@code y[j] = y[j] + Σ_k a[ao + k·as]·x[k][j]} for {@code j < len}, the sum over {@code k < depth} taken
     * in ascending order (Java evaluates {@code y + p0 + p1 + …} from the left and does not fuse), so the result
     * is that of the plain loop over k, whatever the blocking by four.
     */
    static void multiplyAdd(double[] a, int ao, int as, double[][] x, int depth, double[] y, int len) {
        int k = 0;
        for (; k + 3 < depth; k += 4) {
            int ak = ao + k * as;
            double a0 = a[ak];
            double a1 = a[ak + as];
            double a2 = a[ak + 2 * as];
            double a3 = a[ak + 3 * as];
            double[] x0 = x[k];
            double[] x1 = x[k + 1];
            double[] x2 = x[k + 2];
            double[] x3 = x[k + 3];
            for (int j = 0; j < len; j++) {
                y[j] = y[j] + a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
            }
        }
        for (; k < depth; k++) {
            double ak = a[ao + k * as];
            double[] xk = x[k];
            for (int j = 0; j < len; j++) {
                y[j] = y[j] + ak * xk[j];
            }
        }
    }
}
