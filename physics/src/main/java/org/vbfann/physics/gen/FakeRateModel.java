package org.vbfann.physics.gen;

/**
 * The generator's true fake rates: the probability that a loose non-prompt lepton passes the tight
 * identification and isolation, as a function of its pT and |η|. The shapes (falling with pT, higher in
 * the endcap) and scale follow spec §3.5 (average fake rate e 0.040, μ 0.118, measured in the Z + ℓ region);
 * the exact functions are our choice and are written to truth.json so the Z+X estimate can be checked.
 */
public final class FakeRateModel {
    private FakeRateModel() {
    }

    /**
     * f_e(pT, |η|) = 0.030 + 0.035·e^−(pT−7)/12, ×1.25 for |η| &gt; 1.479; f_μ(pT, |η|) = 0.095 +
     * 0.06·e^−(pT−5)/10, ×1.1 for |η| &gt; 1.2.
     *
     * @param flavour 11 or 13
     */
    public static double fakeRate(int flavour, double pt, double absEta) {
        if (flavour == 11) {
            double f = 0.030 + 0.035 * Math.exp(-(Math.max(pt, 7.0) - 7.0) / 12.0);
            return absEta > Detector.ELECTRON_BARREL ? 1.25 * f : f;
        }
        double f = 0.095 + 0.06 * Math.exp(-(Math.max(pt, 5.0) - 5.0) / 10.0);
        return absEta > Detector.MUON_BARREL ? 1.1 * f : f;
    }

    /** The formulas of {@link #fakeRate} as text, for truth.json. */
    public static String describe() {
        return "electron: (0.030 + 0.035*exp(-(max(pt,7)-7)/12)) * (|eta| > 1.479 ? 1.25 : 1); "
                + "muon: (0.095 + 0.06*exp(-(max(pt,5)-5)/10)) * (|eta| > 1.2 ? 1.1 : 1)";
    }
}
