package org.vbfann.physics.expr;

import java.util.ArrayList;
import java.util.List;
import org.vbfann.physics.Hzz4lObservables;

/**
 * Names an expression may use that are computed from the reduced-ntuple branches (analysis spec §1.1,
 * §1.3). Dijet quantities use the two leading jets of {@code f_jets_highpt_*[0..1]} and are −999 when either
 * is absent (pT = −999), like the ntuple's own {@code f_massjj}. A table column of the same name takes
 * precedence over a derived variable.
 */
public enum DerivedVariable {
    /** Invariant mass of the two leading jets [GeV], jet energy E = E_T·cosh η. */
    MJJ("mjj", "invariant mass of the two leading jets [GeV]", jets(0, 1, "pt", "eta", "phi", "et")) {
        @Override
        void compute(double[][] v, int len, double[] out, int off) {
            for (int i = 0; i < len; i++) {
                out[off + i] = absent(v[0][i]) || absent(v[4][i]) ? Hzz4lObservables.SENTINEL
                        : Hzz4lObservables.pairMass(v[0][i], v[1][i], v[2][i], Hzz4lObservables.jetEnergy(v[3][i], v[1][i]),
                        v[4][i], v[5][i], v[6][i], Hzz4lObservables.jetEnergy(v[7][i], v[5][i]));
            }
        }
    },
    /** |Δη| of the two leading jets. */
    DETAJJ("detajj", "|delta eta| of the two leading jets", jets(0, 1, "pt", "eta")) {
        @Override
        void compute(double[][] v, int len, double[] out, int off) {
            for (int i = 0; i < len; i++) {
                out[off + i] = absent(v[0][i]) || absent(v[2][i]) ? Hzz4lObservables.SENTINEL
                        : Hzz4lObservables.deltaEta(v[1][i], v[3][i]);
            }
        }
    },
    /** |Δφ| of the two leading jets [rad]. */
    DPHIJJ("dphijj", "|delta phi| of the two leading jets [rad]", jets(0, 1, "pt", "phi")) {
        @Override
        void compute(double[][] v, int len, double[] out, int off) {
            for (int i = 0; i < len; i++) {
                out[off + i] = absent(v[0][i]) || absent(v[2][i]) ? Hzz4lObservables.SENTINEL
                        : Math.abs(Hzz4lObservables.deltaPhi(v[1][i], v[3][i]));
            }
        }
    },
    /** pT of the dijet system [GeV]. */
    PTJJ("ptjj", "pT of the system of the two leading jets [GeV]", jets(0, 1, "pt", "phi")) {
        @Override
        void compute(double[][] v, int len, double[] out, int off) {
            for (int i = 0; i < len; i++) {
                out[off + i] = absent(v[0][i]) || absent(v[2][i]) ? Hzz4lObservables.SENTINEL
                        : Hzz4lObservables.pairPt(v[0][i], v[1][i], v[2][i], v[3][i]);
            }
        }
    },
    /** The Fisher D_jet = 0.18·|Δη_jj| + 1.92·10⁻⁴·m_jj recomputed from the jets. */
    DJET("djet", "Fisher D_jet = 0.18*detajj + 1.92e-4*mjj from the two leading jets",
            jets(0, 1, "pt", "eta", "phi", "et")) {
        @Override
        void compute(double[][] v, int len, double[] out, int off) {
            MJJ.compute(v, len, out, off);
            for (int i = 0; i < len; i++) {
                if (!absent(out[off + i])) {
                    out[off + i] = Hzz4lObservables.fisherDjet(Math.abs(v[1][i] - v[5][i]), out[off + i]);
                }
            }
        }
    },
    /** Zeppenfeld centrality of the 4ℓ system between the two leading jets, using f_eta4l. */
    ZSTAR("zstar", "Zeppenfeld centrality (eta4l - (eta_j1+eta_j2)/2)/|delta eta_jj|", zstarInputs()) {
        @Override
        void compute(double[][] v, int len, double[] out, int off) {
            for (int i = 0; i < len; i++) {
                out[off + i] = absent(v[1][i]) || absent(v[3][i]) ? Hzz4lObservables.SENTINEL
                        : Hzz4lObservables.zeppenfeld(v[0][i], v[2][i], v[4][i]);
            }
        }
    },
    /** Rapidity of the four-lepton system from f_pt4l, f_eta4l and f_mass4l. */
    Y4L("y4l", "rapidity of the 4-lepton system (from f_pt4l, f_eta4l, f_mass4l)",
            List.of(new Input("f_pt4l", -1), new Input("f_eta4l", -1), new Input("f_mass4l", -1))) {
        @Override
        void compute(double[][] v, int len, double[] out, int off) {
            for (int i = 0; i < len; i++) {
                out[off + i] = Hzz4lObservables.rapidity(v[0][i], v[1][i], v[2][i]);
            }
        }
    },
    /**
     * The transverse-momentum balance |p_T(4ℓ + j1 + j2)| from the four leptons and the two leading jets: small
     * when the event is 4ℓ + two jets only, larger with extra or lost jets.
     */
    PT4LJJ("pt4ljj", "pT of the system of the four leptons and the two leading jets [GeV]", balanceInputs()) {
        @Override
        void compute(double[][] v, int len, double[] out, int off) {
            for (int i = 0; i < len; i++) {
                if (absent(v[8][i]) || absent(v[10][i])) {
                    out[off + i] = Hzz4lObservables.SENTINEL;
                    continue;
                }
                double px = 0;
                double py = 0;
                for (int k = 0; k < 12; k += 2) {
                    px += v[k][i] * Math.cos(v[k + 1][i]);
                    py += v[k][i] * Math.sin(v[k + 1][i]);
                }
                out[off + i] = Math.hypot(px, py);
            }
        }
    },
    /**
     * The jet energy E = E_T·cosh η of slot i, used as {@code f_jets_highpt_e[i]} (FormatROOTs derives it,
     * spec §1.3); −999 for absent slots.
     */
    JET_ENERGY("f_jets_highpt_e", "jet energy et[i]*cosh(eta[i]) of slot i (use as f_jets_highpt_e[i])", List.of()) {
        @Override
        void compute(double[][] v, int len, double[] out, int off) {
            for (int i = 0; i < len; i++) {
                out[off + i] = absent(v[0][i]) ? Hzz4lObservables.SENTINEL : Hzz4lObservables.jetEnergy(v[0][i], v[1][i]);
            }
        }
    };

