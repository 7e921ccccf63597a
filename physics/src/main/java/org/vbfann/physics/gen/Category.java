package org.vbfann.physics.gen;

/**
 * The analysis categories of spec §2.0. VBF-SR: ((2 ≤ njets ≤ 3 and nbjets ≤ 1) or (njets ≥ 4 and nbjets = 0))
 * and 118 ≤ m4ℓ ≤ 130 GeV, both ends inclusive; Njets2 = VBF-SR with njets = 2; Njets3 = VBF-SR with njets ≥ 3.
 */
public enum Category {
    VBF_SR("VBF-SR"), NJETS2("Njets2"), NJETS3("Njets3");

    /** Signal-window edges [GeV], inclusive (spec §2.0). */
    public static final double M4L_LOW = 118.0;
    public static final double M4L_HIGH = 130.0;

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** "VBF-SR", "Njets2" or "Njets3". */
    public String label() {
        return label;
    }

    /** Whether an event of these reconstructed values is in the VBF signal region. */
    public static boolean inVbfSr(int njets, int nbjets, double mass4l) {
        boolean jets = (njets >= 2 && njets <= 3 && nbjets <= 1) || (njets > 3 && nbjets == 0);
        return jets && mass4l >= M4L_LOW && mass4l <= M4L_HIGH;
    }

    /** Whether such an event is in this category. */
    public boolean contains(int njets, int nbjets, double mass4l) {
        if (!inVbfSr(njets, nbjets, mass4l)) {
            return false;
        }
        return switch (this) {
            case VBF_SR -> true;
            case NJETS2 -> njets == 2;
            case NJETS3 -> njets >= 3;
        };
    }
}
