package org.vbfann.physics.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbfann.physics.FourVector;
import org.vbfann.physics.Hzz4lObservables;
import org.vbfann.physics.PhysicsException;

/**
 * The reco-level likelihood ratio is the density ratio of the observed quantities: brute-force references on
 * simplified configurations, the calibration identities on events of the generator's own {@link EventFactory},
 * and its place between the MELA-like discriminant and the truth ratio.
 */
class RecoLikelihoodRatioTest {
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
    private static final double[] LEPTON_ETA = {0.2, -0.5, 0.45, 1.6};
    /** Leptons 1 and 3 are 0.35 apart: their cones overlap. */
    private static final double[] LEPTON_PHI = {-1.0, -2.2, -0.75, 1.9};
    private static final int EVENTS = 10_000;
    /** Events on which the ratio is also computed from the true four-lepton momentum. */
    private static final int TRUTH_SYSTEM_EVENTS = 2_000;

    private static Sample ggh;
    private static Sample vbf;

    /** The generator's selected events of one model, with the estimator run on each. */
    private record Sample(int tried, int[] nJets, int[] nB, double[] deta, double[] mass, double[] logRatio,
                          double[] error, double[] truthLogLr, double[] mela, double[] logRatioTruthSystem) {
    }

    @BeforeAll
    static void generate() {
        ggh = sample(Process.GGH, 21);
        vbf = sample(Process.QQH, 22);
    }

    private static Sample sample(Process p, long seed) {
        EventFactory f = EventFactory.forProcess(p, FinalState.TWO_E_TWO_MU, EventFactory.Region.SIGNAL,
                new SplittableRandom(seed));
        RecoLikelihoodRatio lr = new RecoLikelihoodRatio();
        int[] nJets = new int[EVENTS];
        int[] nB = new int[EVENTS];
        double[] deta = new double[EVENTS];
        double[] mass = new double[EVENTS];
        double[] logRatio = new double[EVENTS];
        double[] error = new double[EVENTS];
        double[] truth = new double[EVENTS];
        double[] mela = new double[EVENTS];
        double[] truthSystem = new double[TRUTH_SYSTEM_EVENTS];
        double[] lPt = new double[4];
        double[] lEta = new double[4];
        double[] lPhi = new double[4];
        int[] pdg = new int[4];
        int tried = 0;
        for (int i = 0; i < EVENTS; i++) {
            do {
                tried++;
            } while (!f.generate());
            for (int k = 0; k < 4; k++) {
                lPt[k] = f.lPt[k];
                lEta[k] = f.lEta[k];
                lPhi[k] = f.lPhi[k];
                pdg[k] = f.lFlavour[k] * -f.lCharge[k];
            }
            nJets[i] = f.nJets;
            nB[i] = f.nBjets;
            deta[i] = f.nJets >= 2 ? Math.abs(f.jEta[0] - f.jEta[1]) : 0;
            mass[i] = f.mass4l;
            logRatio[i] = lr.logRatio(f.nJets, f.jPt, f.jEta, f.jPhi, lPt, lEta, lPhi, pdg, i);
            error[i] = lr.standardError();
            truth[i] = f.truthLogLr;
            mela[i] = f.mela;
            // the same with the true four-lepton momentum and no lepton resolution
            if (i >= TRUTH_SYSTEM_EVENTS) {
                continue;
            }
            FourVector s = f.leptons4[0].plus(f.leptons4[1]).plus(f.leptons4[2]).plus(f.leptons4[3]);
            double c = EventFactory.RECOIL_SIGMA * EventFactory.RECOIL_SIGMA;
            lr.setEvent(f.nJets, f.jPt, f.jEta, f.jPhi, s.px(), s.py(), s.rapidity(), lEta, lPhi, c, 0, c);
            truthSystem[i] = lr.evaluate(i);
        }
        return new Sample(tried, nJets, nB, deta, mass, logRatio, error, truth, mela, truthSystem);
    }

    // ------------------------------------------------------------------ brute-force references

