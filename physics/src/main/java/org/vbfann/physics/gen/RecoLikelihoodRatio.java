package org.vbfann.physics.gen;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.vbfann.physics.Hzz4lObservables;
import org.vbfann.physics.PhysicsException;

/**
 * The Bayes-optimal VBF-vs-ggH discriminant of a <em>reconstructed</em> event: log p_VBF(obs) − log p_ggH(obs),
 * the two production models' densities of the observed jets and four-lepton momentum, each the generator's
 * truth density ({@link JetModel#VBF}, {@link JetModel#GGH}) folded with the generator's own detector
 * response. Unlike {@code f_truth_lr} (truth jets) it is a function of what the ntuple holds, so it is the
 * reference a network trained on reconstructed objects can reach at best (docs/generator.md, "Discriminants").
 *
 * <h2>What is integrated</h2>
 * For each model, p(obs) = Σ over hypotheses of ∫ f(truth) · p(obs | truth), where f is the complete,
 * normalised truth density: the multiplicity n = 0..4, the model's jet pT/η structure, azimuths 1/2π, the
 * third and fourth jets' Beta(1.3, 1) pT fractions, the fourth jet's truncated N(0, 2) η and the N(0, 1.5)
 * rapidity of n ≤ 1 (these factors cancel in {@link JetModel#logDensity} but not here, since different n are
 * summed), times the recoil p_T(4ℓ) = −Σ p_T(truth jets) + N(0, 10 GeV) per component. The detector part
 * is {@link EventFactory}'s: each truth jet is reconstructed with pT smeared by N(0, pT·σ(pT, η))
 * ({@link Detector#jetResolution}) and kept if the smeared pT exceeds 30 GeV, its smeared |η| is below 4.7 and
 * it lies outside ΔR 0.4 of every lepton, otherwise it is lost; one pile-up jet (pT 30 + Exp(8) GeV, η uniform in ±4.7, φ uniform)
 * appears with probability 4 %, subject to the same overlap removal. A hypothesis says which reconstructed jet
 * (if any) is the pile-up jet and how many truth jets were lost; matched truth jets sit at the measured
 * direction; the sum over which truth jet went where is done by sorting the truth jets by pT (the model's
 * density is one of pT-ordered jets) and dividing the L lost jets' integral by L!.
 *
 * <h2>What cancels, and the approximations</h2>
 * Factors that depend only on the observation and are common to both models are left out: the lepton decay,
 * acceptance, identification and selection given the four-lepton momentum, the Higgs mass line shape, MET
 * noise, b tagging (every jet of both models and the pile-up jet is light) and isolation. Approximations,
 * each checked in {@code RecoLikelihoodRatioTest}:
 * <ul>
 *   <li>The jets' η and φ smearing (0.03) is treated as exact in the truth density and the overlap removal
 *   (the densities vary on scales of ≳ 0.3 in η); it is kept where it matters: a truth jet within a few 0.03
 *   of |η| = 4.7 is lost with probability Φ((|η| − 4.7)/0.03) (hard forward VBF jets), and 0.03·pT across
 *   each measured jet widens the recoil Gaussian.</li>
 *   <li>The measured four-lepton momentum stands in for the true one; the lepton pT resolution
 *   ({@link Detector#leptonResolution}) is added to the recoil covariance along each lepton and to nothing
 *   else (the rapidity moves by ≲ 0.01 against model widths ≥ 0.3); the electrons' bremsstrahlung tail is
 *   ignored.</li>
 * </ul>
 *
 * <h2>Jets beyond the ntuple's four slots</h2>
 * With {@code f_njets_pass} = 5 the fifth jet's kinematics are not stored: it is integrated over, as a
 * reconstructed jet of pT between 30 GeV and the fourth jet's and any direction outside the lepton cones
 * (a truth jet, or the pile-up jet; a truth jet's pT is drawn up to 3σ above the fourth jet's, beyond which
 * its chance to be measured below it is ≲ 1 %). Neither model makes more than five reconstructed jets (four truth jets
 * and one pile-up jet): for more, both densities vanish and the result is NaN.
 *
 * <h2>The estimate</h2>
 * Stratified importance sampling. A stratum is a hypothesis and a pT ordering of the matched truth jets: the
 * VBF density depends strongly on which two jets lead (the tag jets), and smearing often swaps close jets, so
 * every ordering reachable within χ² ≤ 50 of the measured pT (isotonic fit) is its own stratum, with samples
 * shared by the integrand at the fitted point. Matched truth pT: one draw per rank from a Gaussian around
 * that rank's measured pT (width the resolution, 2.5× in 20 % as a defensive tail), then sorted; the density
 * of the sorted draw is the permanent of the rank-by-value proposal densities. Lost jets: a mixture of "just
 * below threshold" (pT 30 + Exp(8) GeV; azimuth uniform or around the missing recoil −p_T(4ℓ) − Σ p_T(matched)),
 * "inside a lepton cone" (the lepton and the azimuth chosen by the missing recoil, or uniform in a cone) and
 * "past the |η| = 4.7 edge" (in the recoil's azimuth); pT of the last two around the recoil along that
 * direction, or 30 + Exp(40) GeV. A stratum with nothing to integrate (no matched,
 * lost or hidden jet) is exact. Both models use the same draws (common random numbers), so the ratio is much
 * less noisy than each density. When the delta-method MC error of the log ratio exceeds 0.2, the strata that
 * carry most of its variance are drawn again with 8× the samples (at most twice). The draws come from a
 * stream seeded by the caller (e.g. the event index), so results are reproducible; {@link #standardError()}
 * gives the MC error of the last result (about 0.04 on average; 0.06 in the VBF signal region). Not
 * thread-safe: one instance per thread; the sampling loop does not allocate.
 */
public final class RecoLikelihoodRatio {
    /** Importance samples per stratum when not given (0.3–0.4 ms per event, 0.6 ms with 2–4 jets). */
    public static final int DEFAULT_SAMPLES = 32;
    /** Jet slots of the ntuple ({@code f_jets_highpt_*[4]}). */
    public static final int JET_SLOTS = 4;

