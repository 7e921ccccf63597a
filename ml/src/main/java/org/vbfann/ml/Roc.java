package org.vbfann.ml;

/**
 * The weighted ROC curve of a score: for each distinct score value t (descending), the signal efficiency
 * {@code ε_s(t) = S(score ≥ t) / S} and background efficiency {@code ε_b(t) = B(score ≥ t) / B}, with signed
 * event weights. Events of equal score enter together, so ties give a straight segment and the AUC counts a
 * tied pair as one half (the Mann–Whitney convention).
 */
public final class Roc {
    private final double[] thresholds;
    private final double[] signalEfficiency;
    private final double[] backgroundEfficiency;
    private final double[] signalPass;
    private final double[] backgroundPass;
    private final double signalTotal;
    private final double backgroundTotal;

    private Roc(double[] t, double[] s, double[] b, int points, double st, double bt) {
        thresholds = java.util.Arrays.copyOf(t, points);
        signalPass = java.util.Arrays.copyOf(s, points);
        backgroundPass = java.util.Arrays.copyOf(b, points);
        signalTotal = st;
        backgroundTotal = bt;
        signalEfficiency = new double[points];
        backgroundEfficiency = new double[points];
        for (int k = 0; k < points; k++) {
            signalEfficiency[k] = signalPass[k] / st;
            backgroundEfficiency[k] = backgroundPass[k] / bt;
        }
    }

    /**
     * The ROC of {@code score} for events flagged {@code signal}, with weights {@code w} ({@code null} for 1).
     *
     * @throws MlException if a score is NaN or the signal or background total weight is not positive
     */
    public static Roc of(double[] score, boolean[] signal, double[] w) {
        int n = score.length;
        if (signal.length != n || (w != null && w.length != n)) {
            throw new MlException("roc: " + n + " scores, " + signal.length + " labels, "
                    + (w == null ? n : w.length) + " weights");
        }
        double st = 0;
        double bt = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(score[i])) {
                throw new MlException("roc: score of event " + i + " is NaN");
            }
            double wi = w == null ? 1 : w[i];
            if (signal[i]) {
                st += wi;
            } else {
                bt += wi;
            }
        }
        if (!(st > 0) || !(bt > 0)) {
            throw new MlException("roc: total signal weight " + st + " and background weight " + bt + " must both be > 0");
        }
        int[] order = IndexSort.descending(score);
        double[] t = new double[n + 1];
        double[] s = new double[n + 1];
        double[] b = new double[n + 1];
        t[0] = Double.POSITIVE_INFINITY;
        int points = 1;
        double cs = 0;
        double cb = 0;
        int i = 0;
        while (i < n) {
            double v = score[order[i]];
            while (i < n && score[order[i]] == v) {
                int e = order[i];
                double wi = w == null ? 1 : w[e];
                if (signal[e]) {
                    cs += wi;
                } else {
                    cb += wi;
                }
                i++;
            }
            t[points] = v;
            s[points] = cs;
            b[points] = cb;
            points++;
        }
        return new Roc(t, s, b, points, st, bt);
    }

    /** Number of points, the first being (0, 0) at threshold +∞. */
    public int size() {
        return thresholds.length;
    }

    /** Threshold of point k: events with {@code score ≥ threshold} pass. */
    public double threshold(int k) {
        return thresholds[k];
    }

    /** Signal efficiencies per point (copy). */
    public double[] signalEfficiencies() {
        return signalEfficiency.clone();
    }

    /** Background efficiencies per point (copy). */
    public double[] backgroundEfficiencies() {
        return backgroundEfficiency.clone();
    }

    /** Signal weight passing point k. */
    public double signalPass(int k) {
        return signalPass[k];
    }

    /** Background weight passing point k. */
    public double backgroundPass(int k) {
        return backgroundPass[k];
    }

    /** Total signal weight. */
    public double signalTotal() {
        return signalTotal;
    }

    /** Total background weight. */
    public double backgroundTotal() {
        return backgroundTotal;
    }

    /** Area under the curve of signal efficiency against background efficiency (trapezoids). */
    public double auc() {
        double a = 0;
        for (int k = 1; k < thresholds.length; k++) {
            a += (backgroundEfficiency[k] - backgroundEfficiency[k - 1])
                    * (signalEfficiency[k] + signalEfficiency[k - 1]) * 0.5;
        }
        return a;
    }
}
