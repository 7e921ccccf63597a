package org.vbfann.stats;

/** In-place Cholesky decomposition and solves of small dense symmetric matrices (row-major, m&times;m). */
final class Cholesky {
    private Cholesky() {
    }

    /** Replaces the lower triangle of a by L with a = L L^T; false if a is not positive definite. */
    static boolean decompose(double[] a, int m) {
        for (int j = 0; j < m; j++) {
            double s = a[j * m + j];
            for (int k = 0; k < j; k++) {
                s -= a[j * m + k] * a[j * m + k];
            }
            if (!(s > 0) || !Double.isFinite(s)) {
                return false;
            }
            double l = Math.sqrt(s);
            a[j * m + j] = l;
            for (int i = j + 1; i < m; i++) {
                double t = a[i * m + j];
                for (int k = 0; k < j; k++) {
                    t -= a[i * m + k] * a[j * m + k];
                }
                a[i * m + j] = t / l;
            }
        }
        return true;
    }

    /** Solves L L^T x = b in place of b, with L from {@link #decompose}. */
    static void solve(double[] l, int m, double[] b) {
        for (int i = 0; i < m; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * m + k] * b[k];
            }
            b[i] = s / l[i * m + i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k * m + i] * b[k];
            }
            b[i] = s / l[i * m + i];
        }
    }

    /** The inverse of a symmetric positive-definite matrix, or null if it is not positive definite. */
    static double[] inverse(double[] a, int m) {
        double[] l = a.clone();
        if (!decompose(l, m)) {
            return null;
        }
        double[] inv = new double[m * m];
        double[] col = new double[m];
        for (int j = 0; j < m; j++) {
            java.util.Arrays.fill(col, 0);
            col[j] = 1;
            solve(l, m, col);
            for (int i = 0; i < m; i++) {
                inv[i * m + j] = col[i];
            }
        }
        return inv;
    }
}
