package org.vbfann.physics.gen;

import java.util.SplittableRandom;
import org.vbfann.physics.Hzz4lObservables;

/**
 * Writes one selected event of an {@link EventFactory} into row {@code i} of a reduced-tree
 * {@link TreeBuffer}, with the quirks of the original producer (spec §1.1): leptons by decreasing pT,
 * {@code f_njets_pass} as a float, {@code *_e} jet branches holding E_T, −999 for absent jets and for the
 * producer's unfilled {@code f_iso_max}/{@code f_sip_max}, {@code f_Djet_VAJHU} −1 below two jets.
 * The weight branches are set later by the sample, once the number of tried events is known.
 */
final class ReducedTreeFiller {
    private static final int SLOTS = 4;
    private static final int PARTONS = 8;
    /** Mean energy fractions of a jet in the tracker region: charged hadrons, neutral hadrons, photons, e, μ. */
    private static final double[] CENTRAL_FRACTIONS = {0.62, 0.12, 0.25, 0.005, 0.005};

    private final TreeBuffer b;
    private final float[][] lPt;
    private final float[][] lPtErr;
    private final float[][] lEta;
    private final float[][] lPhi;
    private final float[][] lCharge;
    private final float[][] lPfx;
    private final float[][] lSip;
    private final int[][] lPdg = new int[4][];
    private final float[] jetPt;
    private final float[] jetPtErr;
    private final float[] jetEta;
    private final float[] jetPhi;
    private final float[] jetEt;
    private final float[] jetArea;
    private final float[] jetPtd;
    private final float[] jetBtag;
    private final float[][] fractions;
    private final int[][] multiplicities;
    /** The legacy scalar jet copies: [slot][copy][pt, eta, phi, e]; jets 1 and 2 have two copies, jet 3 one. */
    private final float[][][] scalarJets = new float[3][][];
    private final float[][] met = new float[MetVariations.NAMES.length][];
    private final double[] metValues = new double[MetVariations.NAMES.length];

    private final boolean data;

    /** A filler for simulation ({@code data} false) or pseudo-data, which carries no generator truth. */
    ReducedTreeFiller(TreeBuffer buffer, boolean data) {
        this.b = buffer;
        this.data = data;
        lPt = b.leptonFloats("pt");
        lPtErr = b.leptonFloats("pt_error");
        lEta = b.leptonFloats("eta");
        lPhi = b.leptonFloats("phi");
        lCharge = b.leptonFloats("charge");
        lPfx = b.leptonFloats("pfx");
        lSip = b.leptonFloats("sip");
        for (int i = 0; i < 4; i++) {
            lPdg[i] = b.ints("f_lept" + (i + 1) + "_pdgid");
        }
        jetPt = b.floats("f_jets_highpt_pt");
        jetPtErr = b.floats("f_jets_highpt_pt_error");
        jetEta = b.floats("f_jets_highpt_eta");
        jetPhi = b.floats("f_jets_highpt_phi");
        jetEt = b.floats("f_jets_highpt_et");
        jetArea = b.floats("f_jets_highpt_area");
        jetPtd = b.floats("f_jets_highpt_ptd");
        jetBtag = b.floats("f_jets_highpt_btagger");
        String[] energies = {"charged_hadron", "neutral_hadron", "photon", "electron", "muon", "hf_hadron", "hf_em",
            "charged_em", "charged_mu", "neutral_em"};
        fractions = new float[energies.length][];
        for (int k = 0; k < energies.length; k++) {
            fractions[k] = b.floats("f_jets_highpt_" + energies[k] + "_energy");
        }
        String[] counts = {"charged_hadron", "neutral_hadron", "photon", "electron", "muon", "hf_hadron", "hf_em",
            "charged", "neutral"};
        multiplicities = new int[counts.length + 1][];
        for (int k = 0; k < counts.length; k++) {
            multiplicities[k] = b.ints("f_jets_highpt_" + counts[k] + "_multiplicity");
        }
        multiplicities[counts.length] = b.ints("f_jets_highpt_ncomponents");
        String[][] prefixes = {{"f_jet1", "f_jet1_highpt"}, {"f_jet2", "f_jet2_highpt"}, {"f_jet3_highpt"}};
        String[] q = {"_pt", "_eta", "_phi", "_e"};
        for (int slot = 0; slot < 3; slot++) {
            scalarJets[slot] = new float[prefixes[slot].length * 4][];
            for (int c = 0; c < prefixes[slot].length; c++) {
                for (int k = 0; k < 4; k++) {
                    scalarJets[slot][c * 4 + k] = b.floats(prefixes[slot][c] + q[k]);
                }
            }
        }
        for (int k = 0; k < met.length; k++) {
            met[k] = b.floats(MetVariations.NAMES[k]);
        }
    }

