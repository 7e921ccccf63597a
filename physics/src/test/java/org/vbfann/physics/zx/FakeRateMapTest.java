package org.vbfann.physics.zx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.vbfann.physics.PhysicsException;

/** Fake rates with prompt subtraction on a hand-made set of probes. */
class FakeRateMapTest {
    /**
     * Electrons, pT bins [5, 10), [10, 20), one |η| bin [0, 2.5). Bin 1: 10 data probes (3 tight), two prompt MC
     * probes of weight 0.5, both tight → FR = (3 − 1)/(10 − 1) = 2/9. Bin 2: 4 data probes, 4 prompt of
     * weight 1 → denominator 0.
     */
    private static FakeRateMap fixture() {
        FakeRateMap m = new FakeRateMap(11, new double[] {5, 10, 20}, new double[] {0, 2.5});
        for (int i = 0; i < 10; i++) {
            m.add(7, i % 2 == 0 ? 0.5 : -1.5, i < 3, false, 1.0);
        }
        m.add(8, 0.1, true, true, 0.5);
        m.add(9, -0.1, true, true, 0.5);
        for (int i = 0; i < 4; i++) {
            m.add(15, 1.0, false, false, 1.0);
            m.add(15, 1.0, false, true, 1.0);
        }
        return m;
    }

    @Test
    void promptProbesAreSubtractedFromNumeratorAndDenominator() {
        FakeRateMap m = fixture();
        assertEquals(2.0 / 9, m.rate(1, 1), 1e-15);
        // A = 3 − 1 tight, B = 7 failing; V_A = 3 + 2·0.5², V_B = 7: σ² = ((7/9)²·3.5 + (2/9)²·7)/81
        assertEquals(Math.sqrt(199.5 / 6561), m.uncertainty(1, 1), 1e-15);
        assertEquals(0.3, m.uncorrectedRate(1, 1), 1e-15);
        assertEquals(new FakeRate(11, 0, 2.0 / 9, m.uncertainty(1, 1)), m.lookup(6, 2.0));
        assertEquals(2.0 / 9, m.lookup(3, 0.2).value(), 1e-15, "below the axis: edge bin");
        assertEquals(2.0 / 9, m.lookup(7, 3.0).value(), 1e-15, "beyond |eta| 2.5: edge bin");
        assertEquals(2.0 / 9, m.toHistogram("ElectronPtEtaMapFR").content(1, 1), 1e-15);
        assertEquals(0.0, m.toHistogram("ElectronPtEtaMapFR").content(2, 1));
    }

    @Test
    void withoutSimulationTheErrorIsBinomial() {
        FakeRateMap m = new FakeRateMap(13, new double[] {5, 100}, new double[] {0, 2.4});
        for (int i = 0; i < 40; i++) {
            m.add(20, 0, i < 6, false, 1.0);
        }
        assertEquals(Math.sqrt(0.15 * 0.85 / 40), m.uncertainty(1, 1), 1e-15);
    }

    @Test
    void aMapOfStoredBinsGivesBackRatesErrorsAndDenominators() {
        FakeRateMap m = fixture();
        FakeRateMap back = FakeRateMap.ofBins(11, new double[] {5, 10, 20}, new double[] {0, 2.5},
                new double[] {m.rate(1, 1), 0}, new double[] {m.uncertainty(1, 1), 0}, new double[] {9, 0});
        assertEquals(m.rate(1, 1), back.rate(1, 1), 1e-15);
        assertEquals(m.uncertainty(1, 1), back.uncertainty(1, 1), 1e-15);
        assertEquals(9, back.denominator(1, 1), 1e-12);
        assertEquals(Double.NaN, back.rate(2, 1));
    }

    @Test
    void aBinWithoutDenominatorIsAClearError() {
        PhysicsException e = assertThrows(PhysicsException.class, () -> fixture().lookup(500, 1.0));
        assertEquals("electron fake rate in bin pT [10, 20) GeV, |eta| [0, 2.5) is undefined (denominator 0):"
                + " it must be in [0, 1); merge bins or add Z+l events", e.getMessage());
    }

    @Test
    void aRateOfOneOrMoreIsAClearError() {
        FakeRateMap m = new FakeRateMap(13, new double[] {5, 100}, new double[] {0, 2.4});
        m.add(20, 0, true, false, 1.0);
        PhysicsException e = assertThrows(PhysicsException.class, () -> m.lookup(20, 0));
        assertEquals("muon fake rate in bin pT [5, 100) GeV, |eta| [0, 2.4) is 1.0 (denominator 1): it must be in [0, 1);"
                + " merge bins or add Z+l events", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FakeRateMap(15, new double[] {0, 1}, new double[] {0, 1}));
    }
}
