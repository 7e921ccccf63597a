package org.vbfann.physics.gen;

import org.vbfann.physics.zx.ZxFinalState;

/**
 * The Z+X final-state labels of the control regions (spec §3.3): the flavour of the tight Z1 and of the loose
 * pair. {@code 2e2mu} has Z1 → ee and loose muons, {@code 2mu2e} Z1 → μμ and loose electrons; both belong to
 * the 2e2μ ntuples. The m4ℓ shape is a Landau (Moyal approximation) with the plotter parameters of spec §8 A5;
 * the VBF-SR targets are the thesis OS yields (spec §3.5: 4μ 2.03, 4e 0.33, 2ℓ2ℓ 2.72, split here 1.60 for
 * loose muons and 1.12 for loose electrons, our choice).
 */
public enum ZxChannel {
    FOUR_MU(ZxFinalState.FOUR_MU, FinalState.FOUR_MU, 2.03),
    FOUR_E(ZxFinalState.FOUR_E, FinalState.FOUR_E, 0.33),
    TWO_E_TWO_MU(ZxFinalState.TWO_E_TWO_MU, FinalState.TWO_E_TWO_MU, 1.60),
    TWO_MU_TWO_E(ZxFinalState.TWO_MU_TWO_E, FinalState.TWO_E_TWO_MU, 1.12);

    private final ZxFinalState label;
    private final FinalState finalState;
    private final double vbfSrTarget;

    ZxChannel(ZxFinalState label, FinalState finalState, double vbfSrTarget) {
        this.label = label;
        this.finalState = finalState;
        this.vbfSrTarget = vbfSrTarget;
    }

    /** The Z+X estimate's label of this channel (spec §3.3). */
    public ZxFinalState zxFinalState() {
        return label;
    }

    /** "4mu", "4e", "2e2mu" or "2mu2e" (spec §3.3). */
    public String label() {
        return label.label();
    }

    /** |PDG id| of the tight Z1 leptons. */
    public int promptFlavour() {
        return label.tightFlavour();
    }

    /** |PDG id| of the loose (fake-candidate) pair. */
    public int looseFlavour() {
        return label.looseFlavour();
    }

    /** The ntuple final state the channel's signal-region events go to. */
    public FinalState finalState() {
        return finalState;
    }

    /** True Z+X yield in the VBF-SR at 35.9 fb⁻¹ that the generator is calibrated to. */
    public double vbfSrTarget() {
        return vbfSrTarget;
    }

    /** The m4ℓ density (up to normalisation) of the Z+X population. */
    double massDensity(double m) {
        return switch (this) {
            case FOUR_E -> moyal(m, 141.9, 21.3);
            case FOUR_MU -> moyal(m, 130.4, 15.6);
            default -> 0.45 * moyal(m, 131.1, 18.1) + 0.55 * moyal(m, 133.8, 18.9);
        };
    }

    /** Moyal density exp(−(λ + e^−λ)/2)/(σ√(2π)), λ = (x − MPV)/σ: the closed-form approximation of a Landau. */
    static double moyal(double x, double mpv, double sigma) {
        double l = (x - mpv) / sigma;
        return Math.exp(-0.5 * (l + Math.exp(-l))) / (sigma * Math.sqrt(2 * Math.PI));
    }
}
