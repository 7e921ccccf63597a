package org.vbfann.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Hzz4lObservablesTest {
    @Test
    void pairMassOfBackToBackMasslessObjectsIsTwiceTheMomentum() {
        // Two 45.594 GeV massless objects back to back in the transverse plane at η = 0: m = 91.188.
        assertEquals(91.188, Hzz4lObservables.pairMass(45.594, 0, 0, 45.594, 45.594, 0, Math.PI, 45.594), 1e-9);
    }

    @Test
    void fourVectorRoundTripsCollierCoordinates() {
        FourVector v = FourVector.ofPtEtaPhiM(40, -1.3, 2.5, 0.1057);
        assertEquals(40, v.pt(), 1e-12);
        assertEquals(-1.3, v.eta(), 1e-12);
        assertEquals(2.5, v.phi(), 1e-12);
        assertEquals(0.1057, v.mass(), 1e-9);
        FourVector z = FourVector.ofPtEtaPhiM(45.594, 0, 0, 0).plus(FourVector.ofPtEtaPhiM(45.594, 0, Math.PI, 0));
        assertEquals(91.188, z.mass(), 1e-9);
    }

    @Test
    void restFrameBoostLeavesTheSystemAtRest() {
        FourVector h = FourVector.ofPtEtaPhiM(60, 1.2, -0.4, 125);
        FourVector rest = h.inRestFrameOf(h);
        assertEquals(0, rest.p(), 1e-9);
        assertEquals(125, rest.e(), 1e-9);
        FourVector a = FourVector.ofPtEtaPhiM(30, 0.3, 1.0, 0);
        FourVector back = a.inRestFrameOf(h).boost(h.px() / h.e(), h.py() / h.e(), h.pz() / h.e());
        assertEquals(a.px(), back.px(), 1e-9);
        assertEquals(a.pz(), back.pz(), 1e-9);
        assertEquals(a.e(), back.e(), 1e-9);
    }

    @Test
    void deltaPhiWrapsAndFisherDjetUsesTheSpecCoefficients() {
        // 3.0 − (−3.0) = 6.0 wraps to 6.0 − 2π
        assertEquals(6.0 - 2 * Math.PI, Hzz4lObservables.deltaPhi(3.0, -3.0), 1e-12);
        assertEquals(-(6.0 - 2 * Math.PI), Hzz4lObservables.deltaPhi(-3.0, 3.0), 1e-12);
        assertEquals(Math.hypot(1.0, 6.0 - 2 * Math.PI), Hzz4lObservables.deltaR(1.0, 3.0, 0.0, -3.0), 1e-12);
        // spec §1.1: D_jet = 0.18 |Δη| + 1.92e-4 m_jj; |Δη| = 4, m_jj = 700 → 0.72 + 0.1344
        assertEquals(0.8544, Hzz4lObservables.fisherDjet(4, 700), 1e-12);
        assertEquals(0.25, Hzz4lObservables.zeppenfeld(1.0, 2.0, -2.0), 1e-12);
    }
}
