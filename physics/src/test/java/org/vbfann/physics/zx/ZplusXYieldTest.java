package org.vbfann.physics.zx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;
import org.vbfann.physics.PhysicsException;

/** The yield equations of spec §3.4 on a hand-made fixture whose numbers are worked out in the comments. */
class ZplusXYieldTest {
    /**
     * 4e: data 3P1F with f = 0.1, 0.2, 0.5 (w = 1/9, 1/4, 1; Σw = 49/36, Σw² = 1/81 + 1/16 + 1); data 2P2F
     * (0.1, 0.2) and (0.2, 0.5) (w_a w_b = 1/36, 1/4; Σ = 10/36, Σ² = 1/1296 + 1/16); ZZ 3P1F weights 0.3
     * (f 0.2) and 0.6 (f 0.1): N_ZZ = 0.9, Σ f_weight·w = 0.075 + 0.6/9. The three rates are electron bins 0, 1, 2
     * with errors 0.01, 0.02, 0.05.
     */
    private static ZplusXYield fixture(ZxFinalState fs) {
        return fixture(fs, new double[] {0.1, 0.2, 0.5}, null);
    }

    /** The fixture with the rates of bins 0, 1, 2 given, and optionally the shape variable's axis. */
    private static ZplusXYield fixture(ZxFinalState fs, double[] rates, Axis axis) {
        double[] errors = {0.01, 0.02, 0.05};
        FakeRate[] f = new FakeRate[3];
        for (int b = 0; b < 3; b++) {
            f[b] = new FakeRate(11, b, rates[b], errors[b]);
        }
        ZplusXYield y = new ZplusXYield(fs, axis);
        y.addData3P1F(f[0], 0.5);
        y.addData3P1F(f[1], 1.5);
        y.addData3P1F(f[2], 1.5);
        y.addData2P2F(f[0], f[1], 0.5);
        y.addData2P2F(f[1], f[2], 1.5);
        y.addZz3P1F(0.3, f[1]);
        y.addZz3P1F(0.6, f[0]);
        return y;
    }

    // exact to rounding: every value is a short sum of doubles
    private static final double EXACT = 1e-12;

    @Test
    void fullFormulaScalesThe3P1FTermByTheNonZzFraction() {
        ZplusXYield.Value v = fixture(ZxFinalState.FOUR_E).yield(ZplusXYield.Formula.FULL);
        // s = 1 − 0.9/3 = 0.7; N = 0.7·49/36 − 10/36 = 0.675
        assertEquals(0.675, v.yield(), EXACT);
        assertEquals(Math.sqrt(0.49 * (1.0 / 81 + 1.0 / 16 + 1) + 1.0 / 1296 + 1.0 / 16), v.stat(), EXACT);
        assertEquals(3, fixture(ZxFinalState.FOUR_E).data3P1FEvents());
    }

    @Test
    void formulaOneSubtractsTheWeightedZz() {
        ZplusXYield.Value v = fixture(ZxFinalState.FOUR_E).yield(ZplusXYield.Formula.FORMULA_1);
        // 49/36 − (0.075 + 0.6/9) − 10/36 = 39/36 − 0.141666…
        assertEquals(39.0 / 36 - 0.075 - 0.6 / 9, v.yield(), EXACT);
        assertEquals(Math.sqrt(1.0 / 81 + 1.0 / 16 + 1 + 1.0 / 1296 + 1.0 / 16), v.stat(), EXACT);
    }

    @Test
    void theGuideUsesOnly2P2FWhenTheLooseLeptonsAreMuons() {
        for (ZxFinalState fs : new ZxFinalState[] {ZxFinalState.FOUR_MU, ZxFinalState.TWO_E_TWO_MU}) {
            ZplusXYield.Value v = fixture(fs).yield(ZplusXYield.Formula.GUIDE);
            assertEquals(10.0 / 36, v.yield(), EXACT, fs.label());
            assertEquals(Math.sqrt(1.0 / 1296 + 1.0 / 16), v.stat(), EXACT);
        }
        for (ZxFinalState fs : new ZxFinalState[] {ZxFinalState.FOUR_E, ZxFinalState.TWO_MU_TWO_E}) {
            assertEquals(0.675, fixture(fs).yield(ZplusXYield.Formula.GUIDE).yield(), EXACT, fs.label());
        }
    }

