package org.vbfann.physics.zx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vbfann.physics.PhysicsException;

/** The yield equations of spec §3.4 on a hand-made fixture whose numbers are worked out in the comments. */
class ZplusXYieldTest {
    /**
     * 4e: data 3P1F with f = 0.1, 0.2, 0.5 (w = 1/9, 1/4, 1; Σw = 49/36, Σw² = 1/81 + 1/16 + 1); data 2P2F
     * (0.1, 0.2) and (0.2, 0.5) (w_a w_b = 1/36, 1/4; Σ = 10/36, Σ² = 1/1296 + 1/16); ZZ 3P1F weights 0.3
     * (f 0.2) and 0.6 (f 0.1): N_ZZ = 0.9, Σ f_weight·w = 0.075 + 0.6/9.
     */
    private static ZplusXYield fixture(ZxFinalState fs) {
        ZplusXYield y = new ZplusXYield(fs);
        y.addData3P1F(0.1);
        y.addData3P1F(0.2);
        y.addData3P1F(0.5);
        y.addData2P2F(0.1, 0.2);
        y.addData2P2F(0.2, 0.5);
        y.addZz3P1F(0.3, 0.2);
        y.addZz3P1F(0.6, 0.1);
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
        PhysicsException e = assertThrows(PhysicsException.class, () -> y.addData3P1F(1.0));
        assertEquals("fake rate 1.0 cannot weight a failing lepton: it must be in [0, 1)", e.getMessage());
    }

    @Test
    void combinationAddsStatInQuadratureAndTakesSystFromTheMaps() {
        Map<ZxFinalState, ZplusXYield.Value> nominal = Map.of(
                ZxFinalState.FOUR_MU, new ZplusXYield.Value(2.0, 0.2), ZxFinalState.FOUR_E, new ZplusXYield.Value(0.3, 0.1),
                ZxFinalState.TWO_E_TWO_MU, new ZplusXYield.Value(1.5, 0.15), ZxFinalState.TWO_MU_TWO_E, new ZplusXYield.Value(1.2, 0.12));
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
        assertEquals(Math.sqrt(0.0869 + 0.2225), all.total(), EXACT);
        assertEquals(java.util.List.of("4mu", "4e", "2e2mu", "2mu2e", "2l2l", "4l"), java.util.List.copyOf(t.keySet()));
    }

    /**
     * Shapes on the same fixture, x in two bins [0, 1), [1, 2): 3P1F w = 1/9 at 0.5, 1/4 and 1 at 1.5; 2P2F
     * 1/36 at 0.5, 1/4 at 1.5. Full: bin 1 = 0.7/9 − 1/36, bin 2 = 0.7·1.25 − 0.25; 2P2F-only: 1/36, 1/4.
     */
    @Test
    void shapesAreBuiltLikeTheYieldsAndIntegrateToThem() {
        ZplusXYield y = new ZplusXYield(ZxFinalState.FOUR_E, org.vbfann.core.Axis.uniform(2, 0, 2, "x"));
        y.addData3P1F(0.1, 0.5);
        y.addData3P1F(0.2, 1.5);
        y.addData3P1F(0.5, 1.5);
        y.addData2P2F(0.1, 0.2, 0.5);
        y.addData2P2F(0.2, 0.5, 1.5);
        y.addZz3P1F(0.3, 0.2);
        y.addZz3P1F(0.6, 0.1);
        org.vbfann.core.Histogram1D full = y.shape(ZplusXYield.Formula.FULL, "zjets");
        assertEquals(0.7 / 9 - 1.0 / 36, full.content(1), EXACT);
        assertEquals(0.7 * 1.25 - 0.25, full.content(2), EXACT);
        assertEquals(0.49 / 81 + 1.0 / 1296, full.sumw2(1), EXACT);
        assertEquals(y.yield(ZplusXYield.Formula.FULL).yield(), full.integralWithFlow(), EXACT);
        org.vbfann.core.Histogram1D twoFail = y.shape(ZplusXYield.Formula.TWO_PASS_TWO_FAIL, "zjets");
        assertEquals(1.0 / 36, twoFail.content(1), EXACT);
        assertEquals(0.25, twoFail.content(2), EXACT);
        assertThrows(PhysicsException.class, () -> y.shape(ZplusXYield.Formula.FORMULA_1, "zjets"));
        assertThrows(IllegalStateException.class, () -> fixture(ZxFinalState.FOUR_E).shape(ZplusXYield.Formula.FULL, "z"));
    }
}