    /**
     * Models that always make exactly two truth jets, no pile-up: the only hypothesis is "both measured jets
     * are the truth jets", a 2-D integral over their truth pT, done here on a 0.1 GeV midpoint grid (the
     * integrand is smooth on that scale; the ordering swap at pT1 = pT2 is continuous since u = 1 there).
     */
    @Test
    void twoJetModelsAgreeWithQuadratureOverTheTruthPt() {
        double[] two = {0, 0, 1, 0, 0};
        JetModel v = JetModel.VBF.withMultiplicity(two);
        JetModel g = JetModel.GGH.withMultiplicity(two);
        double[] pt = {62, 55};
        double[] eta = {3.4, -0.8};
        double[] phi = {0.3, 2.9};
        double px = -(pt[0] * Math.cos(phi[0]) + pt[1] * Math.cos(phi[1])) + 12;
        double py = -(pt[0] * Math.sin(phi[0]) + pt[1] * Math.sin(phi[1])) - 6;
        double y = 0.7;
        double cxx = 102;
        double cxy = 0.8;
        double cyy = 101;
        RecoLikelihoodRatio lr = new RecoLikelihoodRatio(v, g, 0.0, 40_000);
        lr.setEvent(2, pt, eta, phi, px, py, y, LEPTON_ETA, LEPTON_PHI, cxx, cxy, cyy);
        double logRatio = lr.evaluate(3);
        double refV = quadrature(v, pt, eta, phi, px, py, y, cxx, cxy, cyy);
        double refG = quadrature(g, pt, eta, phi, px, py, y, cxx, cxy, cyy);
        // each density within 4 stated errors (relative errors ~0.3 %), and the ratio within 4 of its own
        assertEquals(refV, lr.lastLogNumerator(), 4 * lr.lastErrorNumerator(), "log p_VBF");
        assertEquals(refG, lr.lastLogDenominator(), 4 * lr.lastErrorDenominator(), "log p_ggH");
        assertEquals(refV - refG, logRatio, 4 * lr.standardError(), "log ratio");
        assertTrue(lr.standardError() < 0.01, "a precise comparison: " + lr.standardError());
    }

    private static double quadrature(JetModel m, double[] pt, double[] eta, double[] phi, double px, double py,
                                     double y, double cxx, double cxy, double cyy) {
        double h = 0.1;
        double hi0 = pt[0] * 2.6;
        double hi1 = pt[1] * 2.6;
        Jets j = new Jets();
        double sum = 0;
        for (double t0 = JetModel.PT_MIN + h / 2; t0 < hi0; t0 += h) {
            for (double t1 = JetModel.PT_MIN + h / 2; t1 < hi1; t1 += h) {
                j.clear();
                j.add(t0, eta[0], phi[0], 21);
                j.add(t1, eta[1], phi[1], 21);
                j.sortByPt();
                j.ySystem = y;
                double rx = px + t0 * Math.cos(phi[0]) + t1 * Math.cos(phi[1]);
                double ry = py + t0 * Math.sin(phi[0]) + t1 * Math.sin(phi[1]);
                // the jets' azimuth smearing moves the recoil across each jet
                double a = cxx;
                double b = cxy;
                double c = cyy;
                for (int k = 0; k < 2; k++) {
                    double t = k == 0 ? t0 : t1;
                    double v = Math.pow(Detector.JET_ANGLE_RESOLUTION * t, 2);
                    a += v * Math.pow(Math.sin(phi[k]), 2);
                    b -= v * Math.sin(phi[k]) * Math.cos(phi[k]);
                    c += v * Math.pow(Math.cos(phi[k]), 2);
                }
                double det = a * c - b * b;
                double logRecoil = -LOG_TWO_PI - 0.5 * Math.log(det) - 0.5 * (c * rx * rx - 2 * b * rx * ry + a * ry * ry) / det;
                double l = m.logDensity(j) - 2 * LOG_TWO_PI + logRecoil
                        + Sampling.logNormalDensity(pt[0], t0, t0 * Detector.jetResolution(t0, eta[0]))
                        + Sampling.logNormalDensity(pt[1], t1, t1 * Detector.jetResolution(t1, eta[1]));
                sum += Math.exp(l);
            }
        }
        return Math.log(sum * h * h);
    }

