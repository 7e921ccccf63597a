package org.vbfann.physics.zx;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vbfann.physics.PhysicsException;

/**
 * The computeFinalZX combination (spec §3.5): per final state a nominal yield with its statistical error and
 * a fake-rate-composition systematic |N_average − N_reweight|; 2ℓ2ℓ = 2e2mu + 2mu2e (stat in quadrature, syst
 * from the summed average and reweight yields); 4ℓ = the sum of the four, stat in quadrature, syst =
 * √(syst_4μ² + syst_4e² + syst_2ℓ2ℓ²). Beyond the guide, each row also carries the uncertainty from the
 * fake-rate map's statistics, propagated bin by bin through the summed final states (they share bins, so it is
 * not added in quadrature); total = √(stat² + fake-rate stat² + syst²) everywhere.
 */
public final class ZplusXCombination {
    /** One row of the summary table: control-region stat, fake-rate-map stat and systematic uncertainties. */
    public record Row(String label, double yield, double stat, double fakeRateStat, double syst) {
        /** √(stat² + fakeRateStat² + syst²). */
        public double total() {
            return Math.sqrt(stat * stat + fakeRateStat * fakeRateStat + syst * syst);
        }
    }

    private ZplusXCombination() {
    }

    /**
     * The table rows 4mu, 4e, 2e2mu, 2mu2e, 2l2l, 4l.
     *
     * @param nominal  yield and stat per final state (all four needed)
     * @param average  yield per final state with the "average" map
     * @param reweight yield per final state with the "reweight" map
     */
    public static Map<String, Row> combine(Map<ZxFinalState, ZplusXYield.Value> nominal, Map<ZxFinalState, Double> average,
                                           Map<ZxFinalState, Double> reweight) {
        Map<ZxFinalState, Row> rows = new EnumMap<>(ZxFinalState.class);
        for (ZxFinalState fs : ZxFinalState.values()) {
            if (!nominal.containsKey(fs) || !average.containsKey(fs) || !reweight.containsKey(fs)) {
                throw new PhysicsException("Z+X combination needs final state " + fs.label()
                        + " in the nominal, average and reweight yields");
            }
            ZplusXYield.Value v = nominal.get(fs);
            rows.put(fs, new Row(fs.label(), v.yield(), v.stat(), v.fakeRateStat(),
                    Math.abs(average.get(fs) - reweight.get(fs))));
        }
        Row a = rows.get(ZxFinalState.TWO_E_TWO_MU);
        Row b = rows.get(ZxFinalState.TWO_MU_TWO_E);
        double mixedSyst = Math.abs(average.get(ZxFinalState.TWO_E_TWO_MU) + average.get(ZxFinalState.TWO_MU_TWO_E)
                - reweight.get(ZxFinalState.TWO_E_TWO_MU) - reweight.get(ZxFinalState.TWO_MU_TWO_E));
        FakeRateSensitivity mixedRates = sensitivity(nominal, ZxFinalState.TWO_E_TWO_MU, ZxFinalState.TWO_MU_TWO_E);
        Row mixed = new Row("2l2l", a.yield() + b.yield(), Math.hypot(a.stat(), b.stat()), mixedRates.sigma(),
                mixedSyst);
        Row mu = rows.get(ZxFinalState.FOUR_MU);
        Row e = rows.get(ZxFinalState.FOUR_E);
        double stat = Math.sqrt(mu.stat() * mu.stat() + e.stat() * e.stat() + a.stat() * a.stat() + b.stat() * b.stat());
        double syst = Math.sqrt(mu.syst() * mu.syst() + e.syst() * e.syst() + mixed.syst() * mixed.syst());
        Row all = new Row("4l", mu.yield() + e.yield() + mixed.yield(), stat,
                sensitivity(nominal, ZxFinalState.values()).sigma(), syst);
        Map<String, Row> out = new LinkedHashMap<>();
        for (Row r : rows.values()) {
            out.put(r.label(), r);
        }
        out.put(mixed.label(), mixed);
        out.put(all.label(), all);
        return out;
    }

    /** The summed fake-rate sensitivity of some final states. */
    private static FakeRateSensitivity sensitivity(Map<ZxFinalState, ZplusXYield.Value> nominal, ZxFinalState... states) {
        FakeRateSensitivity sum = new FakeRateSensitivity();
        for (ZxFinalState fs : states) {
            sum = sum.plus(nominal.get(fs).fakeRates(), 1);
        }
        return sum;
    }
}