    /** One input: a branch and the array slot read from it (−1 for a scalar branch). */
    record Input(String branch, int index) {
    }

    private final String label;
    private final String description;
    private final List<Input> inputs;

    DerivedVariable(String label, String description, List<Input> inputs) {
        this.label = label;
        this.description = description;
        this.inputs = inputs;
    }

    /** The name used in expressions. */
    public String label() {
        return label;
    }

    /** One line saying what the variable is. */
    public String description() {
        return description;
    }

    /** Whether it is used with an array index ({@code name[i]}) rather than as a scalar. */
    public boolean isIndexed() {
        return this == JET_ENERGY;
    }

    /** The branches read; for indexed variables, those of slot {@code index}. */
    List<Input> inputs(int index) {
        if (this == JET_ENERGY) {
            return List.of(new Input("f_jets_highpt_et", index), new Input("f_jets_highpt_eta", index));
        }
        return inputs;
    }

    /** The branch names the variable reads. */
    public List<String> branches() {
        List<String> out = new ArrayList<>();
        for (Input in : inputs(0)) {
            if (!out.contains(in.branch())) {
                out.add(in.branch());
            }
        }
        return out;
    }

    /** Writes the values of {@code len} rows into {@code out[off..]} from the input rows {@code v[k][0..len)}. */
    abstract void compute(double[][] v, int len, double[] out, int off);

    /** The derived variable of this label, or null. */
    static DerivedVariable byLabel(String label) {
        for (DerivedVariable d : values()) {
            if (d.label.equals(label)) {
                return d;
            }
        }
        return null;
    }

    private static boolean absent(double v) {
        return Hzz4lObservables.isSentinel(v) || v != v;
    }

    /** Inputs {@code f_jets_highpt_<q>[a]} for every q, then the same for slot b. */
    private static List<Input> jets(int a, int b, String... quantities) {
        List<Input> out = new ArrayList<>();
        for (int slot : new int[] {a, b}) {
            for (String q : quantities) {
                out.add(new Input("f_jets_highpt_" + q, slot));
            }
        }
        return List.copyOf(out);
    }

    /** pT and φ of the four leptons, then of the jets in slots 0 and 1. */
    private static List<Input> balanceInputs() {
        List<Input> out = new ArrayList<>();
        for (int l = 1; l <= 4; l++) {
            out.add(new Input("f_lept" + l + "_pt", -1));
            out.add(new Input("f_lept" + l + "_phi", -1));
        }
        for (int slot = 0; slot < 2; slot++) {
            out.add(new Input("f_jets_highpt_pt", slot));
            out.add(new Input("f_jets_highpt_phi", slot));
        }
        return List.copyOf(out);
    }

    private static List<Input> zstarInputs() {
        return List.of(new Input("f_eta4l", -1), new Input("f_jets_highpt_pt", 0), new Input("f_jets_highpt_eta", 0),
                new Input("f_jets_highpt_pt", 1), new Input("f_jets_highpt_eta", 1));
    }
}