    /** Fills row {@code i} from the factory's current event; {@code r} draws the per-event nuisance values. */
    void fill(int i, EventFactory e, SplittableRandom r, int run, int lumi, int event) {
        b.ints("f_run")[i] = run;
        b.ints("f_lumi")[i] = lumi;
        b.ints("f_event")[i] = event;
        for (int k = 0; k < 4; k++) {
            int l = e.byPt[k];
            lPt[k][i] = (float) e.lPt[l];
            lPtErr[k][i] = (float) e.lPtErr[l];
            lEta[k][i] = (float) e.lEta[l];
            lPhi[k][i] = (float) e.lPhi[l];
            lCharge[k][i] = e.lCharge[l];
            lPdg[k][i] = e.lFlavour[l] * -e.lCharge[l];
            // prompt isolation ~ Exp(0.05) below the 0.35 cut; passing fakes are spread over the allowed range
            double iso = e.lFake[l] ? 0.35 * r.nextDouble() : Math.min(0.349, Sampling.exponential(r, 0.05));
            lPfx[k][i] = (float) iso;
            double sip;
            do {
                sip = Math.abs((e.lFake[l] ? 1.8 : 1.1) * r.nextGaussian());
            } while (sip >= 4);
            lSip[k][i] = (float) sip;
        }
        b.floats("f_Z1mass")[i] = (float) e.mZ1;
        b.floats("f_Z2mass")[i] = (float) e.mZ2;
        b.floats("f_angle_costhetastar")[i] = (float) e.angles.cosThetaStar;
        b.floats("f_angle_costheta1")[i] = (float) e.angles.cosTheta1;
        b.floats("f_angle_costheta2")[i] = (float) e.angles.cosTheta2;
        b.floats("f_angle_phi")[i] = (float) e.angles.phi;
        b.floats("f_angle_phistar1")[i] = (float) e.angles.phi1;
        b.floats("f_pt4l")[i] = (float) e.pt4l;
        b.floats("f_eta4l")[i] = (float) e.eta4l;
        b.floats("f_mass4l")[i] = (float) e.mass4l;
        b.floats("f_mass4lErr")[i] = (float) e.mass4lErr;
        fillJets(i, e, r);
        fillMet(i, e);
        if (!data) {
            b.doubles(NtupleSchema.TRUTH_LR)[i] = Math.exp(Math.max(-700, Math.min(700, e.truthLogLr)));
        }
        b.ints("f_Ngood")[i] = 4 + e.extraLeptons;
        b.ints("f_Nbjets")[i] = e.nBjets;
        b.ints("f_category")[i] = category(e);
        b.floats("f_pfmet_theta")[i] = (float) (Math.PI / 2);
    }

    private void fillJets(int i, EventFactory e, SplittableRandom r) {
        int n = e.nJets;
        b.floats("f_njets_pass")[i] = n;
        for (int s = 0; s < Math.min(SLOTS, n); s++) {
            int at = i * SLOTS + s;
            jetPt[at] = (float) e.jPt[s];
            jetPtErr[at] = (float) e.jPtErr[s];
            jetEta[at] = (float) e.jEta[s];
            jetPhi[at] = (float) e.jPhi[s];
            jetEt[at] = (float) e.jEt[s];
            jetArea[at] = (float) (0.503 + 0.03 * r.nextGaussian());
            jetPtd[at] = (float) Math.min(1.0, Math.max(0.05, 0.45 + 0.12 * r.nextGaussian()));
            jetBtag[at] = (float) e.jBtag[s];
            fillComposition(at, e.jE[s], Math.abs(e.jEta[s]) > 3.0, r);
        }
        for (int s = 0; s < 3 && s < n; s++) {
            float[][] copies = scalarJets[s];
            for (int c = 0; c < copies.length; c += 4) {
                copies[c][i] = (float) e.jPt[s];
                copies[c + 1][i] = (float) e.jEta[s];
                copies[c + 2][i] = (float) e.jPhi[s];
                copies[c + 3][i] = (float) e.jEt[s];
            }
        }
        if (n >= 2) {
            double mjj = Hzz4lObservables.pairMass(e.jPt[0], e.jEta[0], e.jPhi[0], e.jE[0], e.jPt[1], e.jEta[1], e.jPhi[1], e.jE[1]);
            double deta = Hzz4lObservables.deltaEta(e.jEta[0], e.jEta[1]);
            b.floats("f_massjj")[i] = (float) mjj;
            b.floats("f_deltajj")[i] = (float) deta;
            b.floats("f_D_jet")[i] = (float) Hzz4lObservables.fisherDjet(deta, mjj);
        }
        b.floats("f_Djet_VAJHU")[i] = (float) e.mela;
        b.floats("f_Djet_VAJHU_UncUp")[i] = (float) e.melaUp;
        b.floats("f_Djet_VAJHU_UncDn")[i] = (float) e.melaDn;
        if (data) {
            return;
        }
        int np = Math.min(PARTONS, e.truth.n);
        b.ints("f_lhe_npartons")[i] = np;
        for (int p = 0; p < np; p++) {
            int at = i * PARTONS + p;
            b.bytes("f_lhe_parton_clear")[at] = 1;
            b.ints("f_lhe_parton_pdgid")[at] = e.truth.pdgId[p];
            b.floats("f_lhe_parton_pt")[at] = (float) e.truth.pt[p];
            b.floats("f_lhe_parton_eta")[at] = (float) e.truth.eta[p];
            b.floats("f_lhe_parton_phi")[at] = (float) e.truth.phi[p];
            b.floats("f_lhe_parton_e")[at] = (float) (e.truth.pt[p] * Math.cosh(e.truth.eta[p]));
        }
    }