    private static final int MAX_TRUTH = JetModel.VBF.multiplicity.length - 1;
    /** Hypotheses: with m measured jets, (m + 1) pile-up choices × up to 5 lost-jet counts; 11 at most (m = 2, 3). */
    private static final int MAX_HYPOTHESES = 12;
    /** All orderings of up to four matched jets: PERMUTATIONS[m][p][rank] = matched jet at that rank. */
    private static final int[][][] PERMUTATIONS = permutations(JET_SLOTS);
    private static final int MAX_ORDERINGS = PERMUTATIONS[JET_SLOTS].length;
    private static final int MAX_STRATA = MAX_HYPOTHESES * MAX_ORDERINGS;
    /**
     * Orderings farther than this χ² from the measured pT are not sampled: they carry e^−25 of the kernel,
     * more than the largest density ratio between orderings we met (≈ e^15, VBF tag jets found by a swap).
     */
    private static final double CHI2_MAX = 50.0;
    private static final int MIN_STRATUM_SAMPLES = 4;
    private static final long STREAM_ID = 0x52454343L;
    /** MC error of the log ratio above which the strata carrying its variance are sampled again with more draws. */
    static final double REFINE_ERROR = 0.2;
    static final int REFINE_FACTOR = 8;
    /** A stratum is refined when it carries this share of the variance. */
    static final double REFINE_SHARE = 0.1;
    static final int MAX_REFINEMENTS = 2;
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
    private static final double ETA_RANGE = 2 * JetModel.ETA_MAX;
    private static final double LOG_FOURTH_ETA_NORM =
            Math.log(2 * Sampling.normalCdf(JetModel.ETA_MAX / JetModel.SIGMA_FOURTH) - 1);
    private static final double CONE = Detector.JET_LEPTON_DR;
    private static final double LOG_UNIFORM_DIRECTION = -Math.log(ETA_RANGE) - LOG_TWO_PI;
    /** Proposal of a matched jet's truth pT: N(measured, σ) with a fraction N(measured, 2.5 σ). */
    private static final double WIDE_FRACTION = 0.2;
    private static final double WIDE_SCALE = 2.5;
    /**
     * Proposal of a lost jet: just below the threshold (pT 30 + Exp(8) GeV) in a uniform direction or in the
     * direction of the missing recoil, inside a lepton cone aimed at the missing recoil, at the |η| = 4.7 edge
     * in the recoil's direction, or uniformly inside a cone.
     */
    private static final double THRESHOLD_FRACTION = 0.3;
    private static final double THRESHOLD_AIMED_FRACTION = 0.2;
    private static final double AIMED_FRACTION = 0.2;
    private static final double EDGE_FRACTION = 0.15;
    private static final double UNIFORM_CONE_FRACTION =
            1 - THRESHOLD_FRACTION - THRESHOLD_AIMED_FRACTION - AIMED_FRACTION - EDGE_FRACTION;
    /** A jet lost past |η| = 4.7 by its η smearing: 4.7 − |η| ~ Exp(0.04) in the proposal. */
    private static final double EDGE_DEPTH_MEAN = 0.04;
    /** Below this |η| the η smearing never takes a jet past 4.7 (6.7 σ). */
    private static final double EDGE_ZONE = 4.5;
    private static final double THRESHOLD_PT_MEAN = 8.0;
    /** Floor of a lepton's weight in the aimed cone proposal. */
    private static final double CONE_DEFENSIVE = 0.05;
    /**
     * pT of a jet lost in a cone or past the η edge: ½ (30 + Exp(40)) + ½ N(missing recoil along its azimuth, at
     * least 45 GeV; 15), the normal untruncated (a draw below 30 GeV is a sample of weight 0).
     */
    private static final double CONE_PT_MEAN = 40.0;
    private static final double CONE_PT_SIGMA = 15.0;
    /**
     * A measured jet more than 20 pile-up slopes (160 GeV) above threshold is not the pile-up jet: that
     * hypothesis carries e^−20 of the prior and is skipped.
     */
    private static final double PILEUP_NEGLIGIBLE = 20.0;
    /** η steps of the cone-area integral (error ≲ 1e-4 of the area). */
    private static final double AREA_STEP = 0.002;

    private final JetModel numerator;
    private final JetModel denominator;
    private final double pileUp;
    private final int samples;

    // the event
    private int nJetsSet;
    private int nObs;
    private boolean hidden;
    private double hiddenCeiling;
    private final double[] oPt = new double[JET_SLOTS];
    private final double[] oEta = new double[JET_SLOTS];
    private final double[] oPhi = new double[JET_SLOTS];
    private final double[] oSigma = new double[JET_SLOTS];
    private double sysPx;
    private double sysPy;
    private double sysY;
    private double baseCxx;
    private double baseCxy;
    private double baseCyy;
    private final double[] lepEta = new double[4];
    private final double[] lepPhi = new double[4];
    private double overlapFraction;
    /** φ intervals of the cones at one η (two per cone when one crosses ±π). */
    private final double[] intervalsFrom = new double[8];
    private final double[] intervalsTo = new double[8];
    private final double[] conePhi = new double[4];
    /** Missing transverse momentum the lost jets of the current hypothesis should carry (cone pT proposal). */
    private double missX;
    private double missY;