    /**
     * Events without a measured jet, full models and pile-up: the reference simulates the generator's truth
     * jets ({@link JetModel#sample}) and detector (pT, η and φ smearing, the 30 GeV threshold, acceptance,
     * overlap removal at the smeared direction, the pile-up jet) and keeps the events that end with no jet,
     * weighted by the recoil density at the measured system pT; the rapidity density is exact for n ≤ 1 (it
     * does not depend on the jets there) and a ±0.03 window otherwise (bias ≲ 0.2 %). This checks the lost-jet
     * hypotheses, the 1/L! and the normalisation across multiplicities, including the shared factors. The
     * second system pT points at the overlapping cones: there a hard jet lost in a lepton cone dominates.
     */
    @Test
    void eventsWithoutJetsAgreeWithForwardSimulation() {
        RecoLikelihoodRatio lr = new RecoLikelihoodRatio(JetModel.VBF, JetModel.GGH, EventFactory.PILEUP_JET_PROBABILITY, 40_000);
        double[][] systems = {{12, -5}, {-55 * Math.cos(-0.85), -55 * Math.sin(-0.85)}};
        double y = 0.4;
        double cxx = 101;
        double cxy = -0.6;
        double cyy = 100.5;
        double[] none = new double[0];
        StringBuilder report = new StringBuilder();
        for (double[] p : systems) {
            lr.setEvent(0, none, none, none, p[0], p[1], y, LEPTON_ETA, LEPTON_PHI, cxx, cxy, cyy);
            double logRatio = lr.evaluate(5);
            double[] v = forwardSimulation(JetModel.VBF, p[0], p[1], y, cxx, cxy, cyy, 31);
            double[] g = forwardSimulation(JetModel.GGH, p[0], p[1], y, cxx, cxy, cyy, 32);
            report.append(String.format("P=(%.1f, %.1f): VBF %.5f vs %.5f ± %.5f, ggH %.5f vs %.5f ± %.5f; ", p[0], p[1],
                    lr.lastLogNumerator(), Math.log(v[0]), v[1] / v[0], lr.lastLogDenominator(), Math.log(g[0]), g[1] / g[0]));
            double errV = Math.hypot(v[1] / v[0], lr.lastErrorNumerator());
            double errG = Math.hypot(g[1] / g[0], lr.lastErrorDenominator());
            assertEquals(Math.log(v[0]), lr.lastLogNumerator(), 4 * errV, report.toString());
            assertEquals(Math.log(g[0]), lr.lastLogDenominator(), 4 * errG, report.toString());
            assertEquals(Math.log(v[0] / g[0]), logRatio, 4 * Math.hypot(errV, errG), report.toString());
            assertTrue(errV < 0.05 && errG < 0.05, "a meaningful comparison: " + report);
        }
    }