    /**
     * Particle-flow composition of a jet of energy E: Dirichlet fractions (concentration 40) around the
     * typical means (central: 62 % charged hadrons, 12 % neutral hadrons, 25 % photons, 0.5 % e, 0.5 % μ;
     * beyond |η| 3 the forward calorimeter: 60 % HF hadrons, 40 % HF EM); constituent counts Poisson with
     * means proportional to the energies (one charged hadron per 6 GeV, photon per 4 GeV, ...).
     */
    private void fillComposition(int at, double energy, boolean forward, SplittableRandom r) {
        double[] w = new double[7];
        double sum = 0;
        if (forward) {
            w[5] = Sampling.gamma(r, 40 * 0.6, 1);
            w[6] = Sampling.gamma(r, 40 * 0.4, 1);
            sum = w[5] + w[6];
        } else {
            for (int k = 0; k < CENTRAL_FRACTIONS.length; k++) {
                w[k] = Sampling.gamma(r, 40 * CENTRAL_FRACTIONS[k], 1);
                sum += w[k];
            }
        }
        double[] perConstituent = {6.0, 10.0, 4.0, 5.0, 5.0, 8.0, 6.0};
        int charged = 0;
        int neutral = 0;
        for (int k = 0; k < 7; k++) {
            double ek = energy * w[k] / sum;
            fractions[k][at] = (float) ek;
            int count = ek > 0 ? (int) Math.max(1, Sampling.poisson(r, ek / perConstituent[k])) : 0;
            multiplicities[k][at] = count;
            if (k == 0 || k == 3 || k == 4) {
                charged += count;
            } else {
                neutral += count;
            }
        }
        fractions[7][at] = fractions[3][at];
        fractions[8][at] = fractions[4][at];
        fractions[9][at] = fractions[2][at];
        multiplicities[7][at] = charged;
        multiplicities[8][at] = neutral;
        multiplicities[9][at] = charged + neutral;
    }

    private void fillMet(int i, EventFactory e) {
        double[] v = metValues;
        MetVariations.compute(e, v);
        for (int k = 0; k < v.length; k++) {
            met[k][i] = (float) v[k];
        }
        double met = v[0];
        b.floats("f_pfmet_phi")[i] = (float) Math.atan2(e.metY, e.metX);
        if (!data) {
            b.floats("f_genmet")[i] = (float) Math.hypot(e.nuX, e.nuY);
        }
        double dphi = Hzz4lObservables.deltaPhi(e.phi4l, Math.atan2(e.metY, e.metX));
        b.floats("f_dphi")[i] = (float) dphi;
        b.floats("f_mT")[i] = (float) Math.sqrt(Math.max(0, 2 * e.pt4l * met * (1 - Math.cos(dphi))));
    }

    /**
     * The legacy category code (not used by the VBF workflow), after the 2015 CJLST scheme (spec §8 A7):
     * 5 t t̄ H-like (≥ 1 b jet and ≥ 4 jets or an extra lepton with a b jet), 3 VH-leptonic (extra lepton),
     * 2 VBF-tagged (≥ 2 jets, ≤ 1 b jet, D_jet &gt; 0.5), 4 VH-hadronic (≥ 2 jets, 60 &lt; m_jj &lt; 120 GeV),
     * 6 VH-MET (MET &gt; 100 GeV), 1 one jet, 0 otherwise.
     */
    private int category(EventFactory e) {
        boolean twoJets = e.nJets >= 2;
        double mjj = twoJets ? Hzz4lObservables.pairMass(e.jPt[0], e.jEta[0], e.jPhi[0], e.jE[0], e.jPt[1], e.jEta[1], e.jPhi[1], e.jE[1]) : 0;
        double djet = twoJets ? Hzz4lObservables.fisherDjet(Hzz4lObservables.deltaEta(e.jEta[0], e.jEta[1]), mjj) : 0;
        if (e.nBjets >= 1 && (e.nJets >= 4 || e.extraLeptons > 0)) {
            return 5;
        }
        if (e.extraLeptons > 0) {
            return 3;
        }
        if (twoJets && e.nBjets <= 1 && djet > 0.5) {
            return 2;
        }
        if (twoJets && mjj > 60 && mjj < 120) {
            return 4;
        }
        if (Math.hypot(e.metX, e.metY) > 100) {
            return 6;
        }
        return e.nJets == 1 ? 1 : 0;
    }
}
