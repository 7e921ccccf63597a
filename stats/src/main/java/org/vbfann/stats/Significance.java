package org.vbfann.stats;

/**
 * Asymptotic discovery significance, as Combine's {@code -M Significance}: Z = sqrt(2 [NLL(r = 0) - NLL(r hat)])
 * with r hat &ge; 0 (Z = 0 when r hat = 0), p = 1 - Phi(Z). The expected significance uses the Asimov dataset
 * at r = value with the nuisances at their pre-fit values ({@code -t -1 --expectSignal value}).
 */
public final class Significance {
    /**
     * A significance.
     *
     * @param significance Z
     * @param pValue       the one-sided p-value
     * @param bestPoi      r hat
     * @param q0           2 [NLL(0) - NLL(r hat)]
     */
    public record Result(double significance, double pValue, double bestPoi, double q0) {
    }

    private Significance() {
    }

    /** The significance of the fitter's data, with the POI's lower bound raised to 0. */
    public static Result observed(Fitter fitter) {
        LikelihoodModel m = fitter.model();
        int poi = m.poi();
        if (fitter.lower(poi) < 0) {
            fitter.setBounds(poi, 0, fitter.upper(poi));
        }
        FitResult free = Fitter.requireConverged(fitter.fit(), "free fit for the significance");
        FitResult zero = Fitter.requireConverged(fitter.fitFixed(poi, 0, free.parameters()),
                "fit with " + m.parameterName(poi) + " = 0 for the significance");
        double q0 = Math.max(0, 2 * (zero.nll() - free.nll()));
        double z = free.parameters()[poi] > 0 ? Math.sqrt(q0) : 0;
        return new Result(z, Normal.survival(z), free.parameters()[poi], q0);
    }

    /** The expected significance for a signal strength {@code signal}: Asimov data at pre-fit nuisances. */
    public static Result expected(Fitter fitter, double signal) {
        LikelihoodModel m = fitter.model();
        double[] p = fitter.initialValues();
        p[m.poi()] = signal;
        return observed(fitter.withModel(m.asimov(p)));
    }
}