    @Test
    void aRateOfOneCannotWeightAnEvent() {
        ZplusXYield y = new ZplusXYield(ZxFinalState.FOUR_E);
        PhysicsException e = assertThrows(PhysicsException.class, () -> y.addData3P1F(new FakeRate(11, 0, 1.0, 0)));
        assertEquals("fake rate 1.0 cannot weight a failing lepton: it must be in [0, 1)", e.getMessage());
    }

    @Test
    void combinationAddsStatInQuadratureAndTakesSystFromTheMaps() {
        // fake-rate sensitivities: 4mu 2 (muon bin 0, σ 0.1); 4e 1 (electron bin 0, σ 0.1); 2e2mu 1 (muon bin 0);
        // 2mu2e 3 (electron bin 0): FR stat 2l2l = 0.1·√(1 + 9), 4l = 0.1·√(3² + 4²) = 0.5
        FakeRate mu = new FakeRate(13, 0, 0.1, 0.1);
        FakeRate e = new FakeRate(11, 0, 0.1, 0.1);
        Map<ZxFinalState, ZplusXYield.Value> nominal = Map.of(
                ZxFinalState.FOUR_MU, value(2.0, 0.2, mu, 2), ZxFinalState.FOUR_E, value(0.3, 0.1, e, 1),
                ZxFinalState.TWO_E_TWO_MU, value(1.5, 0.15, mu, 1), ZxFinalState.TWO_MU_TWO_E, value(1.2, 0.12, e, 3));
        Map<ZxFinalState, Double> average = Map.of(ZxFinalState.FOUR_MU, 2.2, ZxFinalState.FOUR_E, 0.35,
                ZxFinalState.TWO_E_TWO_MU, 1.6, ZxFinalState.TWO_MU_TWO_E, 1.3);
        Map<ZxFinalState, Double> reweight = Map.of(ZxFinalState.FOUR_MU, 1.9, ZxFinalState.FOUR_E, 0.25,
                ZxFinalState.TWO_E_TWO_MU, 1.45, ZxFinalState.TWO_MU_TWO_E, 1.1);
        Map<String, ZplusXCombination.Row> t = ZplusXCombination.combine(nominal, average, reweight);
        assertEquals(0.3, t.get("4mu").syst(), EXACT);
        ZplusXCombination.Row mixed = t.get("2l2l");
        assertEquals(2.7, mixed.yield(), EXACT);
        assertEquals(Math.sqrt(0.0369), mixed.stat(), EXACT);
        assertEquals(0.35, mixed.syst(), EXACT);
        ZplusXCombination.Row all = t.get("4l");
        assertEquals(5.0, all.yield(), EXACT);
        assertEquals(Math.sqrt(0.0869), all.stat(), EXACT);
        assertEquals(Math.sqrt(0.09 + 0.01 + 0.1225), all.syst(), EXACT);
        assertEquals(0.2, t.get("4mu").fakeRateStat(), EXACT);
        assertEquals(0.1 * Math.sqrt(10), mixed.fakeRateStat(), EXACT);
        assertEquals(0.5, all.fakeRateStat(), EXACT);
        assertEquals(Math.sqrt(0.0869 + 0.25 + 0.2225), all.total(), EXACT);
        assertEquals(List.of("4mu", "4e", "2e2mu", "2mu2e", "2l2l", "4l"), List.copyOf(t.keySet()));
    }

    private static ZplusXYield.Value value(double yield, double stat, FakeRate rate, double derivative) {
        FakeRateSensitivity d = new FakeRateSensitivity();
        d.add(rate, derivative);
        return new ZplusXYield.Value(yield, stat, d);
    }

