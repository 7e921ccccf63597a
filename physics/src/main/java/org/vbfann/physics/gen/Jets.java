package org.vbfann.physics.gen;

/**
 * Truth-level jets of one event (partons inside the jet acceptance), pT-ordered, with the rapidity of the
 * four-lepton system: the variables on which the jet models' densities are defined. Reused between events.
 */
final class Jets {
    /** The most truth jets an event keeps (the ntuple has 4 jet slots and 8 LHE parton slots). */
    static final int MAX = 6;

    int n;
    final double[] pt = new double[MAX];
    final double[] eta = new double[MAX];
    final double[] phi = new double[MAX];
    /** PDG id of the parton: 1–4 light quarks, 5 b, 21 gluon. */
    final int[] pdgId = new int[MAX];
    /** Rapidity of the four-lepton system. */
    double ySystem;

    void clear() {
        n = 0;
    }

    /** Appends a jet; jets beyond {@link #MAX} are dropped (the softest, after {@link #sortByPt()}). */
    void add(double ptValue, double etaValue, double phiValue, int pdg) {
        if (n < MAX) {
            pt[n] = ptValue;
            eta[n] = etaValue;
            phi[n] = phiValue;
            pdgId[n] = pdg;
            n++;
        } else {
            int soft = 0;
            for (int i = 1; i < n; i++) {
                if (pt[i] < pt[soft]) {
                    soft = i;
                }
            }
            if (ptValue > pt[soft]) {
                pt[soft] = ptValue;
                eta[soft] = etaValue;
                phi[soft] = phiValue;
                pdgId[soft] = pdg;
            }
        }
    }

    /** Insertion sort by decreasing pT (at most {@link #MAX} jets). */
    void sortByPt() {
        for (int i = 1; i < n; i++) {
            double p = pt[i];
            double e = eta[i];
            double f = phi[i];
            int id = pdgId[i];
            int j = i - 1;
            while (j >= 0 && pt[j] < p) {
                pt[j + 1] = pt[j];
                eta[j + 1] = eta[j];
                phi[j + 1] = phi[j];
                pdgId[j + 1] = pdgId[j];
                j--;
            }
            pt[j + 1] = p;
            eta[j + 1] = e;
            phi[j + 1] = f;
            pdgId[j + 1] = id;
        }
    }
}