    // the samples
    private final Jets jets = new Jets();
    private double[] logA;
    private double[] logB;
    // strata: a hypothesis (pile-up choice, lost jets) and an ordering of the matched jets; samples [from, to)
    private final int[] stratumPu = new int[MAX_STRATA];
    private final int[] stratumLost = new int[MAX_STRATA];
    private final int[] stratumOrder = new int[MAX_STRATA];
    private final double[] stratumLogW = new double[MAX_STRATA];
    private final int[] stratumFrom = new int[MAX_STRATA];
    private final int[] stratumTo = new int[MAX_STRATA];
    /** Per-stratum variances and covariance, in the scaled units of {@link #scaledSumA}, {@link #scaledSumB}. */
    private final double[] stratumVarA = new double[MAX_STRATA];
    private final double[] stratumVarB = new double[MAX_STRATA];
    private final double[] stratumCov = new double[MAX_STRATA];
    private double scaledSumA;
    private double scaledSumB;
    private int nStrata;
    private int mm;
    private boolean hiddenTruth;
    private final int[] matched = new int[JET_SLOTS];
    private final double[] values = new double[JET_SLOTS];
    private final double[] proposal = new double[JET_SLOTS * JET_SLOTS];
    private final double[] drawn = new double[3];
    private final int[] orderIndex = new int[MAX_ORDERINGS];
    private final double[] orderA = new double[MAX_ORDERINGS];
    private final double[] orderB = new double[MAX_ORDERINGS];
    private final double[] orderShare = new double[MAX_ORDERINGS];
    private final double[] orderShareA = new double[MAX_ORDERINGS];
    private final double[] fit = new double[JET_SLOTS];
    private final double[] blockValue = new double[JET_SLOTS];
    private final double[] blockWeight = new double[JET_SLOTS];
    private final int[] blockLength = new int[JET_SLOTS];
    private final double[] coneWeight = new double[4];
    private final double[] coneCentre = new double[4];
    private final double[] coneNorm = new double[4];
    private double coneSigma;
    /** Azimuth of the missing recoil and the width of the aimed threshold proposal around it. */
    private double missPhi;
    private double missSigma;
    private int nSamples;
    private double lastLogA;
    private double lastLogB;
    private double lastError;
    private double lastErrorA;
    private double lastErrorB;

    /** VBF against ggH with {@link #DEFAULT_SAMPLES} samples per hypothesis. */
    public RecoLikelihoodRatio() {
        this(DEFAULT_SAMPLES);
    }

    /** VBF against ggH with the given number of importance samples per hypothesis (≥ 2). */
    public RecoLikelihoodRatio(int samplesPerHypothesis) {
        this(JetModel.VBF, JetModel.GGH, EventFactory.PILEUP_JET_PROBABILITY, samplesPerHypothesis);
    }

    /** Any two jet models and pile-up probability (tests use simplified ones). */
    RecoLikelihoodRatio(JetModel numerator, JetModel denominator, double pileUp, int samplesPerHypothesis) {
        if (samplesPerHypothesis < 2) {
            throw new PhysicsException("RecoLikelihoodRatio: samples per hypothesis must be at least 2, got "
                    + samplesPerHypothesis);
        }
        this.numerator = numerator;
        this.denominator = denominator;
        this.pileUp = pileUp;
        this.samples = samplesPerHypothesis;
        ensureCapacity(MAX_HYPOTHESES * 2 * samplesPerHypothesis);
    }

    /**
     * log p_VBF(obs) − log p_ggH(obs) of one reconstructed event, from the ntuple's quantities.
     *
     * @param nJets       {@code f_njets_pass}
     * @param jetPt       {@code f_jets_highpt_pt}, pT-ordered; the first min(nJets, 4) entries are read
     * @param jetEta      {@code f_jets_highpt_eta}
     * @param jetPhi      {@code f_jets_highpt_phi}
     * @param leptonPt    {@code f_lept1..4_pt}
     * @param leptonEta   {@code f_lept1..4_eta}
     * @param leptonPhi   {@code f_lept1..4_phi}
     * @param leptonPdgId {@code f_lept1..4_pdgid} (the flavour gives the mass and the resolution)
     * @param seed        seed of this event's draws (e.g. its index), for reproducible results
     * @return the log density ratio; NaN with more than five jets, which neither model produces
     */
    public double logRatio(int nJets, double[] jetPt, double[] jetEta, double[] jetPhi, double[] leptonPt,
                           double[] leptonEta, double[] leptonPhi, int[] leptonPdgId, long seed) {
        if (nJets < 0 || jetPt.length < Math.min(nJets, JET_SLOTS) || jetEta.length < Math.min(nJets, JET_SLOTS)
                || jetPhi.length < Math.min(nJets, JET_SLOTS)) {
            throw new PhysicsException("RecoLikelihoodRatio: " + nJets + " jets need that many (at most "
                    + JET_SLOTS + ") pT, eta, phi values; got " + jetPt.length + ", " + jetEta.length + ", "
                    + jetPhi.length);
        }
        if (leptonPt.length < 4 || leptonEta.length < 4 || leptonPhi.length < 4 || leptonPdgId.length < 4) {
            throw new PhysicsException("RecoLikelihoodRatio: four leptons expected (pT, eta, phi, pdg id)");
        }
        double px = 0;
        double py = 0;
        double pz = 0;
        double e = 0;
        double cxx = EventFactory.RECOIL_SIGMA * EventFactory.RECOIL_SIGMA;
        double cxy = 0;
        double cyy = cxx;
        for (int l = 0; l < 4; l++) {
            int flavour = Math.abs(leptonPdgId[l]);
            if (flavour != 11 && flavour != 13) {
                throw new PhysicsException("RecoLikelihoodRatio: lepton " + (l + 1) + " pdg id " + leptonPdgId[l]
                        + ", expected ±11 or ±13");
            }
            double pt = leptonPt[l];
            double c = Math.cos(leptonPhi[l]);
            double s = Math.sin(leptonPhi[l]);
            double m = flavour == 11 ? FourLeptonSystem.M_ELECTRON : FourLeptonSystem.M_MUON;
            double pl = pt * Math.sinh(leptonEta[l]);
            px += pt * c;
            py += pt * s;
            pz += pl;
            e += Math.sqrt(pt * pt + pl * pl + m * m);
            double err = pt * Detector.leptonResolution(flavour, pt, leptonEta[l]);
            cxx += err * err * c * c;
            cxy += err * err * c * s;
            cyy += err * err * s * s;
        }
        double y = 0.5 * Math.log((e + pz) / (e - pz));
        setEvent(nJets, jetPt, jetEta, jetPhi, px, py, y, leptonEta, leptonPhi, cxx, cxy, cyy);
        return evaluate(seed);
    }

    /** The MC standard error of the last {@link #logRatio} (delta method, both models' draws correlated). */
    public double standardError() {
        return lastError;
    }

    /** log p of the last event under the numerator model (VBF), up to the factors common to both models. */
    double lastLogNumerator() {
        return lastLogA;
    }

    /** log p of the last event under the denominator model (ggH), up to the common factors. */
    double lastLogDenominator() {
        return lastLogB;
    }

