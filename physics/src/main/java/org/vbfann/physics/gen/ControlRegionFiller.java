package org.vbfann.physics.gen;

/**
 * Writes one control-region candidate of an {@link EventFactory} (Z1 tight, Z2 loose with pass flags) into a
 * {@code ControlRegions} {@link TreeBuffer} row, in the layout of spec §1.4: region flags, pT-ordered leptons
 * with {@code f_leptN_pass}, masses, {@code f_njets_pass} as an int, MET variations, b jets, three jet slots
 * and the MELA-like discriminant.
 */
final class ControlRegionFiller {
    private static final int SLOTS = 3;
    private final TreeBuffer b;
    private final float[][] pt;
    private final float[][] ptErr;
    private final float[][] eta;
    private final float[][] phi;
    private final int[][] pdg = new int[4][];
    private final int[][] pass = new int[4][];

    ControlRegionFiller(TreeBuffer buffer) {
        this.b = buffer;
        pt = b.leptonFloats("pt");
        ptErr = b.leptonFloats("pt_error");
        eta = b.leptonFloats("eta");
        phi = b.leptonFloats("phi");
        for (int i = 0; i < 4; i++) {
            pdg[i] = b.ints("f_lept" + (i + 1) + "_pdgid");
            pass[i] = b.ints("f_lept" + (i + 1) + "_pass");
        }
    }

    void fill(int i, EventFactory e, double weight, int run, int lumi, int event) {
        b.ints("f_run")[i] = run;
        b.ints("f_lumi")[i] = lumi;
        b.ints("f_event")[i] = event;
        b.floats("f_weight")[i] = (float) weight;
        int failing = (e.lPass[2] ? 0 : 1) + (e.lPass[3] ? 0 : 1);
        b.ints("f_2p2f")[i] = failing == 2 ? 1 : 0;
        b.ints("f_3p1f")[i] = failing == 1 ? 1 : 0;
        b.ints("f_2p2p")[i] = failing == 0 ? 1 : 0;
        for (int k = 0; k < 4; k++) {
            int l = e.byPt[k];
            pt[k][i] = (float) e.lPt[l];
            ptErr[k][i] = (float) e.lPtErr[l];
            eta[k][i] = (float) e.lEta[l];
            phi[k][i] = (float) e.lPhi[l];
            pdg[k][i] = e.lFlavour[l] * -e.lCharge[l];
            pass[k][i] = e.lPass[l] ? 1 : 0;
        }
        b.floats("f_mass4l")[i] = (float) e.mass4l;
        b.floats("f_Z1mass")[i] = (float) e.mZ1;
        b.floats("f_Z2mass")[i] = (float) e.mZ2;
        b.ints("f_njets_pass")[i] = e.nJets;
        b.ints("f_Nbjets")[i] = e.nBjets;
        double[] met = new double[MetVariations.NAMES.length];
        MetVariations.compute(e, met);
        for (int k = 0; k < met.length; k++) {
            b.floats(MetVariations.NAMES[k])[i] = (float) met[k];
        }
        for (int s = 0; s < Math.min(SLOTS, e.nJets); s++) {
            int at = i * SLOTS + s;
            b.floats("f_jets_highpt_pt")[at] = (float) e.jPt[s];
            b.floats("f_jets_highpt_pt_error")[at] = (float) e.jPtErr[s];
            b.floats("f_jets_highpt_eta")[at] = (float) e.jEta[s];
            b.floats("f_jets_highpt_phi")[at] = (float) e.jPhi[s];
            b.floats("f_jets_highpt_et")[at] = (float) e.jEt[s];
        }
        b.floats("f_Djet_VAJHU")[i] = (float) e.mela;
    }
}
