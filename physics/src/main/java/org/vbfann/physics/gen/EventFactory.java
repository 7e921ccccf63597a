package org.vbfann.physics.gen;

import java.util.SplittableRandom;
import org.vbfann.physics.FourVector;
import org.vbfann.physics.Hzz4lObservables;

/**
 * Makes one candidate event per {@link #generate()} call: production (truth jets and the four-lepton system),
 * the decay to leptons, the detector response and the HZZ4ℓ selection. When the candidate passes, the public
 * state holds everything the trees need. One factory serves one sample and is reused; not thread-safe.
 */
final class EventFactory {
    /** Which leptons must pass the tight selection. */
    enum Region {
        /** All four leptons tight: the signal-region ntuples. */
        SIGNAL,
        /** Z1 tight, the Z2 leptons loose with pass flags: the Z+X control-region trees. */
        CONTROL
    }

    private static final double M_W = 80.379;
    private static final double GAMMA_W = 2.085;
    /** Per-component Gaussian spread of the system pT around minus the truth jets' sum [GeV]. */
    static final double RECOIL_SIGMA = 10.0;
    private static final double BR_W_LNU = 0.2134;
    private static final double BR_Z_NUNU = 0.2000;
    private static final double BR_Z_LL = 0.0673;
    /** Probability of one pile-up jet per event, pT = 30 GeV + Exp(mean {@link #PILEUP_PT_MEAN}), η uniform in ±4.7. */
    static final double PILEUP_JET_PROBABILITY = 0.04;
    static final double PILEUP_PT_MEAN = 8.0;

    private static final TabulatedDistribution QQZZ_MASS = new TabulatedDistribution(EventFactory::qqzzMassDensity, 70, 1000, 9301);
    private static final TabulatedDistribution GGZZ_MASS = new TabulatedDistribution(EventFactory::ggzzMassDensity, 70, 1000, 9301);
    private static final TabulatedDistribution TTZ_MASS = new TabulatedDistribution(m -> ZxChannel.moyal(m, 250, 70), 70, 1000, 9301);

    private final Process process;
    private final ZxChannel zx;
    private final FinalState finalState;
    private final Region region;
    private final SplittableRandom r;
    private final TabulatedDistribution zxMass;
    private final FourLeptonSystem system = new FourLeptonSystem();
    /** The true leptons (their sum is the true four-lepton momentum). */
    final FourVector[] leptons4 = new FourVector[4];
    /** Transverse momentum of the four-lepton system in V H and t t̄ X production. */
    private double vhPx;
    private double vhPy;
    final DecayAngles angles = new DecayAngles();

    // truth
    final Jets truth = new Jets();
    double truthLogLr;
    double nuX;
    double nuY;
    int extraLeptons;
    double extraLeptonPt;

    // reco leptons in generation order (pair A: 0, 1; pair B: 2, 3), negative lepton first in each pair
    final double[] lPt = new double[4];
    final double[] lEta = new double[4];
    final double[] lPhi = new double[4];
    final int[] lFlavour = new int[4];
    final int[] lCharge = new int[4];
    final double[] lPtErr = new double[4];
    final boolean[] lPass = new boolean[4];
    final boolean[] lFake = new boolean[4];
    /** Reco Z1 = leptons z1[0], z1[1]; Z2 = z2[0], z2[1] (negative lepton first). */
    final int[] z1 = new int[2];
    final int[] z2 = new int[2];
    /** Lepton indices by decreasing reco pT. */
    final int[] byPt = new int[4];
    double mZ1;
    double mZ2;
    double mass4l;
    double mass4lErr;
    double pt4l;
    double eta4l;
    double y4l;
    double phi4l;