    /** The MC error of {@link #lastLogNumerator()} (relative error of the density). */
    double lastErrorNumerator() {
        return lastErrorA;
    }

    /** The MC error of {@link #lastLogDenominator()}. */
    double lastErrorDenominator() {
        return lastErrorB;
    }

    /** The fraction of the pile-up jet's (η, φ) range covered by the lepton cones of the event set last. */
    double overlapFraction() {
        return overlapFraction;
    }

    /**
     * Sets the observation directly: the jets, the measured four-lepton transverse momentum and rapidity, the
     * lepton directions and the covariance of the measured system pT around −Σ p_T(truth jets).
     */
    void setEvent(int nJets, double[] jetPt, double[] jetEta, double[] jetPhi, double px, double py, double y,
                  double[] leptonEta, double[] leptonPhi, double cxx, double cxy, double cyy) {
        nObs = Math.min(nJets, JET_SLOTS);
        hidden = nJets == JET_SLOTS + 1;
        hiddenCeiling = Double.POSITIVE_INFINITY;
        for (int k = 0; k < nObs; k++) {
            oPt[k] = jetPt[k];
            oEta[k] = jetEta[k];
            oPhi[k] = jetPhi[k];
            oSigma[k] = jetPt[k] * Detector.jetResolution(jetPt[k], jetEta[k]);
            hiddenCeiling = Math.min(hiddenCeiling, jetPt[k]);
        }
        sysPx = px;
        sysPy = py;
        sysY = y;
        baseCxx = cxx;
        baseCxy = cxy;
        baseCyy = cyy;
        System.arraycopy(leptonEta, 0, lepEta, 0, 4);
        System.arraycopy(leptonPhi, 0, lepPhi, 0, 4);
        overlapFraction = coneArea() / (ETA_RANGE * 2 * Math.PI);
        nJetsSet = nJets;
    }

    /** Room for {@code more} samples after the current ones (grows rarely: refinements of large events). */
    private void ensureCapacity(int more) {
        if (logA == null || logA.length < nSamples + more) {
            int capacity = Math.max(nSamples + more, logA == null ? MAX_STRATA * MIN_STRATUM_SAMPLES : 2 * logA.length);
            logA = logA == null ? new double[capacity] : Arrays.copyOf(logA, capacity);
            logB = logB == null ? new double[capacity] : Arrays.copyOf(logB, capacity);
        }
    }

    /**
     * Runs the estimate for the event set last; returns log p_num − log p_den. While the MC error exceeds
     * {@link #REFINE_ERROR}, the strata that carry at least {@link #REFINE_SHARE} of its variance are sampled
     * again from fresh draws with {@link #REFINE_FACTOR} times the samples (up to {@link #MAX_REFINEMENTS}
     * rounds); the new draws replace the old ones, so each stratum's estimate stays unbiased (the choice
     * depends only on draws it no longer uses).
     */
    double evaluate(long seed) {
        if (nJetsSet > JET_SLOTS + 1) {
            lastLogA = Double.NEGATIVE_INFINITY;
            lastLogB = Double.NEGATIVE_INFINITY;
            lastError = Double.NaN;
            return Double.NaN;
        }
        SplittableRandom r = Sampling.stream(seed, STREAM_ID);
        firstRun(r);
        summarise();
        for (int round = 0; round < MAX_REFINEMENTS && lastError > REFINE_ERROR; round++) {
            double total = lastError * lastError;
            for (int h = 0; h < nStrata; h++) {
                int s = stratumTo[h] - stratumFrom[h];
                if (s > 1 && stratumVariance(h) >= REFINE_SHARE * total) {
                    setHypothesis(stratumPu[h]);
                    sampleStratum(r, h, s * REFINE_FACTOR);
                }
            }
            summarise();
        }
        return lastLogA - lastLogB;
    }

    /** The variance of the log ratio that stratum h carries (that of a_h/A − b_h/B: never negative). */
    private double stratumVariance(int h) {
        return stratumVarA[h] / (scaledSumA * scaledSumA) + stratumVarB[h] / (scaledSumB * scaledSumB)
                - 2 * stratumCov[h] / (scaledSumA * scaledSumB);
    }

    private void firstRun(SplittableRandom r) {
        nStrata = 0;
        nSamples = 0;
        int puChoices = nObs + (hidden ? 1 : 0);
        for (int pu = -1; pu < puChoices; pu++) {
            double logW = logPileUpWeight(pu);
            if (logW == Double.NEGATIVE_INFINITY) {
                continue;
            }
            setHypothesis(pu);
            int nMatched = mm + (hiddenTruth ? 1 : 0);
            if (nMatched > MAX_TRUTH) {
                continue;
            }
            int kept = orderings(mm);
            double logFactorial = 0;
            for (int lost = 0; nMatched + lost <= MAX_TRUTH; lost++) {
                logFactorial += lost > 0 ? Math.log(lost) : 0;
                // nothing to integrate: one exact sample; two or more lost jets are rare in both models: half
                int budget = nMatched + lost == 0 ? 1 : lost >= 2 ? Math.max(2, samples / 2) : samples;
                for (int o = 0; o < kept; o++) {
                    int h = nStrata++;
                    stratumPu[h] = pu;
                    stratumLost[h] = lost;
                    stratumOrder[h] = orderIndex[o];
                    stratumLogW[h] = logW - logFactorial;
                    int n = budget == 1 ? 1 : Math.max(MIN_STRATUM_SAMPLES, (int) Math.round(budget * orderShare[o]));
                    sampleStratum(r, h, n);
                }
            }
        }
    }

    /**
     * The matched jets of pile-up choice {@code pu} (all measured jets but the pile-up one), whether a hidden
     * fifth jet is a truth jet, and the missing recoil that aims the lost-jet proposal.
     */
    private void setHypothesis(int pu) {
        hiddenTruth = hidden && pu != nObs;
        mm = 0;
        missX = -sysPx;
        missY = -sysPy;
        for (int k = 0; k < nObs; k++) {
            if (k != pu) {
                matched[mm++] = k;
                missX -= oPt[k] * Math.cos(oPhi[k]);
                missY -= oPt[k] * Math.sin(oPhi[k]);
            }
        }
        prepareCones();
    }

