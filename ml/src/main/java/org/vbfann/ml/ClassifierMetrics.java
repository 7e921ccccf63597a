package org.vbfann.ml;

/**
 * The figures of merit of a signal score that the analysis ranks networks by, from signed event weights
 * that are expected yields: the weighted AUC, the best signal efficiency × purity over cuts
 * {@code score ≥ t} with its cut, and at that cut the expected signal s and background b, {@code s/√(s+b)}
 * and the Asimov significance
 * {@code Z_A = √(2((s + b) ln(1 + s/b) − s))} (Cowan, Cranmer, Gross, Vitells, Eur. Phys. J. C 71 (2011)
 * 1554, eq. 97).
 *
 * @param auc            weighted area under the ROC curve
 * @param epsPurity      the largest ε·π, with ε = s/S and π = s/(s+b)
 * @param cut            the threshold t of that maximum
 * @param signal         expected signal s passing the cut
 * @param background     expected background b passing the cut
 * @param sOverSqrtSB    s/√(s+b)
 * @param asimovZ        the Asimov significance (0 where b ≤ 0)
 */
public record ClassifierMetrics(double auc, double epsPurity, double cut, double signal, double background,
        double sOverSqrtSB, double asimovZ) {

    /** The metrics of {@code score} for events flagged {@code signal} with yield weights {@code w}. */
    public static ClassifierMetrics of(double[] score, boolean[] signal, double[] w) {
        return of(Roc.of(score, signal, w));
    }

    /** The metrics of a ROC curve whose weights were expected yields. */
    public static ClassifierMetrics of(Roc roc) {
        int best = 1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int k = 1; k < roc.size(); k++) {
            double s = roc.signalPass(k);
            double b = roc.backgroundPass(k);
            double v = s + b > 0 ? (s / roc.signalTotal()) * (s / (s + b)) : Double.NEGATIVE_INFINITY;
            if (v > bestValue) {
                bestValue = v;
                best = k;
            }
        }
        double s = roc.signalPass(best);
        double b = roc.backgroundPass(best);
        return new ClassifierMetrics(roc.auc(), bestValue, roc.threshold(best), s, b,
                s + b > 0 ? s / Math.sqrt(s + b) : 0, asimovSignificance(s, b));
    }

    /** {@code √(2((s + b) ln(1 + s/b) − s))}, Cowan et al. (2011) eq. 97; 0 for b ≤ 0 or s ≤ 0. */
    public static double asimovSignificance(double s, double b) {
        if (!(b > 0) || !(s > 0)) {
            return 0;
        }
        return Math.sqrt(2 * ((s + b) * Math.log1p(s / b) - s));
    }
}