    // reco jets, pT-ordered
    static final int MAX_JETS = 8;
    int nJets;
    final double[] jPt = new double[MAX_JETS];
    final double[] jEta = new double[MAX_JETS];
    final double[] jPhi = new double[MAX_JETS];
    final double[] jEt = new double[MAX_JETS];
    final double[] jE = new double[MAX_JETS];
    final double[] jPtErr = new double[MAX_JETS];
    final double[] jBtag = new double[MAX_JETS];
    int nBjets;
    double metX;
    double metY;
    double mela;
    double melaUp;
    double melaDn;

    private EventFactory(Process process, ZxChannel zx, FinalState fs, Region region, SplittableRandom r) {
        this.process = process;
        this.zx = zx;
        this.finalState = fs;
        this.region = region;
        this.r = r;
        this.zxMass = zx == null ? null : new TabulatedDistribution(zx::massDensity, 70, 1000, 9301);
    }

    /** A factory of events of a simulated process. */
    static EventFactory forProcess(Process p, FinalState fs, Region region, SplittableRandom r) {
        return new EventFactory(p, null, fs, region, r);
    }

    /** A factory of Z + two fake-candidate leptons (the Z+X population), always with control-region flags. */
    static EventFactory forZplusX(ZxChannel channel, SplittableRandom r) {
        return new EventFactory(null, channel, channel.finalState(), Region.CONTROL, r);
    }

    /** Whether the Z2 pair of a Z+X event passes: the event is signal-region-like (2P2P). */
    boolean allPass() {
        return lPass[0] && lPass[1] && lPass[2] && lPass[3];
    }

    /** One candidate; true when it passes the selection (then the fields describe it). */
    boolean generate() {
        produce();
        if (!reconstructLeptons()) {
            return false;
        }
        reconstructJets();
        reconstructMet();
        computeDiscriminants();
        return true;
    }

    // ---------------------------------------------------------------- production

    private void produce() {
        nuX = 0;
        nuY = 0;
        extraLeptons = 0;
        extraLeptonPt = 0;
        double mass;
        FourLeptonSystem.Masses kind;
        double sysPx;
        double sysPy;
        if (zx != null) {
            JetModel.ZJETS.sample(r, truth);
            mass = zxMass.sample(r);
            kind = FourLeptonSystem.Masses.Z_PLUS_PAIR;
            sysPx = recoilX();
            sysPy = recoilY();
        } else {
            switch (process.production()) {
                case HIGGS_JETS -> {
                    JetModel m = process == Process.QQH ? JetModel.VBF : JetModel.GGH;
                    m.sample(r, truth);
                    if (process == Process.QQH) {
                        markQuarks(2);
                    }
                    mass = 125.0;
                    kind = FourLeptonSystem.Masses.HIGGS;
                }
                case ZZ_JETS -> {
                    JetModel m = process == Process.ZZJJ ? JetModel.ZZJJ : process == Process.GGZZ ? JetModel.GGH : JetModel.QQZZ;
                    m.sample(r, truth);
                    if (process == Process.ZZJJ) {
                        markQuarks(2);
                    }
                    mass = (process == Process.GGZZ ? GGZZ_MASS : QQZZ_MASS).sample(r);
                    kind = FourLeptonSystem.Masses.CONTINUUM;
                }
                case VH_W, VH_Z -> {
                    produceVh(process.production() == Process.Production.VH_W);
                    mass = 125.0;
                    kind = FourLeptonSystem.Masses.HIGGS;
                }
                case TTH -> {
                    produceTops(true);
                    mass = 125.0;
                    kind = FourLeptonSystem.Masses.HIGGS;
                }
                default -> {
                    produceTops(false);
                    mass = TTZ_MASS.sample(r);
                    kind = FourLeptonSystem.Masses.Z_PLUS_PAIR;
                }
            }
            if (process.production() == Process.Production.HIGGS_JETS || process.production() == Process.Production.ZZ_JETS) {
                sysPx = recoilX();
                sysPy = recoilY();
            } else {
                sysPx = vhPx;
                sysPy = vhPy;
            }
        }
        truth.sortByPt();
        system.sampleMasses(r, kind, mass);
        int fa = zx != null ? zx.promptFlavour() : finalState.flavourA();
        int fb = zx != null ? zx.looseFlavour() : finalState.flavourB();
        if (zx == null && fa != fb && r.nextBoolean()) {
            int t = fa;
            fa = fb;
            fb = t;
        }
        system.decay(r, mass, sysPx, sysPy, truth.ySystem, fa, fb, leptons4);
        for (int i = 0; i < 4; i++) {
            lFlavour[i] = i < 2 ? fa : fb;
            lCharge[i] = i % 2 == 0 ? -1 : 1;
        }
        truthLogLr = JetModel.VBF.logDensity(truth) - JetModel.GGH.logDensity(truth);
    }

