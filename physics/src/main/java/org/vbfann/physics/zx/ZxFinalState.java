package org.vbfann.physics.zx;

/**
 * The Z+X final-state labels of the control regions (spec §3.3): the flavour of the tight Z1 and of the loose
 * pair. {@code 2e2mu} = Z1 → ee with loose muons, {@code 2mu2e} = Z1 → μμ with loose electrons; both go to
 * channel {@code ch2e2mu} in shapes and cards.
 */
public enum ZxFinalState {
    FOUR_MU("4mu", 13, 13),
    FOUR_E("4e", 11, 11),
    TWO_E_TWO_MU("2e2mu", 11, 13),
    TWO_MU_TWO_E("2mu2e", 13, 11);

    private final String label;
    private final int tightFlavour;
    private final int looseFlavour;

    ZxFinalState(String label, int tightFlavour, int looseFlavour) {
        this.label = label;
        this.tightFlavour = tightFlavour;
        this.looseFlavour = looseFlavour;
    }

    /** "4mu", "4e", "2e2mu" or "2mu2e". */
    public String label() {
        return label;
    }

    /** |PDG id| of the tight Z1 leptons, 11 or 13. */
    public int tightFlavour() {
        return tightFlavour;
    }

    /** |PDG id| of the loose pair, 11 or 13. */
    public int looseFlavour() {
        return looseFlavour;
    }

    /**
     * Whether the loose leptons are muons (4mu, 2e2mu): the guide then uses only the 2P2F component
     * (spec §3.4 "Final states using only the 2P2F component").
     */
    public boolean looseLeptonsAreMuons() {
        return looseFlavour == 13;
    }

    /** The label of the tight Z1 flavour and loose-pair flavour (|PDG id| 11 or 13), or an error naming them. */
    public static ZxFinalState of(int tightFlavour, int looseFlavour) {
        for (ZxFinalState fs : values()) {
            if (fs.tightFlavour == Math.abs(tightFlavour) && fs.looseFlavour == Math.abs(looseFlavour)) {
                return fs;
            }
        }
        throw new IllegalArgumentException("no Z+X final state with tight flavour " + tightFlavour
                + " and loose flavour " + looseFlavour + " (expected 11 or 13)");
    }
}