    /** Mean and standard error of the forward-simulated density of "no jet, system pT (px, py), rapidity y". */
    private static double[] forwardSimulation(JetModel m, double px, double py, double y, double cxx, double cxy,
                                              double cyy, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Jets j = new Jets();
        int n = 3_000_000;
        double window = 0.03;
        double det = cxx * cyy - cxy * cxy;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            m.sample(r, j);
            double wy = j.n <= 1 ? Math.exp(Sampling.logNormalDensity(y, 0, JetModel.SIGMA_Y_FEW_JETS))
                    : Math.abs(j.ySystem - y) < window ? 1 / (2 * window) : 0;
            double rx = px;
            double ry = py;
            boolean seen = false;
            for (int k = 0; k < j.n; k++) {
                rx += j.pt[k] * Math.cos(j.phi[k]);
                ry += j.pt[k] * Math.sin(j.phi[k]);
                double eta = j.eta[k] + Detector.JET_ANGLE_RESOLUTION * r.nextGaussian();
                double phi = j.phi[k] + Detector.JET_ANGLE_RESOLUTION * r.nextGaussian();
                double pt = j.pt[k] * (1 + Detector.jetResolution(j.pt[k], eta) * r.nextGaussian());
                seen |= pt > Detector.JET_PT_MIN && Math.abs(eta) < Detector.JET_ETA_MAX && !nearLepton(eta, phi);
            }
            if (r.nextDouble() < EventFactory.PILEUP_JET_PROBABILITY) {
                seen |= !nearLepton(JetModel.ETA_MAX * (2 * r.nextDouble() - 1), Sampling.phi(r));
            }
            if (seen || wy == 0) {
                continue;
            }
            double quad = (cyy * rx * rx - 2 * cxy * rx * ry + cxx * ry * ry) / det;
            double w = wy * Math.exp(-LOG_TWO_PI - 0.5 * Math.log(det) - 0.5 * quad);
            sum += w;
            sq += w * w;
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt((sq / n - mean * mean) / n)};
    }

    private static boolean nearLepton(double eta, double phi) {
        for (int l = 0; l < 4; l++) {
            if (Hzz4lObservables.deltaR(eta, phi, LEPTON_ETA[l], LEPTON_PHI[l]) < Detector.JET_LEPTON_DR) {
                return true;
            }
        }
        return false;
    }

    /** The union of the lepton cones against hit-or-miss counting (two of the four cones overlap). */
    @Test
    void coneAreaMatchesHitOrMiss() {
        RecoLikelihoodRatio lr = new RecoLikelihoodRatio();
        double[] none = new double[0];
        lr.setEvent(0, none, none, none, 0, 0, 0, LEPTON_ETA, LEPTON_PHI, 100, 0, 100);
        SplittableRandom r = new SplittableRandom(9);
        int n = 2_000_000;
        int in = 0;
        for (int i = 0; i < n; i++) {
            in += nearLepton(JetModel.ETA_MAX * (2 * r.nextDouble() - 1), Sampling.phi(r)) ? 1 : 0;
        }
        double p = (double) in / n;
        assertEquals(p, lr.overlapFraction(), 4 * Math.sqrt(p * (1 - p) / n));
        assertTrue(lr.overlapFraction() < 4 * Math.PI * 0.16 / (9.4 * 2 * Math.PI) * 0.99, "the overlap is counted once");
    }

    // ------------------------------------------------------------------ calibration on generated events

    /**
     * E_ggH[p_VBF/p_ggH · 1_A] = P_VBF(A) for any region A of observed quantities, the probabilities per tried
     * candidate (A inside the HZZ4ℓ selection, which is itself such a region): ggH events reweighted by the
     * estimated ratio against the VBF counts, in ggH-like regions (where the weights are moderate); and the
     * converse E_VBF[p_ggH/p_VBF · 1_A] = P_ggH(A) in VBF-like ones. "All selected events" is the
     * whole-sample identity E_ggH[r] = P_VBF(sel)/P_ggH(sel)·P_ggH(sel), loosely measured (E_ggH[r²] is large).
     */
    @Test
    void ratioReweightsOneModelIntoTheOther() {
        StringBuilder report = new StringBuilder();
        String[] names = {"all selected", "0 jets", "1 jet", ">=2 jets, |deta| < 2.5", ">=2 jets, |deta| > 3", "VBF-SR"};
        boolean[] fromGgh = {true, true, true, true, false, false};
        // the precision each comparison reaches with 10 000 events a model (relative error of the difference)
        double[] maxRelErr = {0.08, 0.06, 0.05, 0.09, 0.09, 0.16};
        boolean[] agree = new boolean[names.length];
        boolean[] precise = new boolean[names.length];
        for (int a = 0; a < names.length; a++) {
            Sample from = fromGgh[a] ? ggh : vbf;
            Sample to = fromGgh[a] ? vbf : ggh;
            double sign = fromGgh[a] ? 1 : -1;
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < EVENTS; i++) {
                if (inRegion(a, from, i)) {
                    double w = Math.exp(sign * from.logRatio[i]);
                    sum += w;
                    sq += w * w;
                }
            }
            double reweighted = sum / from.tried;
            double errReweighted = Math.sqrt((sq / from.tried - reweighted * reweighted) / from.tried);
            int count = 0;
            for (int i = 0; i < EVENTS; i++) {
                count += inRegion(a, to, i) ? 1 : 0;
            }
            double direct = (double) count / to.tried;
            double errDirect = Math.sqrt(direct * (1 - direct) / to.tried);
            double err = Math.hypot(errReweighted, errDirect);
            report.append(String.format("%s (%s reweighted): %.5f ± %.5f vs %.5f ± %.5f; ", names[a],
                    fromGgh[a] ? "ggH" : "VBF", reweighted, errReweighted, direct, errDirect));
            agree[a] = Math.abs(direct - reweighted) < 4 * err;
            precise[a] = err / direct < maxRelErr[a];
        }
        for (int a = 0; a < names.length; a++) {
            assertTrue(agree[a], names[a] + " within 4 errors: " + report);
            assertTrue(precise[a], names[a] + " measured precisely: " + report);
        }
    }

    /**
     * The posterior D = p_VBF/(p_VBF + p_ggH) is calibrated: pooling both models' selected events, each weighted
     * by 1/(its model's tried candidates) so that the two priors are equal, the VBF fraction in every bin of D
     * equals the bin's mean D (E[1_VBF − D | bin] = 0, with the binomial variance D(1 − D) under that
     * hypothesis). This holds only for the true density ratio, over all candidates and with bounded weights,
     * so it is precise everywhere, including the VBF-like bins where the reweighting identities are not.
     */
    @Test
    void posteriorIsCalibrated() {
        double[] edges = {-3, -2, -1, 0, 1, 2, 3, 5};
        int bins = edges.length + 1;
        double[] sum = new double[bins];
        double[] var = new double[bins];
        double[] weight = new double[bins];
        double[] meanD = new double[bins];
        for (Sample s : new Sample[] {vbf, ggh}) {
            double w = 1.0 / s.tried;
            double isVbf = s == vbf ? 1 : 0;
            for (int i = 0; i < EVENTS; i++) {
                double l = s.logRatio[i];
                double d = 1 / (1 + Math.exp(-l));
                int b = 0;
                while (b < edges.length && l >= edges[b]) {
                    b++;
                }
                sum[b] += w * (isVbf - d);
                var[b] += w * w * d * (1 - d);
                weight[b] += w;
                meanD[b] += w * d;
            }
        }
        StringBuilder report = new StringBuilder("bin: mean D, VBF fraction ± error; ");
        for (int b = 0; b < bins; b++) {
            report.append(String.format("%d: %.4f, %.4f ± %.4f; ", b, meanD[b] / weight[b],
                    (meanD[b] + sum[b]) / weight[b], Math.sqrt(var[b]) / weight[b]));
        }
        for (int b = 0; b < bins; b++) {
            assertTrue(Math.abs(sum[b]) < 4 * Math.sqrt(var[b]), "bin " + b + " calibrated: " + report);
            assertTrue(Math.sqrt(var[b]) / weight[b] < 0.03, "bin " + b + " measured to 3 %: " + report);
        }
    }

    private static boolean inRegion(int region, Sample s, int i) {
        int nj = s.nJets[i];
        return switch (region) {
            case 0 -> true;
            case 1 -> nj == 0;
            case 2 -> nj == 1;
            case 3 -> nj >= 2 && s.deta[i] < 2.5;
            case 4 -> nj >= 2 && s.deta[i] > 3;
            default -> inSignalRegion(s, i);
        };
    }

    private static boolean inSignalRegion(Sample s, int i) {
        int nj = s.nJets[i];
        return ((nj >= 2 && nj <= 3 && s.nB[i] <= 1) || (nj > 3 && s.nB[i] == 0)) && s.mass[i] >= 118 && s.mass[i] <= 130;
    }

    /**
     * In the VBF signal region: AUC(reco ratio) is below AUC(f_truth_lr), which sees the truth jets, and above
     * the MELA-like f_Djet_VAJHU, which uses the same measured jets but only the two leading ones at face value.
     */
    @Test
    void aucLiesBetweenMelaAndTheTruthRatio() {
        double reco = signalRegionAuc(Sample::logRatio);
        double truth = signalRegionAuc(Sample::truthLogLr);
        double mela = signalRegionAuc(Sample::mela);
        String msg = String.format("VBF-SR AUC: truth ratio %.4f, reco ratio %.4f, MELA %.4f", truth, reco, mela);
        assertTrue(reco < truth, msg);
        assertTrue(reco > mela, msg);
    }

    private static double signalRegionAuc(java.util.function.Function<Sample, double[]> score) {
        double[] s = selectSignalRegion(vbf, score.apply(vbf));
        double[] b = selectSignalRegion(ggh, score.apply(ggh));
        return auc(s, b);
    }

    private static double[] selectSignalRegion(Sample s, double[] values) {
        double[] out = new double[EVENTS];
        int n = 0;
        for (int i = 0; i < EVENTS; i++) {
            if (inSignalRegion(s, i)) {
                out[n++] = values[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Mann–Whitney AUC: P(signal score > background score), ties counted half. */
    private static double auc(double[] s, double[] b) {
        double[] bs = b.clone();
        Arrays.sort(bs);
        double sum = 0;
        for (double x : s) {
            int lo = lowerBound(bs, x);
            int hi = lowerBound(bs, Math.nextUp(x));
            sum += lo + 0.5 * (hi - lo);
        }
        return sum / ((double) s.length * bs.length);
    }

    private static int lowerBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ------------------------------------------------------------------ approximations, noise, errors

    /**
     * The measured four-lepton momentum stands in for the true one: the ratio computed from the true
     * momentum differs by far less than the spread of the ratio, and by no more than a few MC errors.
     */
    @Test
    void leptonResolutionBarelyMovesTheRatio() {
        double diff = 0;
        double noise = 0;
        for (Sample s : new Sample[] {ggh, vbf}) {
            for (int i = 0; i < TRUTH_SYSTEM_EVENTS; i++) {
                diff += Math.abs(s.logRatio[i] - s.logRatioTruthSystem[i]);
                noise += s.error[i];
            }
        }
        diff /= 2 * TRUTH_SYSTEM_EVENTS;
        noise /= 2 * TRUTH_SYSTEM_EVENTS;
        String msg = String.format("mean |Δ log r| true vs measured 4ℓ momentum %.4f, mean MC error %.4f", diff, noise);
        assertTrue(diff < 0.05, msg);
        assertTrue(diff < 2 * noise, msg);
    }

    /** The same seed gives the same value, another seed a value within the stated error. */
    @Test
    void reproducibleWithItsSeedAndNoisyWithinItsError() {
        EventFactory f = EventFactory.forProcess(Process.QQH, FinalState.FOUR_MU, EventFactory.Region.SIGNAL,
                new SplittableRandom(4));
        RecoLikelihoodRatio lr = new RecoLikelihoodRatio();
        double[] lPt = new double[4];
        int[] pdg = {13, -13, 13, -13};
        int checked = 0;
        double chi2 = 0;
        while (checked < 200) {
            if (!f.generate() || f.nJets < 2) {
                continue;
            }
            System.arraycopy(f.lPt, 0, lPt, 0, 4);
            double a = lr.logRatio(f.nJets, f.jPt, f.jEta, f.jPhi, lPt, f.lEta, f.lPhi, pdg, 17);
            double errA = lr.standardError();
            assertEquals(a, lr.logRatio(f.nJets, f.jPt, f.jEta, f.jPhi, lPt, f.lEta, f.lPhi, pdg, 17));
            double b = lr.logRatio(f.nJets, f.jPt, f.jEta, f.jPhi, lPt, f.lEta, f.lPhi, pdg, 18);
            chi2 += (a - b) * (a - b) / (errA * errA + lr.standardError() * lr.standardError());
            checked++;
        }
        // the stated errors describe the seed-to-seed scatter: χ²/n near 1 (0.5–2 allows for the error's own noise)
        double perEvent = chi2 / checked;
        assertTrue(perEvent > 0.5 && perEvent < 2, "chi2/n = " + perEvent);
    }

    @Test
    void moreJetsThanTheModelsMakeGiveNaNAndBadInputIsRejected() {
        RecoLikelihoodRatio lr = new RecoLikelihoodRatio();
        double[] jets = {100, 80, 60, 50};
        double[] lPt = {40, 30, 20, 10};
        int[] pdg = {11, -11, 13, -13};
        assertTrue(Double.isNaN(lr.logRatio(6, jets, jets, jets, lPt, LEPTON_ETA, LEPTON_PHI, pdg, 1)));
        PhysicsException e = assertThrows(PhysicsException.class,
                () -> lr.logRatio(2, jets, jets, jets, lPt, LEPTON_ETA, LEPTON_PHI, new int[] {11, -11, 15, -15}, 1));
        assertEquals("RecoLikelihoodRatio: lepton 3 pdg id 15, expected ±11 or ±13", e.getMessage());
        e = assertThrows(PhysicsException.class,
                () -> lr.logRatio(3, new double[2], jets, jets, lPt, LEPTON_ETA, LEPTON_PHI, pdg, 1));
        assertEquals("RecoLikelihoodRatio: 3 jets need that many (at most 4) pT, eta, phi values; got 2, 4, 4", e.getMessage());
    }
}
