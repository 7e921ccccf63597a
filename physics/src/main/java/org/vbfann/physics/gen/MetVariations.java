package org.vbfann.physics.gen;

/**
 * PF MET and its twelve systematic variations (spec §1.2), shared by the reduced and control-region trees.
 * Scaling a source's objects up by its uncertainty (JetEn 3 %, JetRes 2 %, ElectronEn 0.6 %, MuonEn 0.2 %,
 * PhotonEn 0.25 % of the jets, UnclusteredEn 10 % of the soft recoil) moves the MET vector by minus that
 * shift; down by plus.
 */
final class MetVariations {
    /** Branch names in the order of {@link #compute}: nominal, then Up/Dn per source. */
    static final String[] NAMES = {"f_pfmet",
        "f_pfmet_JetEnUp", "f_pfmet_JetEnDn", "f_pfmet_JetResUp", "f_pfmet_JetResDn",
        "f_pfmet_ElectronEnUp", "f_pfmet_ElectronEnDn", "f_pfmet_MuonEnUp", "f_pfmet_MuonEnDn",
        "f_pfmet_UnclusteredEnUp", "f_pfmet_UnclusteredEnDn", "f_pfmet_PhotonEnUp", "f_pfmet_PhotonEnDn"};

    private MetVariations() {
    }

    /** Writes the 13 values of {@link #NAMES} for the factory's current event into {@code out}. */
    static void compute(EventFactory e, double[] out) {
        double jx = 0;
        double jy = 0;
        for (int s = 0; s < e.nJets; s++) {
            jx += e.jPt[s] * Math.cos(e.jPhi[s]);
            jy += e.jPt[s] * Math.sin(e.jPhi[s]);
        }
        double ex = 0;
        double ey = 0;
        double mx = 0;
        double my = 0;
        for (int l = 0; l < 4; l++) {
            double px = e.lPt[l] * Math.cos(e.lPhi[l]);
            double py = e.lPt[l] * Math.sin(e.lPhi[l]);
            if (e.lFlavour[l] == 11) {
                ex += px;
                ey += py;
            } else {
                mx += px;
                my += py;
            }
        }
        double ux = -(e.metX + jx + ex + mx);
        double uy = -(e.metY + jy + ey + my);
        out[0] = Math.hypot(e.metX, e.metY);
        shift(e, out, 1, 0.03 * jx, 0.03 * jy);
        shift(e, out, 3, 0.02 * jx, 0.02 * jy);
        shift(e, out, 5, 0.006 * ex, 0.006 * ey);
        shift(e, out, 7, 0.002 * mx, 0.002 * my);
        shift(e, out, 9, 0.1 * ux, 0.1 * uy);
        shift(e, out, 11, 0.0025 * jx, 0.0025 * jy);
    }

    private static void shift(EventFactory e, double[] out, int at, double dx, double dy) {
        out[at] = Math.hypot(e.metX - dx, e.metY - dy);
        out[at + 1] = Math.hypot(e.metX + dx, e.metY + dy);
    }
}
