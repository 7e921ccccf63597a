package org.vbfann.physics.gen;

import java.util.List;

/**
 * The simulated processes, with the CMS 2016 dataset names of the analysis spec §2.0 (the guide's tags match
 * them unchanged), their cross sections (spec §8 A1–A3) and the calibration to the published VBF-SR yields
 * (spec §4.6). Z+X is not here: {@link ZplusXGenerator} makes it from fake rates, like the data-driven method.
 */
public enum Process {
    QQH("qqH", Production.HIGGS_JETS, 3.782, 3.02, 0.0,
            List.of(new Dataset("VBF_HToZZTo4L_M125_13TeV_powheg2_JHUgenV6_pythia8", 1.0))),
    GGH("ggH", Production.HIGGS_JETS, 48.58, 6.84, 0.0,
            List.of(new Dataset("GluGluHToZZTo4L_M125_13TeV_powheg2_minloHJJ_JHUgenV6_pythia8", 1.0))),
    WH("WH", Production.VH_W, 1.373, 0.61, 0.0,
            List.of(new Dataset("WplusH_HToZZTo4L_M125_13TeV_powheg2-minlo-HWJ_JHUgenV6_pythia8", 0.8399 / 1.373),
                    new Dataset("WminusH_HToZZTo4L_M125_13TeV_powheg2-minlo-HWJ_JHUgenV6_pythia8", 0.5327 / 1.373))),
    ZH("ZH", Production.VH_Z, 0.8839, 0.39, 0.0,
            List.of(new Dataset("ZH_HToZZ_4LFilter_M125_13TeV_powheg2-minlo-HZJ_JHUgenV6_pythia8", 1.0))),
    TTH("ttH", Production.TTH, 0.5071, 0.14, 0.0,
            List.of(new Dataset("ttH_HToZZ_4LFilter_M125_13TeV_powheg2_JHUgenV6_pythia8", 1.0))),
    QQZZ("qqZZ", Production.ZZ_JETS, 1.256, 1.75, 0.0,
            List.of(new Dataset("ZZTo4L_13TeV_powheg_pythia8", 1.0))),
    ZZJJ("ZZJJ", Production.ZZ_JETS, 0.0004404, Double.NaN, 0.0,
            List.of(new Dataset("ZZJJTo4L_EWK_13TeV-madgraph-pythia8", 1.0))),
    GGZZ("ggZZ", Production.ZZ_JETS, 0.0143, 0.14, 0.0,
            List.of(new Dataset("GluGluToContinToZZTo%s_13TeV_MCFM701_pythia8", 1.0))),
    TTZ("TTV", Production.TTZ, 0.2529, Double.NaN, 0.25,
            List.of(new Dataset("TTZToLLNuNu_M-10_TuneCUETP8M1_13TeV-amcatnlo-pythia8", 1.0)));

    /** How the event's jets and four-lepton system are produced. */
    enum Production { HIGGS_JETS, VH_W, VH_Z, TTH, ZZ_JETS, TTZ }

    /** One CMS dataset of a process and its share of the process cross section. */
    public record Dataset(String namePattern, double share) {
        /** The dataset name in a final state (ggZZ has one dataset per final state). */
        public String name(FinalState fs) {
            return namePattern.contains("%s") ? String.format(namePattern, fs.label()) : namePattern;
        }
    }

    /** BR(Z → ee, μμ)/BR(Z → ℓℓ incl. ττ, νν) = 0.0673/(0.1010 + 0.2000), PDG. */
    private static final double Z_LL_SHARE = 0.0673 / (0.1010 + 0.2000);

    private final String key;
    private final Production production;
    private final double sigmaPb;
    private final double vbfSrTarget;
    private final double negativeWeightFraction;
    private final List<Dataset> datasets;

    Process(String key, Production production, double sigmaPb, double vbfSrTarget, double negativeWeightFraction,
            List<Dataset> datasets) {
        this.key = key;
        this.production = production;
        this.sigmaPb = sigmaPb;
        this.vbfSrTarget = vbfSrTarget;
        this.negativeWeightFraction = negativeWeightFraction;
        this.datasets = datasets;
    }

    /** The process key of the ANN framework (spec §2.0: qqH, ggH, ...; ttZ is filed under TTV). */
    public String key() {
        return key;
    }

    /** Whether the process is Higgs production (mH = 125 GeV). */
    public boolean isHiggs() {
        return ordinal() <= TTH.ordinal();
    }

    Production production() {
        return production;
    }

    /** Production cross section [pb] before the decay to four leptons (see {@link #sigmaBrFb}). */
    public double sigmaPb() {
        return sigmaPb;
    }

    /**
     * The published VBF-SR yield at 35.9 fb⁻¹ in 4ℓ that the generator is calibrated to (spec §4.6; VH 1.00
     * split 0.61/0.39 by cross section, qqZZ+ZZJJ 1.77 less the small uncalibrated ZZJJ part), or NaN for
     * ZZJJ and ttZ, which have no published number and keep their nominal cross sections.
     */
    public double vbfSrTarget() {
        return vbfSrTarget;
    }

    /** Fraction of events with weight −1 (NLO-like samples; aMC@NLO FxFx for ttZ). */
    public double negativeWeightFraction() {
        return negativeWeightFraction;
    }

    /** The datasets of this process. */
    public List<Dataset> datasets() {
        return datasets;
    }

    /**
     * σ × BR into the final state [fb], ℓ = e, μ: Higgs σ × BR(H → 4ℓ) of YR4 (spec §8 A2: 3.254e-5 for 4e
     * and 4μ, 5.897e-5 for 2e2μ); ZZ → 4ℓ with ℓ = e, μ, τ split 1:1:2 over 4e, 4μ, 2e2μ out of 9 equal
     * channels (qqZZ 1.256 pb, spec A3; the EWK ZZjj value is our nominal choice); ggZZ per channel (spec A3:
     * 1.58549 fb for 4e and 4μ, 3.1942 fb for 2e2μ) times the NNLO K-factor 1.7 (spec A3); t t̄ Z → ℓℓνν
     * times the Z → ee, μμ share of Z → ℓℓ, νν and BR(W W → ℓνℓν, ℓ = e, μ) = 0.2134² (PDG), split 1:1:2.
     * The ZZJJ (0.4404 fb) and ttZ (0.2529 pb) values are the CMS 2016 sample cross sections as we recall
     * them from the CJLST table; the spec does not list them.
     */
    public double sigmaBrFb(FinalState fs) {
        double mixed = fs == FinalState.TWO_E_TWO_MU ? 1.0 : 0.0;
        return switch (production) {
            case HIGGS_JETS, VH_W, VH_Z, TTH -> sigmaPb * 1000 * (mixed == 1.0 ? 5.897e-5 : 3.254e-5);
            case ZZ_JETS -> this == GGZZ ? (mixed == 1.0 ? 3.1942 : 1.58549) * 1.7
                    : sigmaPb * 1000 * (mixed == 1.0 ? 2.0 / 9.0 : 1.0 / 9.0);
            case TTZ -> sigmaPb * 1000 * Z_LL_SHARE * 0.2134 * 0.2134 * (mixed == 1.0 ? 0.5 : 0.25);
        };
    }

    /** The process of this key, or null. */
    public static Process byKey(String key) {
        for (Process p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        return null;
    }
}
