package org.vbfann.ml;

/**
 * Weighted cross-entropy losses, computed from the logits for numerical stability, with their gradient with
 * respect to the logits. For a batch, the loss is {@code Σ w_i ℓ_i / norm}; the trainer passes the number of
 * rows of the batch as {@code norm} with weights normalised to mean 1 over the set, as Keras does with
 * {@code sample_weight}.
 */
public final class CrossEntropy {
    private CrossEntropy() {
    }

    /**
     * Binary cross-entropy of sigmoid outputs, {@code ℓ = −[y ln σ(z) + (1 − y) ln(1 − σ(z))]}.
     *
     * @param z      logits, one per row (not modified)
     * @param labels 1 for signal, 0 for background, indexed through {@code index[from + r]}
     * @param w      weights, indexed like the labels
     * @param dz     modified: {@code w (σ(z) − y) / norm} per row
     * @return the weighted loss sum divided by {@code norm}
     */
    public static double binary(double[] z, int rows, int[] labels, double[] w, int[] index, int from, double norm,
            double[] dz) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int e = index == null ? from + r : index[from + r];
            double zi = z[r];
            double y = labels[e];
            // ln(1 + e^z) − y z without overflow: max(z, 0) − y z + ln(1 + e^−|z|).
            double l = Math.max(zi, 0) - y * zi + Math.log1p(Math.exp(-Math.abs(zi)));
            sum += w[e] * l;
            dz[r] = w[e] * (Activation.sigmoid(zi) - y) / norm;
        }
        return sum / norm;
    }

    /**
     * Multi-class cross-entropy of softmax outputs, {@code ℓ = ln Σ_j e^{z_j} − z_y}.
     *
     * @param z      logits, {@code rows × classes} feature-major: class j of row r at {@code j·rows + r}
     *               (not modified)
     * @param labels class index per event, indexed through {@code index[from + r]}
     * @param w      weights, indexed like the labels
     * @param dz     modified: {@code w (p_j − [j = y]) / norm}, laid out like {@code z}
     * @return the weighted loss sum divided by {@code norm}
     */
    public static double multiClass(double[] z, int rows, int classes, int[] labels, double[] w, int[] index,
            int from, double norm, double[] dz) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int e = index == null ? from + r : index[from + r];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, z[j * rows + r]);
            }
            double s = 0;
            for (int j = 0; j < classes; j++) {
                s += Math.exp(z[j * rows + r] - max);
            }
            double lse = max + Math.log(s);
            int y = labels[e];
            sum += w[e] * (lse - z[y * rows + r]);
            double f = w[e] / norm;
            for (int j = 0; j < classes; j++) {
                double p = Math.exp(z[j * rows + r] - lse);
                dz[j * rows + r] = f * (p - (j == y ? 1.0 : 0.0));
            }
        }
        return sum / norm;
    }
}