    private double recoilX() {
        double s = RECOIL_SIGMA * r.nextGaussian();
        for (int i = 0; i < truth.n; i++) {
            s -= truth.pt[i] * Math.cos(truth.phi[i]);
        }
        return s;
    }

    private double recoilY() {
        double s = RECOIL_SIGMA * r.nextGaussian();
        for (int i = 0; i < truth.n; i++) {
            s -= truth.pt[i] * Math.sin(truth.phi[i]);
        }
        return s;
    }

    private void markQuarks(int n) {
        for (int i = 0; i < Math.min(n, truth.n); i++) {
            truth.pdgId[i] = (1 + r.nextInt(4)) * (r.nextBoolean() ? 1 : -1);
        }
    }

    /**
     * W H / Z H: the Higgs with pT ~ 20 + Gamma(2, 30) GeV, the vector boson balancing it with rapidity
     * y_H + N(0, 1.2); W → ℓν 21.34 %, Z → νν 20 %, Z → ℓℓ 6.73 % (ℓ = e, μ, PDG), otherwise V → q q̄
     * decayed isotropically (quarks inside the jet acceptance become jets); initial-state radiation adds one
     * ggH-like jet in 35 % of events.
     */
    private void produceVh(boolean w) {
        truth.clear();
        double ptH = 20 + Sampling.gamma(r, 2.0, 30.0);
        double phiH = Sampling.phi(r);
        double yH = Sampling.truncatedGauss(r, 0, 1.5, 6);
        double mV;
        do {
            mV = w ? M_W + 0.5 * GAMMA_W * Math.tan(Math.PI * (r.nextDouble() - 0.5))
                    : FourLeptonSystem.M_Z + 0.5 * FourLeptonSystem.GAMMA_Z * Math.tan(Math.PI * (r.nextDouble() - 0.5));
        } while (Math.abs(mV - (w ? M_W : FourLeptonSystem.M_Z)) > 20);
        double yV = yH + 1.2 * r.nextGaussian();
        double vpx = -ptH * Math.cos(phiH);
        double vpy = -ptH * Math.sin(phiH);
        double mtV = Math.sqrt(mV * mV + ptH * ptH);
        FourVector v = new FourVector(vpx, vpy, mtV * Math.sinh(yV), mtV * Math.cosh(yV));
        double u = r.nextDouble();
        boolean leptonic = w ? u < BR_W_LNU : u < BR_Z_NUNU + BR_Z_LL;
        FourVector[] d = twoBody(v, mV);
        if (!leptonic) {
            addJetIfAccepted(d[0], 1 + r.nextInt(4));
            addJetIfAccepted(d[1], 1 + r.nextInt(4));
        } else if (w) {
            extraLeptons = 1;
            extraLeptonPt = d[0].pt();
            nuX += d[1].px();
            nuY += d[1].py();
        } else if (u < BR_Z_NUNU) {
            nuX += v.px();
            nuY += v.py();
        } else {
            extraLeptons = 2;
            extraLeptonPt = Math.max(d[0].pt(), d[1].pt());
        }
        if (r.nextDouble() < 0.35) {
            addIsrJet();
        }
        truth.ySystem = yH;
        vhPx = ptH * Math.cos(phiH) + RECOIL_SIGMA * r.nextGaussian();
        vhPy = ptH * Math.sin(phiH) + RECOIL_SIGMA * r.nextGaussian();
    }