    /** log of the pile-up part of hypothesis {@code pu}: none (−1), measured jet pu, or the hidden fifth jet. */
    private double logPileUpWeight(int pu) {
        if (pu < 0) {
            return Math.log(1 - pileUp + pileUp * overlapFraction);
        }
        if (pileUp == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double mean = EventFactory.PILEUP_PT_MEAN;
        if (pu < nObs) {
            if (oPt[pu] - JetModel.PT_MIN > PILEUP_NEGLIGIBLE * mean) {
                return Double.NEGATIVE_INFINITY;
            }
            return Math.log(pileUp) - (oPt[pu] - JetModel.PT_MIN) / mean - Math.log(mean) + LOG_UNIFORM_DIRECTION;
        }
        return Math.log(pileUp) + Math.log(-Math.expm1(-(hiddenCeiling - JetModel.PT_MIN) / mean))
                + Math.log(1 - overlapFraction);
    }

    /**
     * The pT orderings of the matched jets worth sampling, each a stratum: those whose measured pT can be
     * brought into that order within χ² ≤ {@link #CHI2_MAX} (weighted isotonic regression, the jets'
     * resolutions as errors). Their shares of the samples follow the integrand at the fitted point (the larger
     * of the two models' shares), so the ordering one model prefers is sampled well even when the measured
     * order says otherwise. Fills {@link #orderIndex} and {@link #orderShare}; returns how many.
     */
    private int orderings(int mm) {
        int[][] perms = PERMUTATIONS[mm];
        int kept = 0;
        for (int p = 0; p < perms.length; p++) {
            double chi2 = isotonicFit(perms[p], mm);
            if (chi2 > CHI2_MAX) {
                continue;
            }
            jets.clear();
            for (int rank = 0; rank < mm; rank++) {
                int k = matched[perms[p][rank]];
                jets.add(fit[rank], oEta[k], oPhi[k], 21);
            }
            jets.ySystem = sysY;
            orderA[kept] = -0.5 * chi2 + numerator.logDensity(jets);
            orderB[kept] = -0.5 * chi2 + denominator.logDensity(jets);
            orderIndex[kept++] = p;
        }
        shares(orderA, kept);
        System.arraycopy(orderShare, 0, orderShareA, 0, kept);
        shares(orderB, kept);
        for (int o = 0; o < kept; o++) {
            orderShare[o] = Math.max(orderShare[o], orderShareA[o]);
        }
        return kept;
    }

    /** Normalised exp(logs) into {@link #orderShare}; uniform when every entry is −∞. */
    private void shares(double[] logs, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logs[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            orderShare[i] = max == Double.NEGATIVE_INFINITY ? 1 : Math.exp(logs[i] - max);
            sum += orderShare[i];
        }
        for (int i = 0; i < n; i++) {
            orderShare[i] /= sum;
        }
    }

    /**
     * Weighted least-squares non-increasing fit (pool-adjacent-violators) of the measured pT taken in the
     * order {@code perm} (rank → matched jet); the fit goes to {@link #fit}, the χ² is returned.
     */
    private double isotonicFit(int[] perm, int mm) {
        int blocks = 0;
        for (int rank = 0; rank < mm; rank++) {
            int k = matched[perm[rank]];
            blockValue[blocks] = oPt[k];
            blockWeight[blocks] = 1 / (oSigma[k] * oSigma[k]);
            blockLength[blocks++] = 1;
            while (blocks >= 2 && blockValue[blocks - 2] < blockValue[blocks - 1]) {
                double w = blockWeight[blocks - 2] + blockWeight[blocks - 1];
                blockValue[blocks - 2] = (blockValue[blocks - 2] * blockWeight[blocks - 2]
                        + blockValue[blocks - 1] * blockWeight[blocks - 1]) / w;
                blockWeight[blocks - 2] = w;
                blockLength[blocks - 2] += blockLength[blocks - 1];
                blocks--;
            }
        }
        int rank = 0;
        double chi2 = 0;
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < blockLength[b]; i++, rank++) {
                int k = matched[perm[rank]];
                fit[rank] = blockValue[b];
                double z = (oPt[k] - blockValue[b]) / oSigma[k];
                chi2 += z * z;
            }
        }
        return chi2;
    }

    /**
     * Samples stratum h ({@code s} draws, after the current samples): the matched jets of its hypothesis in its
     * pT order, the hidden fifth jet if it is a truth jet, its number of lost jets. The matched truth pT are
     * drawn one per rank around that rank's measured pT and then sorted, so every draw has the stratum's order;
     * the density of the sorted draw is the permanent of the proposal densities of each rank at each value.
     */
    private void sampleStratum(SplittableRandom r, int h, int s) {
        ensureCapacity(s);
        stratumFrom[h] = nSamples;
        int[] perm = PERMUTATIONS[mm][stratumOrder[h]];
        int lost = stratumLost[h];
        double base = stratumLogW[h] - Math.log(s);
        double hiddenSpan = hiddenCeiling + 3 * hiddenCeiling * Detector.jetResolution(hiddenCeiling, 0) - JetModel.PT_MIN;
        for (int i = 0; i < s; i++) {
            double lw = base;
            jets.clear();
            double rx = sysPx;
            double ry = sysPy;
            double cxx = baseCxx;
            double cxy = baseCxy;
            double cyy = baseCyy;
            boolean dead = false;
            for (int rank = 0; rank < mm; rank++) {
                int k = matched[perm[rank]];
                double width = r.nextDouble() < WIDE_FRACTION ? WIDE_SCALE : 1.0;
                values[rank] = oPt[k] + width * oSigma[k] * r.nextGaussian();
            }
            sortDescending(values, mm);
            if (mm > 0 && values[mm - 1] <= JetModel.PT_MIN) {
                dead = true;
            } else if (mm > 0) {
                lw -= logSortedProposal(perm, mm);
            }
            for (int rank = 0; rank < mm && !dead; rank++) {
                int k = matched[perm[rank]];
                double pt = values[rank];
                lw += Sampling.logNormalDensity(oPt[k], pt, pt * Detector.jetResolution(pt, oEta[k]));
                double c = Math.cos(oPhi[k]);
                double sn = Math.sin(oPhi[k]);
                rx += pt * c;
                ry += pt * sn;
                double v = Detector.JET_ANGLE_RESOLUTION * pt;
                v *= v;
                cxx += v * sn * sn;
                cxy -= v * sn * c;
                cyy += v * c * c;
                jets.add(pt, oEta[k], oPhi[k], 21);
            }
            if (hiddenTruth) {
                double pt = JetModel.PT_MIN + r.nextDouble() * hiddenSpan;
                double eta = JetModel.ETA_MAX * (2 * r.nextDouble() - 1);
                double phi = Sampling.phi(r);
                lw += Math.log(hiddenSpan) - LOG_UNIFORM_DIRECTION;
                double res = pt * Detector.jetResolution(pt, eta);
                double p = Sampling.normalCdf((hiddenCeiling - pt) / res) - Sampling.normalCdf((JetModel.PT_MIN - pt) / res);
                if (inCone(eta, phi) || !(p > 0)) {
                    dead = true;
                } else {
                    lw += Math.log(p);
                }
                rx += pt * Math.cos(phi);
                ry += pt * Math.sin(phi);
                jets.add(pt, eta, phi, 21);
            }
            for (int j = 0; j < lost; j++) {
                drawLost(r);
                double pt = drawn[0];
                double eta = drawn[1];
                double phi = drawn[2];
                if (pt <= JetModel.PT_MIN) {
                    dead = true;
                    continue;
                }
                lw += logLost(pt, eta, phi) - logLostProposal(pt, eta, phi);
                rx += pt * Math.cos(phi);
                ry += pt * Math.sin(phi);
                jets.add(pt, eta, phi, 21);
            }
            if (dead) {
                logA[nSamples] = Double.NEGATIVE_INFINITY;
                logB[nSamples] = Double.NEGATIVE_INFINITY;
                nSamples++;
                continue;
            }
            double det = cxx * cyy - cxy * cxy;
            lw += -LOG_TWO_PI - 0.5 * Math.log(det) - 0.5 * (cyy * rx * rx - 2 * cxy * rx * ry + cxx * ry * ry) / det;
            jets.sortByPt();
            jets.ySystem = sysY;
            lw += sharedLogDensity(jets);
            logA[nSamples] = lw + numerator.logDensity(jets);
            logB[nSamples] = lw + denominator.logDensity(jets);
            nSamples++;
        }
        stratumTo[h] = nSamples;
    }

    private static void sortDescending(double[] v, int n) {
        for (int i = 1; i < n; i++) {
            double x = v[i];
            int j = i - 1;
            while (j >= 0 && v[j] < x) {
                v[j + 1] = v[j];
                j--;
            }
            v[j + 1] = x;
        }
    }

    /** log density of the sorted draw: Σ over assignments of values to ranks of Π proposal densities. */
    private double logSortedProposal(int[] perm, int mm) {
        for (int rank = 0; rank < mm; rank++) {
            int k = matched[perm[rank]];
            for (int v = 0; v < mm; v++) {
                proposal[rank * JET_SLOTS + v] = Math.exp(logMatchProposal(values[v] - oPt[k], oSigma[k]));
            }
        }
        double sum = 0;
        for (int[] assign : PERMUTATIONS[mm]) {
            double prod = 1;
            for (int rank = 0; rank < mm; rank++) {
                prod *= proposal[rank * JET_SLOTS + assign[rank]];
            }
            sum += prod;
        }
        return Math.log(sum);
    }

    /**
     * Per hypothesis: how the lost-jet proposal aims at the lepton cones. A hard jet lost inside a cone
     * carries the recoil the measured jets leave unbalanced ({@link #missX}, {@link #missY}), so each lepton
     * is chosen by how well a jet along it would balance it, and the azimuth inside the cone is drawn around
     * the missing recoil's.
     */
    private void prepareCones() {
        double missPt = Math.hypot(missX, missY);
        double missPhi = Math.atan2(missY, missX);
        this.missPhi = missPhi;
        missSigma = Math.max(0.05, Math.min(0.5, EventFactory.RECOIL_SIGMA / Math.max(missPt, 1e-9)));
        coneSigma = Math.max(0.02, Math.min(0.2, EventFactory.RECOIL_SIGMA / Math.max(missPt, 1e-9)));
        double sum = 0;
        for (int l = 0; l < 4; l++) {
            double c = Math.cos(lepPhi[l]);
            double sn = Math.sin(lepPhi[l]);
            double along = missX * c + missY * sn;
            double across = (-missX * sn + missY * c) / (EventFactory.RECOIL_SIGMA + CONE * Math.abs(along));
            coneWeight[l] = CONE_DEFENSIVE + (along > 0 ? Math.exp(-0.5 * across * across) : 0);
            sum += coneWeight[l];
            double d = Math.max(-0.9 * CONE, Math.min(0.9 * CONE, Hzz4lObservables.deltaPhi(missPhi, lepPhi[l])));
            coneCentre[l] = d;
            coneNorm[l] = Sampling.normalCdf((CONE - d) / coneSigma) - Sampling.normalCdf((-CONE - d) / coneSigma);
        }
        for (int l = 0; l < 4; l++) {
            coneWeight[l] /= sum;
        }
    }

    /** One lost jet from the proposal mixture into {@link #drawn} (pT, η, φ). */
    private void drawLost(SplittableRandom r) {
        double u = r.nextDouble();
        if (u < THRESHOLD_FRACTION + THRESHOLD_AIMED_FRACTION) {
            drawn[0] = JetModel.PT_MIN + Sampling.exponential(r, THRESHOLD_PT_MEAN);
            drawn[1] = JetModel.ETA_MAX * (2 * r.nextDouble() - 1);
            drawn[2] = u < THRESHOLD_FRACTION ? Sampling.phi(r) : wrap(missPhi + missSigma * r.nextGaussian());
            return;
        }
        u -= THRESHOLD_FRACTION + THRESHOLD_AIMED_FRACTION;
        if (u < EDGE_FRACTION) {
            double depth;
            do {
                depth = Sampling.exponential(r, EDGE_DEPTH_MEAN);
            } while (depth >= ETA_RANGE);
            drawn[1] = (r.nextBoolean() ? 1 : -1) * (JetModel.ETA_MAX - depth);
            drawn[2] = wrap(missPhi + missSigma * r.nextGaussian());
            drawn[0] = conePt(r, drawn[2]);
            return;
        }
        int l;
        double dphi;
        double deta;
        if (u < EDGE_FRACTION + AIMED_FRACTION) {
            l = Sampling.discrete(r, coneWeight);
            do {
                dphi = coneCentre[l] + coneSigma * r.nextGaussian();
            } while (Math.abs(dphi) >= CONE);
            deta = Math.sqrt(CONE * CONE - dphi * dphi) * (2 * r.nextDouble() - 1);
        } else {
            l = r.nextInt(4);
            double rad = CONE * Math.sqrt(r.nextDouble());
            double ang = Sampling.phi(r);
            dphi = rad * Math.sin(ang);
            deta = rad * Math.cos(ang);
        }
        drawn[1] = lepEta[l] + deta;
        drawn[2] = wrap(lepPhi[l] + dphi);
        drawn[0] = conePt(r, drawn[2]);
    }

    /**
     * The factors of the complete truth density that {@link JetModel#logDensity} leaves out because they are
     * the same in every model: azimuths, the third and fourth jets' pT fractions, the fourth jet's η and the
     * rapidity with fewer than two jets. Jets must be pT-ordered.
     */
    static double sharedLogDensity(Jets j) {
        int n = j.n;
        double l = -n * LOG_TWO_PI;
        if (n <= 1) {
            l += Sampling.logNormalDensity(j.ySystem, 0, JetModel.SIGMA_Y_FEW_JETS);
        }
        if (n >= 3) {
            l += logPtFraction(j.pt[2], j.pt[1]);
        }
        if (n >= 4) {
            l += logPtFraction(j.pt[3], j.pt[2])
                    + Sampling.logNormalDensity(j.eta[3], 0, JetModel.SIGMA_FOURTH) - LOG_FOURTH_ETA_NORM;
        }
        return l;
    }

    /** log density of pT = 30 + u·(previous − 30), u ~ Beta(1.3, 1). */
    private static double logPtFraction(double pt, double previous) {
        double span = previous - JetModel.PT_MIN;
        double u = (pt - JetModel.PT_MIN) / span;
        return Math.log(JetModel.A_THIRD) + (JetModel.A_THIRD - 1) * Math.log(u) - Math.log(span);
    }

    private static double logMatchProposal(double d, double sig) {
        double z = d / sig;
        double zw = z / WIDE_SCALE;
        return Math.log((1 - WIDE_FRACTION) * Math.exp(-0.5 * z * z) + WIDE_FRACTION / WIDE_SCALE * Math.exp(-0.5 * zw * zw))
                - Math.log(sig) - 0.5 * Math.log(2 * Math.PI);
    }

    /** log probability that a truth jet is not reconstructed: inside a lepton cone, or smeared below 30 GeV. */
    private double logLost(double pt, double eta, double phi) {
        if (inCone(eta, phi)) {
            return 0;
        }
        double below = Sampling.normalCdf((JetModel.PT_MIN - pt) / (pt * Detector.jetResolution(pt, eta)));
        double abs = Math.abs(eta);
        double outside = abs > EDGE_ZONE ? Sampling.normalCdf((abs - Detector.JET_ETA_MAX) / Detector.JET_ANGLE_RESOLUTION) : 0;
        return Math.log(below + outside - below * outside);
    }

    private double logLostProposal(double pt, double eta, double phi) {
        // the aimed azimuth is a normal of width ≤ 0.5 wrapped on the circle: the two neighbouring images suffice
        double d = Hzz4lObservables.deltaPhi(phi, missPhi) / missSigma;
        double e = 2 * Math.PI / missSigma;
        double aimedPhi = (Math.exp(-0.5 * d * d) + Math.exp(-0.5 * (d + e) * (d + e)) + Math.exp(-0.5 * (d - e) * (d - e)))
                / (missSigma * Math.sqrt(2 * Math.PI));
        double threshold = Math.exp(-(pt - JetModel.PT_MIN) / THRESHOLD_PT_MEAN) / THRESHOLD_PT_MEAN / ETA_RANGE
                * (THRESHOLD_FRACTION / (2 * Math.PI) + THRESHOLD_AIMED_FRACTION * aimedPhi);
        double edge = EDGE_FRACTION * 0.5 * Math.exp(-(JetModel.ETA_MAX - Math.abs(eta)) / EDGE_DEPTH_MEAN) / EDGE_DEPTH_MEAN
                * aimedPhi * conePtDensity(pt, phi);
        double aimed = 0;
        double uniform = 0;
        for (int l = 0; l < 4; l++) {
            double dphi = Hzz4lObservables.deltaPhi(phi, lepPhi[l]);
            double deta = eta - lepEta[l];
            double chord2 = CONE * CONE - dphi * dphi;
            if (deta * deta < chord2) {
                double z = (dphi - coneCentre[l]) / coneSigma;
                aimed += coneWeight[l] * Math.exp(-0.5 * z * z) / (coneSigma * Math.sqrt(2 * Math.PI) * coneNorm[l])
                        / (2 * Math.sqrt(chord2));
                uniform += 0.25 / (Math.PI * CONE * CONE);
            }
        }
        double cone = aimed + uniform == 0 ? 0
                : (AIMED_FRACTION * aimed + UNIFORM_CONE_FRACTION * uniform) * conePtDensity(pt, phi);
        return Math.log(threshold + edge + cone);
    }

    /** The recoil the lost jets should carry, projected on azimuth φ, as the centre of the cone pT proposal. */
    private double conePtCentre(double phi) {
        return Math.max(JetModel.PT_MIN + CONE_PT_SIGMA, missX * Math.cos(phi) + missY * Math.sin(phi));
    }

    private double conePt(SplittableRandom r, double phi) {
        if (r.nextBoolean()) {
            return JetModel.PT_MIN + Sampling.exponential(r, CONE_PT_MEAN);
        }
        return conePtCentre(phi) + CONE_PT_SIGMA * r.nextGaussian();
    }

    private double conePtDensity(double pt, double phi) {
        double gauss = Math.exp(Sampling.logNormalDensity(pt, conePtCentre(phi), CONE_PT_SIGMA));
        return 0.5 * Math.exp(-(pt - JetModel.PT_MIN) / CONE_PT_MEAN) / CONE_PT_MEAN + 0.5 * gauss;
    }

    private boolean inCone(double eta, double phi) {
        for (int l = 0; l < 4; l++) {
            if (Hzz4lObservables.deltaR(eta, phi, lepEta[l], lepPhi[l]) < CONE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Area in (η, φ) of the union of the four lepton cones (where a pile-up jet would be removed): 4πR² when
     * no two cones overlap, otherwise the covered φ intervals are merged on the circle at each η step.
     */
    private double coneArea() {
        boolean overlap = false;
        for (int a = 0; a < 4; a++) {
            for (int b = a + 1; b < 4; b++) {
                overlap |= Hzz4lObservables.deltaR(lepEta[a], lepPhi[a], lepEta[b], lepPhi[b]) < 2 * CONE;
            }
        }
        if (!overlap) {
            return 4 * Math.PI * CONE * CONE;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] phi0 = conePhi;
        for (int l = 0; l < 4; l++) {
            lo = Math.min(lo, lepEta[l] - CONE);
            hi = Math.max(hi, lepEta[l] + CONE);
            // φ relative to −π, in [0, 2π)
            phi0[l] = wrap(lepPhi[l]) + Math.PI;
        }
        lo = Math.max(lo, -JetModel.ETA_MAX);
        hi = Math.min(hi, JetModel.ETA_MAX);
        int steps = (int) Math.ceil((hi - lo) / AREA_STEP);
        double h = (hi - lo) / steps;
        double area = 0;
        double[] from = intervalsFrom;
        double[] to = intervalsTo;
        for (int i = 0; i < steps; i++) {
            double eta = lo + (i + 0.5) * h;
            int n = 0;
            for (int l = 0; l < 4; l++) {
                double de = eta - lepEta[l];
                double w2 = CONE * CONE - de * de;
                if (w2 > 0) {
                    double w = Math.sqrt(w2);
                    double a = phi0[l] - w;
                    double b = phi0[l] + w;
                    // an interval crossing 0 or 2π is split in two
                    if (a < 0) {
                        from[n] = a + 2 * Math.PI;
                        to[n++] = 2 * Math.PI;
                        a = 0;
                    }
                    if (b > 2 * Math.PI) {
                        from[n] = 0;
                        to[n++] = b - 2 * Math.PI;
                        b = 2 * Math.PI;
                    }
                    from[n] = a;
                    to[n++] = b;
                }
            }
            area += h * unionLength(from, to, n);
        }
        return area;
    }

    /** Total length of the union of n intervals (sorted here by their start, insertion sort). */
    private static double unionLength(double[] from, double[] to, int n) {
        for (int i = 1; i < n; i++) {
            double f = from[i];
            double t = to[i];
            int j = i - 1;
            while (j >= 0 && from[j] > f) {
                from[j + 1] = from[j];
                to[j + 1] = to[j];
                j--;
            }
            from[j + 1] = f;
            to[j + 1] = t;
        }
        double len = 0;
        double end = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (to[i] <= end) {
                continue;
            }
            len += to[i] - Math.max(from[i], end);
            end = to[i];
        }
        return len;
    }

    private static int[][][] permutations(int max) {
        int[][][] out = new int[max + 1][][];
        out[0] = new int[][] {{}};
        for (int m = 1; m <= max; m++) {
            int[][] prev = out[m - 1];
            out[m] = new int[prev.length * m][];
            int n = 0;
            for (int[] p : prev) {
                for (int at = 0; at < m; at++) {
                    int[] q = new int[m];
                    for (int i = 0, j = 0; i < m; i++) {
                        q[i] = i == at ? m - 1 : p[j++];
                    }
                    out[m][n++] = q;
                }
            }
        }
        return out;
    }

    private static double wrap(double phi) {
        return Math.atan2(Math.sin(phi), Math.cos(phi));
    }

    /** Sums the samples: the two log densities, the delta-method error of their difference, per-stratum parts. */
    private void summarise() {
        double maxA = Double.NEGATIVE_INFINITY;
        double maxB = Double.NEGATIVE_INFINITY;
        for (int h = 0; h < nStrata; h++) {
            // a refined stratum's earlier draws stay in the arrays, outside its range
            for (int i = stratumFrom[h]; i < stratumTo[h]; i++) {
                maxA = Math.max(maxA, logA[i]);
                maxB = Math.max(maxB, logB[i]);
            }
        }
        double sumA = 0;
        double sumB = 0;
        double varA = 0;
        double varB = 0;
        double cov = 0;
        for (int h = 0; h < nStrata; h++) {
            int n = stratumTo[h] - stratumFrom[h];
            double ha = 0;
            double hb = 0;
            double qa = 0;
            double qb = 0;
            double qab = 0;
            for (int i = stratumFrom[h]; i < stratumTo[h]; i++) {
                double a = Math.exp(logA[i] - maxA);
                double b = Math.exp(logB[i] - maxB);
                ha += a;
                hb += b;
                qa += a * a;
                qb += b * b;
                qab += a * b;
            }
            sumA += ha;
            sumB += hb;
            // the per-stratum mean is (1/n)Σw with a = w/n: Var = (Σa² − (Σa)²/n)·n/(n − 1); exact when n = 1
            double f = n > 1 ? (double) n / (n - 1) : 0;
            stratumVarA[h] = f * (qa - ha * ha / n);
            stratumVarB[h] = f * (qb - hb * hb / n);
            stratumCov[h] = f * (qab - ha * hb / n);
            varA += stratumVarA[h];
            varB += stratumVarB[h];
            cov += stratumCov[h];
        }
        scaledSumA = sumA;
        scaledSumB = sumB;
        lastLogA = maxA + Math.log(sumA);
        lastLogB = maxB + Math.log(sumB);
        lastErrorA = Math.sqrt(varA) / sumA;
        lastErrorB = Math.sqrt(varB) / sumB;
        lastError = Math.sqrt(Math.max(0, varA / (sumA * sumA) + varB / (sumB * sumB) - 2 * cov / (sumA * sumB)));
    }
}

