package org.vbfann.physics.gen;

/**
 * The three four-lepton final states of the reduced ntuples, each with its own folder
 * {@code histos<label>_25ns} (analysis spec §1.1: the final state is read from the file path).
 */
public enum FinalState {
    FOUR_MU("4mu", 13, 13),
    FOUR_E("4e", 11, 11),
    TWO_E_TWO_MU("2e2mu", 11, 13);

    private final String label;
    private final int flavourA;
    private final int flavourB;

    FinalState(String label, int flavourA, int flavourB) {
        this.label = label;
        this.flavourA = flavourA;
        this.flavourB = flavourB;
    }

    /** "4mu", "4e" or "2e2mu". */
    public String label() {
        return label;
    }

    /** The folder of this final state's files, e.g. {@code histos4mu_25ns}. */
    public String directory() {
        return "histos" + label + "_25ns";
    }

    /** |PDG id| of the leptons of the first Z of the generated pair (11 or 13). */
    int flavourA() {
        return flavourA;
    }

    /** |PDG id| of the leptons of the second Z. */
    int flavourB() {
        return flavourB;
    }
}