    /**
     * ∂N/∂f per bin by hand, w' = 1/(1 − f)²: 3P1F slopes 1/0.81, 1/0.64, 4; 2P2F (0.1, 0.2) gives bin 0 w(0.2)/0.81
     * = 0.25/0.81 and bin 1 w(0.1)/0.64 = (1/9)/0.64; (0.2, 0.5) gives bin 1 1/0.64 and bin 2 0.25·4 = 1. Full,
     * s = 0.7: bin 0 0.45/0.81, bin 1 (0.7 − 1/9 − 1)/0.64, bin 2 1.8.
     */
    @Test
    void theFakeRateMapErrorPropagatesBinByBin() {
        double d0 = 0.45 / 0.81;
        double d1 = (0.7 - 1.0 / 9 - 1) / 0.64;
        double d2 = 1.8;
        double expected = Math.sqrt(Math.pow(d0 * 0.01, 2) + Math.pow(d1 * 0.02, 2) + Math.pow(d2 * 0.05, 2));
        assertEquals(expected, fixture(ZxFinalState.FOUR_E).yield(ZplusXYield.Formula.FULL).fakeRateStat(), EXACT);
        // formula 1 subtracts the ZZ term too: bin 0 −0.6/0.81, bin 1 −0.3/0.64 (and s = 1)
        double f0 = (1 - 0.25 - 0.6) / 0.81;
        double f1 = (1 - 1.0 / 9 - 1 - 0.3) / 0.64;
        double f2 = 4 - 1;
        assertEquals(Math.sqrt(Math.pow(f0 * 0.01, 2) + Math.pow(f1 * 0.02, 2) + Math.pow(f2 * 0.05, 2)),
                fixture(ZxFinalState.FOUR_E).yield(ZplusXYield.Formula.FORMULA_1).fakeRateStat(), EXACT);
    }

    /** The sensitivities are the yield's derivatives: central differences in each bin's rate, every formula. */
    @Test
    void sensitivitiesMatchFiniteDifferences() {
        double[] rates = {0.1, 0.2, 0.5};
        double h = 1e-6;
        for (ZplusXYield.Formula formula : List.of(ZplusXYield.Formula.FULL, ZplusXYield.Formula.FORMULA_1,
                ZplusXYield.Formula.TWO_PASS_TWO_FAIL)) {
            for (int b = 0; b < 3; b++) {
                double[] up = rates.clone();
                double[] down = rates.clone();
                up[b] += h;
                down[b] -= h;
                double numeric = (fixture(ZxFinalState.FOUR_E, up, null).yield(formula).yield()
                        - fixture(ZxFinalState.FOUR_E, down, null).yield(formula).yield()) / (2 * h);
                double analytic = fixture(ZxFinalState.FOUR_E).yield(formula).fakeRates().derivative(11, b);
                assertEquals(numeric, analytic, 1e-8, formula + " bin " + b);
            }
        }
    }

    /**
     * Shapes on the same fixture, x in two bins [0, 1), [1, 2): 3P1F w = 1/9 at 0.5, 1/4 and 1 at 1.5; 2P2F
     * 1/36 at 0.5, 1/4 at 1.5. Full: bin 1 = 0.7/9 − 1/36, bin 2 = 0.7·1.25 − 0.25; 2P2F-only: 1/36, 1/4.
     */
    @Test
    void shapesAreBuiltLikeTheYieldsAndIntegrateToThem() {
        ZplusXYield y = fixture(ZxFinalState.FOUR_E, new double[] {0.1, 0.2, 0.5}, Axis.uniform(2, 0, 2, "x"));
        Histogram1D full = y.shape(ZplusXYield.Formula.FULL, "zjets");
        assertEquals(0.7 / 9 - 1.0 / 36, full.content(1), EXACT);
        assertEquals(0.7 * 1.25 - 0.25, full.content(2), EXACT);
        assertEquals(0.49 / 81 + 1.0 / 1296, full.sumw2(1), EXACT);
        assertEquals(y.yield(ZplusXYield.Formula.FULL).yield(), full.integralWithFlow(), EXACT);
        Histogram1D twoFail = y.shape(ZplusXYield.Formula.TWO_PASS_TWO_FAIL, "zjets");
        assertEquals(1.0 / 36, twoFail.content(1), EXACT);
        assertEquals(0.25, twoFail.content(2), EXACT);
        assertThrows(PhysicsException.class, () -> y.shape(ZplusXYield.Formula.FORMULA_1, "zjets"));
        assertThrows(IllegalStateException.class, () -> fixture(ZxFinalState.FOUR_E).shape(ZplusXYield.Formula.FULL, "z"));
    }
}
