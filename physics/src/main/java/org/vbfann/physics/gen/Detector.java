package org.vbfann.physics.gen;

import java.util.SplittableRandom;

/**
 * The detector model: lepton acceptance, identification efficiency and momentum resolution, jet resolution
 * and b tagging. The acceptance cuts are those of the HZZ4ℓ selection (spec §8 A6); efficiencies and
 * resolutions are smooth parametrisations of the typical CMS 2016 performance, our modelling choices listed
 * in docs/generator.md.
 */
final class Detector {
    /** Muon acceptance: pT &gt; 5 GeV, |η| &lt; 2.4 (spec §8 A6). */
    static final double MUON_PT_MIN = 5.0;
    static final double MUON_ETA_MAX = 2.4;
    /** Electron acceptance: pT &gt; 7 GeV, |η| &lt; 2.5 (spec §8 A6). */
    static final double ELECTRON_PT_MIN = 7.0;
    static final double ELECTRON_ETA_MAX = 2.5;
    /** Barrel–endcap boundary for electrons (|η_SC| 1.479, spec §3.1) and muons (1.2, spec §3.2). */
    static final double ELECTRON_BARREL = 1.479;
    static final double MUON_BARREL = 1.2;
    /** CSVv2 medium working point (spec §1.1). */
    static final double CSV_MEDIUM = 0.8484;
    /** Jets: pT &gt; 30 GeV, |η| &lt; 4.7, ΔR &gt; 0.4 from leptons (spec §1.1). */
    static final double JET_PT_MIN = 30.0;
    static final double JET_ETA_MAX = 4.7;
    static final double JET_LEPTON_DR = 0.4;
    /** Gaussian smearing of the jet η and φ (absolute). */
    static final double JET_ANGLE_RESOLUTION = 0.03;
    /** b-tag efficiency and light-jet mistag rate at the medium working point. */
    static final double BTAG_EFFICIENCY = 0.65;
    static final double MISTAG_RATE = 0.01;
    /** Exponents c of the discriminator U^c that give those rates above {@link #CSV_MEDIUM}. */
    private static final double B_EXPONENT = Math.log(CSV_MEDIUM) / Math.log(1 - BTAG_EFFICIENCY);
    private static final double LIGHT_EXPONENT = Math.log(CSV_MEDIUM) / Math.log(1 - MISTAG_RATE);

    private Detector() {
    }

    /** Whether a lepton of flavour 11/13 is inside the acceptance. */
    static boolean inAcceptance(int flavour, double pt, double eta) {
        return flavour == 13 ? pt > MUON_PT_MIN && Math.abs(eta) < MUON_ETA_MAX
                : pt > ELECTRON_PT_MIN && Math.abs(eta) < ELECTRON_ETA_MAX;
    }

    /**
     * Tight identification × isolation × SIP efficiency of a prompt lepton in the acceptance: muons
     * 0.97·(1 − 0.25·e^−(pT−5)/5), electrons 0.91·(1 − 0.45·e^−(pT−7)/8), ×0.95 in the electron endcap.
     */
    static double efficiency(int flavour, double pt, double eta) {
        if (flavour == 13) {
            return 0.97 * (1 - 0.25 * Math.exp(-(pt - MUON_PT_MIN) / 5.0));
        }
        double e = 0.91 * (1 - 0.45 * Math.exp(-(pt - ELECTRON_PT_MIN) / 8.0));
        return Math.abs(eta) > ELECTRON_BARREL ? 0.95 * e : e;
    }

    /**
     * Relative pT resolution: muons (1.0 % + 0.01 %·pT), ×1.7 beyond |η| 1.2; electrons
     * √((11 %)²/pT + (1.2 %)²), ×1.5 in the endcap.
     */
    static double leptonResolution(int flavour, double pt, double eta) {
        if (flavour == 13) {
            double s = 0.010 + 0.0001 * pt;
            return Math.abs(eta) > MUON_BARREL ? 1.7 * s : s;
        }
        double s = Math.sqrt(0.11 * 0.11 / pt + 0.012 * 0.012);
        return Math.abs(eta) > ELECTRON_BARREL ? 1.5 * s : s;
    }

    /**
     * Measured pT: Gaussian smearing with {@link #leptonResolution}; electrons lose a fraction Exp(4 %) to
     * bremsstrahlung in 12 % of cases (the low-side tail of the 4e and 2e2μ m4ℓ peaks).
     */
    static double smearLepton(SplittableRandom r, int flavour, double pt, double eta) {
        double s = pt * (1 + leptonResolution(flavour, pt, eta) * r.nextGaussian());
        if (flavour == 11 && r.nextDouble() < 0.12) {
            s *= 1 - Math.min(0.5, Sampling.exponential(r, 0.04));
        }
        return Math.max(0.5, s);
    }

    /** Relative jet pT resolution √(1/pT + 0.05²) (stochastic 100 %/√pT), ×1.3 in the forward calorimeter (|η| &gt; 3). */
    static double jetResolution(double pt, double eta) {
        double s = Math.sqrt(1.0 / pt + 0.05 * 0.05);
        return Math.abs(eta) > 3.0 ? 1.3 * s : s;
    }

    /** Jet energy-scale uncertainty [GeV]: pT·(2 % + 1.5 GeV/pT), 1.5× beyond |η| 2.5. */
    static double jesUncertainty(double pt, double eta) {
        double u = 0.02 * pt + 1.5;
        return Math.abs(eta) > 2.5 ? 1.5 * u : u;
    }

    /**
     * CSVv2-like discriminator: U^c in [0, 1] with c chosen so that b jets pass the medium working point with
     * {@link #BTAG_EFFICIENCY} and light jets with {@link #MISTAG_RATE}; −10 outside the tracker (|η| &gt; 2.4),
     * where no b tagging is possible.
     */
    static double btagDiscriminator(SplittableRandom r, boolean isB, double eta) {
        if (Math.abs(eta) > 2.4) {
            return -10.0;
        }
        return Math.pow(r.nextDouble(), isB ? B_EXPONENT : LIGHT_EXPONENT);
    }
}
