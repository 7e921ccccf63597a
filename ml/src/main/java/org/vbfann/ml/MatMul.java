package org.vbfann.ml;

/**
 * The one kernel of the dense layers: {@code C += A·B} for strided views of flat arrays, with element (m, k)
 * of A at {@code a[ao + m·ams + k·aks]}, (k, n) of B at {@code b[bo + k·bks + n·bns]} and (m, n) of C at
 * {@code c[co + m·cms + n·cns]}. The JIT does not vectorise an axpy between two {@code double[]} (it cannot
 * rule out that they alias), so the kernel keeps a 2 × 4 block of C in registers while it runs over k:
 * 6 loads for 8 multiply-adds instead of 3 memory operations for each, about 3× the throughput. Sums run
 * over k in ascending order, so results do not depend on the blocking.
 */
final class MatMul {
    private MatMul() {
    }

    static void multiplyAdd(int rowsM, int colsN, int depthK,
            double[] a, int ao, int ams, int aks,
            double[] b, int bo, int bks, int bns,
            double[] c, int co, int cms, int cns) {
        int m = 0;
        int n4 = colsN - colsN % 4;
        for (; m + 1 < rowsM; m += 2) {
            int a0 = ao + m * ams;
            int a1 = a0 + ams;
            for (int n = 0; n < n4; n += 4) {
                int c0 = co + m * cms + n * cns;
                int c1 = c0 + cms;
                double s00 = c[c0];
                double s01 = c[c0 + cns];
                double s02 = c[c0 + 2 * cns];
                double s03 = c[c0 + 3 * cns];
                double s10 = c[c1];
                double s11 = c[c1 + cns];
                double s12 = c[c1 + 2 * cns];
                double s13 = c[c1 + 3 * cns];
                int bn = bo + n * bns;
                for (int k = 0; k < depthK; k++) {
                    double x0 = a[a0 + k * aks];
                    double x1 = a[a1 + k * aks];
                    int bk = bn + k * bks;
                    double y0 = b[bk];
                    double y1 = b[bk + bns];
                    double y2 = b[bk + 2 * bns];
                    double y3 = b[bk + 3 * bns];
                    s00 += x0 * y0;
                    s01 += x0 * y1;
                    s02 += x0 * y2;
                    s03 += x0 * y3;
                    s10 += x1 * y0;
                    s11 += x1 * y1;
                    s12 += x1 * y2;
                    s13 += x1 * y3;
                }
                c[c0] = s00;
                c[c0 + cns] = s01;
                c[c0 + 2 * cns] = s02;
                c[c0 + 3 * cns] = s03;
                c[c1] = s10;
                c[c1 + cns] = s11;
                c[c1 + 2 * cns] = s12;
                c[c1 + 3 * cns] = s13;
            }
            edge(m, m + 2, n4, colsN, depthK, a, ao, ams, aks, b, bo, bks, bns, c, co, cms, cns);
        }
        edge(m, rowsM, 0, colsN, depthK, a, ao, ams, aks, b, bo, bks, bns, c, co, cms, cns);
    }

    /** The plain loop for the rows [m0, m1) × columns [n0, n1) that the blocks do not cover. */
    private static void edge(int m0, int m1, int n0, int n1, int depthK,
            double[] a, int ao, int ams, int aks,
            double[] b, int bo, int bks, int bns,
            double[] c, int co, int cms, int cns) {
        for (int m = m0; m < m1; m++) {
            for (int n = n0; n < n1; n++) {
                int ci = co + m * cms + n * cns;
                double s = c[ci];
                for (int k = 0; k < depthK; k++) {
                    s += a[ao + m * ams + k * aks] * b[bo + k * bks + n * bns];
                }
                c[ci] = s;
            }
        }
    }
}