    /**
     * t t̄ H / t t̄ Z: two b jets of pT 20 + Gamma(2, 30) GeV and η ~ N(0, 1.3); for t t̄ H each W decays to
     * q q̄' (67.66 %, jets of pT 12 + Gamma(1.6, 25) GeV, η ~ N(0, 1.5)) or ℓν; for t t̄ Z both W decay
     * leptonically and their leptons form the second pair. The system has pT ~ Gamma(2, 40) GeV.
     */
    private void produceTops(boolean higgs) {
        truth.clear();
        for (int t = 0; t < 2; t++) {
            addJetIfAccepted(20 + Sampling.gamma(r, 2.0, 30.0), 1.3 * r.nextGaussian(), Sampling.phi(r), 5);
            if (higgs) {
                if (r.nextDouble() < 0.6766) {
                    addJetIfAccepted(12 + Sampling.gamma(r, 1.6, 25.0), 1.5 * r.nextGaussian(), Sampling.phi(r), 1 + r.nextInt(4));
                    addJetIfAccepted(12 + Sampling.gamma(r, 1.6, 25.0), 1.5 * r.nextGaussian(), Sampling.phi(r), 1 + r.nextInt(4));
                } else {
                    double pnu = Sampling.gamma(r, 2.0, 15.0);
                    double ph = Sampling.phi(r);
                    nuX += pnu * Math.cos(ph);
                    nuY += pnu * Math.sin(ph);
                    if (r.nextDouble() < 2 * BR_W_LNU / (1 - 0.6766)) {
                        extraLeptons++;
                        extraLeptonPt = Math.max(extraLeptonPt, 10 + Sampling.gamma(r, 2.0, 15.0));
                    }
                }
            } else {
                double pnu = Sampling.gamma(r, 2.0, 15.0);
                double ph = Sampling.phi(r);
                nuX += pnu * Math.cos(ph);
                nuY += pnu * Math.sin(ph);
            }
        }
        if (r.nextDouble() < 0.4) {
            addIsrJet();
        }
        truth.ySystem = 1.2 * r.nextGaussian();
        double pt = Sampling.gamma(r, 2.0, 40.0);
        double ph = Sampling.phi(r);
        vhPx = pt * Math.cos(ph);
        vhPy = pt * Math.sin(ph);
    }

    private FourVector[] twoBody(FourVector parent, double m) {
        double q = m / 2;
        double cost = 2 * r.nextDouble() - 1;
        double sint = Math.sqrt(1 - cost * cost);
        double ph = Sampling.phi(r);
        FourVector a = new FourVector(q * sint * Math.cos(ph), q * sint * Math.sin(ph), q * cost, q);
        FourVector b = new FourVector(-a.px(), -a.py(), -a.pz(), q);
        double bx = parent.px() / parent.e();
        double by = parent.py() / parent.e();
        double bz = parent.pz() / parent.e();
        return new FourVector[] {a.boost(bx, by, bz), b.boost(bx, by, bz)};
    }

    private void addJetIfAccepted(FourVector p, int pdg) {
        addJetIfAccepted(p.pt(), p.eta(), p.phi(), pdg);
    }

    private void addJetIfAccepted(double pt, double eta, double phi, int pdg) {
        if (pt > JetModel.PT_MIN && Math.abs(eta) < JetModel.ETA_MAX) {
            truth.add(pt, eta, phi, pdg);
        }
    }

    private void addIsrJet() {
        addJetIfAccepted(JetModel.PT_MIN + Sampling.gamma(r, 1.3, 28.0), Sampling.truncatedGauss(r, 0, 1.6, JetModel.ETA_MAX),
                Sampling.phi(r), 21);
    }

    // ---------------------------------------------------------------- leptons and selection

    private boolean reconstructLeptons() {
        for (int i = 0; i < 4; i++) {
            FourVector t = leptons4[i];
            double eta = t.eta();
            double pt = Detector.smearLepton(r, lFlavour[i], t.pt(), eta);
            lPt[i] = pt;
            lEta[i] = eta;
            lPhi[i] = t.phi();
            lPtErr[i] = pt * Detector.leptonResolution(lFlavour[i], pt, eta);
            if (!Detector.inAcceptance(lFlavour[i], pt, eta)) {
                return false;
            }
            boolean fake = zx != null && i >= 2;
            double p = fake ? FakeRateModel.fakeRate(lFlavour[i], pt, Math.abs(eta)) : Detector.efficiency(lFlavour[i], pt, eta);
            lPass[i] = r.nextDouble() < p;
            lFake[i] = fake;
            boolean mustPass = region == Region.SIGNAL || i < 2;
            if (mustPass && !lPass[i]) {
                return false;
            }
        }
        if (region == Region.SIGNAL) {
            choosePairs();
        } else {
            z1[0] = 0;
            z1[1] = 1;
            z2[0] = 2;
            z2[1] = 3;
        }
        mZ1 = pairMass(z1[0], z1[1]);
        mZ2 = pairMass(z2[0], z2[1]);
        if (mZ1 < 40 || mZ1 > 120 || mZ2 < 12 || mZ2 > 120) {
            return false;
        }
        sortLeptonsByPt();
        if (lPt[byPt[0]] < 20 || lPt[byPt[1]] < 10) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                if (lCharge[i] != lCharge[j] && pairMass(i, j) < 4) {
                    return false;
                }
                if (Hzz4lObservables.deltaR(lEta[i], lPhi[i], lEta[j], lPhi[j]) < 0.02) {
                    return false;
                }
            }
        }
        computeSystem();
        return mass4l > 70;
    }

    /** Z1 = the opposite-sign same-flavour pair closest to m_Z, Z2 = the other two (spec §2.0). */
    private void choosePairs() {
        double a = pairMass(0, 1);
        double b = pairMass(2, 3);
        int[] first = {0, 1};
        int[] second = {2, 3};
        double best = Math.min(Math.abs(a - FourLeptonSystem.M_Z), Math.abs(b - FourLeptonSystem.M_Z));
        boolean firstIsZ1 = Math.abs(a - FourLeptonSystem.M_Z) <= Math.abs(b - FourLeptonSystem.M_Z);
        if (lFlavour[0] == lFlavour[2]) {
            // same flavour: the crossed pairing (0,3)(2,1) is also possible
            double c = pairMass(0, 3);
            double d = pairMass(2, 1);
            double crossBest = Math.min(Math.abs(c - FourLeptonSystem.M_Z), Math.abs(d - FourLeptonSystem.M_Z));
            if (crossBest < best) {
                first = new int[] {0, 3};
                second = new int[] {2, 1};
                firstIsZ1 = Math.abs(c - FourLeptonSystem.M_Z) <= Math.abs(d - FourLeptonSystem.M_Z);
            }
        }
        int[] zz1 = firstIsZ1 ? first : second;
        int[] zz2 = firstIsZ1 ? second : first;
        z1[0] = zz1[0];
        z1[1] = zz1[1];
        z2[0] = zz2[0];
        z2[1] = zz2[1];
    }

    private double pairMass(int i, int j) {
        return Hzz4lObservables.pairMass(lPt[i], lEta[i], lPhi[i], leptonEnergy(i), lPt[j], lEta[j], lPhi[j], leptonEnergy(j));
    }

    double leptonEnergy(int i) {
        double m = lFlavour[i] == 11 ? FourLeptonSystem.M_ELECTRON : FourLeptonSystem.M_MUON;
        double p = lPt[i] * Math.cosh(lEta[i]);
        return Math.sqrt(p * p + m * m);
    }

    FourVector lepton(int i) {
        return FourVector.ofPtEtaPhiE(lPt[i], lEta[i], lPhi[i], leptonEnergy(i));
    }

    private void sortLeptonsByPt() {
        for (int i = 0; i < 4; i++) {
            byPt[i] = i;
        }
        for (int i = 1; i < 4; i++) {
            int k = byPt[i];
            int j = i - 1;
            while (j >= 0 && lPt[byPt[j]] < lPt[k]) {
                byPt[j + 1] = byPt[j];
                j--;
            }
            byPt[j + 1] = k;
        }
    }

    private void computeSystem() {
        FourVector sum = lepton(0).plus(lepton(1)).plus(lepton(2)).plus(lepton(3));
        mass4l = sum.mass();
        pt4l = sum.pt();
        eta4l = sum.eta();
        y4l = sum.rapidity();
        phi4l = sum.phi();
        // δm/m = ½ √Σ (δpT_i/pT_i)² for a four-body mass dominated by the momenta
        double s = 0;
        for (int i = 0; i < 4; i++) {
            double rel = lPtErr[i] / lPt[i];
            s += rel * rel;
        }
        mass4lErr = 0.5 * mass4l * Math.sqrt(s);
        angles.compute(lepton(z1[0]), lepton(z1[1]), lepton(z2[0]), lepton(z2[1]));
    }

    // ---------------------------------------------------------------- jets, MET, discriminants

    private void reconstructJets() {
        nJets = 0;
        for (int i = 0; i < truth.n; i++) {
            double pt = truth.pt[i];
            double eta = truth.eta[i] + Detector.JET_ANGLE_RESOLUTION * r.nextGaussian();
            double recoPt = pt * (1 + Detector.jetResolution(pt, eta) * r.nextGaussian());
            addRecoJet(recoPt, eta, truth.phi[i] + Detector.JET_ANGLE_RESOLUTION * r.nextGaussian(), Math.abs(truth.pdgId[i]) == 5);
        }
        if (r.nextDouble() < PILEUP_JET_PROBABILITY) {
            addRecoJet(JetModel.PT_MIN + Sampling.exponential(r, PILEUP_PT_MEAN), JetModel.ETA_MAX * (2 * r.nextDouble() - 1),
                    Sampling.phi(r), false);
        }
        // insertion sort by pT
        for (int i = 1; i < nJets; i++) {
            int j = i;
            while (j > 0 && jPt[j - 1] < jPt[j]) {
                swapJets(j - 1, j);
                j--;
            }
        }
        nBjets = 0;
        for (int i = 0; i < nJets; i++) {
            if (jBtag[i] > Detector.CSV_MEDIUM) {
                nBjets++;
            }
        }
    }

    private void addRecoJet(double pt, double eta, double phi, boolean isB) {
        if (pt <= Detector.JET_PT_MIN || Math.abs(eta) >= Detector.JET_ETA_MAX || nJets == MAX_JETS) {
            return;
        }
        double ph = Math.atan2(Math.sin(phi), Math.cos(phi));
        for (int l = 0; l < 4; l++) {
            if (Hzz4lObservables.deltaR(eta, ph, lEta[l], lPhi[l]) < Detector.JET_LEPTON_DR) {
                return;
            }
        }
        // jet mass ≈ 0.1·pT: E² = pT² cosh²η + m², E_T = E/cosh η
        double p = pt * Math.cosh(eta);
        double m = 0.1 * pt;
        double e = Math.sqrt(p * p + m * m);
        jPt[nJets] = pt;
        jEta[nJets] = eta;
        jPhi[nJets] = ph;
        jE[nJets] = e;
        jEt[nJets] = e / Math.cosh(eta);
        jPtErr[nJets] = Detector.jesUncertainty(pt, eta);
        jBtag[nJets] = Detector.btagDiscriminator(r, isB, eta);
        nJets++;
    }

    private void swapJets(int a, int b) {
        swap(jPt, a, b);
        swap(jEta, a, b);
        swap(jPhi, a, b);
        swap(jEt, a, b);
        swap(jE, a, b);
        swap(jPtErr, a, b);
        swap(jBtag, a, b);
    }

    private static void swap(double[] x, int a, int b) {
        double t = x[a];
        x[a] = x[b];
        x[b] = t;
    }

    /** MET = neutrinos + Gaussian resolution of 8 GeV ⊕ 3 % of the scalar jet pT sum per component. */
    private void reconstructMet() {
        double ht = 0;
        for (int i = 0; i < nJets; i++) {
            ht += jPt[i];
        }
        double sigma = 8.0 + 0.03 * ht;
        metX = nuX + sigma * r.nextGaussian();
        metY = nuY + sigma * r.nextGaussian();
    }

    private void computeDiscriminants() {
        if (nJets < 2) {
            mela = -1;
            melaUp = -1;
            melaDn = -1;
            return;
        }
        mela = melaLike(jPt[0], jPt[1]);
        melaUp = mela;
        melaDn = mela;
        for (int a = -1; a <= 1; a++) {
            for (int b = -1; b <= 1; b++) {
                double d = melaLike(jPt[0] + a * jPtErr[0], jPt[1] + b * jPtErr[1]);
                melaUp = Math.max(melaUp, d);
                melaDn = Math.min(melaDn, d);
            }
        }
    }

    /**
     * P_VBF/(P_VBF + P_ggH) of the generator's two-jet densities at the measured two leading jets and 4ℓ
     * rapidity: the MELA-like D_jet (strong but not optimal: smearing, pile-up jets and the missing third jet).
     */
    private double melaLike(double pt1, double pt2) {
        double hi = Math.max(pt1, pt2);
        double lo = Math.min(pt1, pt2);
        double eta1 = pt1 >= pt2 ? jEta[0] : jEta[1];
        double eta2 = pt1 >= pt2 ? jEta[1] : jEta[0];
        double lv = JetModel.VBF.logTwoJetDensity(Math.max(hi, JetModel.PT_MIN + 1e-3), eta1,
                Math.max(lo, JetModel.PT_MIN + 1e-6), eta2, y4l);
        double lg = JetModel.GGH.logTwoJetDensity(Math.max(hi, JetModel.PT_MIN + 1e-3), eta1,
                Math.max(lo, JetModel.PT_MIN + 1e-6), eta2, y4l);
        double diff = lv - lg;
        if (Double.isNaN(diff)) {
            return 0.5;
        }
        return 1.0 / (1.0 + Math.exp(-diff));
    }

    // ---------------------------------------------------------------- m4l spectra

    /**
     * q q̄ → ZZ → 4ℓ m4ℓ spectrum before the selection: a single-resonant Z → 4ℓ peak (6 %), the off-shell
     * continuum falling from 70 GeV (14 %) and the on-shell ZZ threshold at 2 m_Z with a 120 GeV tail (80 %).
     */
    static double qqzzMassDensity(double m) {
        return 0.012 * Math.exp(-0.5 * Math.pow((m - FourLeptonSystem.M_Z) / 2.0, 2))
                + 0.0031 * Math.exp(-(m - 70) / 50.0) / (1 + Math.exp((m - 185) / 4.0))
                + 0.0094 * threshold(m, 120.0);
    }

    /** g g → ZZ: mostly above threshold with a harder (200 GeV) tail, 10 % off-shell continuum. */
    static double ggzzMassDensity(double m) {
        return 0.0022 * Math.exp(-(m - 70) / 50.0) / (1 + Math.exp((m - 185) / 4.0)) + 0.0045 * threshold(m, 200.0);
    }

    private static double threshold(double m, double tail) {
        double t = 2 * FourLeptonSystem.M_Z;
        return m <= t ? 0 : Math.sqrt(1 - (t / m) * (t / m)) * Math.exp(-(m - t) / tail);
    }
}
