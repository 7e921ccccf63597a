package org.vbfann.physics.gen;

import java.util.SplittableRandom;

/**
 * The truth-jet model of a production mechanism: jet multiplicity inside the acceptance (pT &gt; 30 GeV,
 * |η| &lt; 4.7), the kinematics of the leading jets and the rapidity of the four-lepton system relative to
 * them. Every piece has a closed-form density, so {@link #logDensity} is exact; the generator's truth
 * likelihood ratio and its MELA-like discriminant are ratios of two models' densities (docs/generator.md).
 *
 * <p>Two leading jets: pT1 = 30 + Gamma(k1, θ1); pT2 = 30 + u·(pT1 − 30), u ~ Beta(a, 1); signed
 * Δη = η1 − η2 with |Δη| ~ Gamma(kΔ, θΔ) and a fair sign; centre η̄ = (η1 + η2)/2 ~ N(0, σc), the pair
 * restricted to |η1|, |η2| &lt; 4.7 (normalised numerically, 1D integral); φ1, φ2 uniform. System
 * rapidity y ~ N(ρ·η̄, s·|Δη| + c). A third jet: pT3 = 30 + u3·(pT2 − 30), u3 ~ Beta(1.3, 1); η3 either near
 * a tag jet (½N(η1, σ3) + ½N(η2, σ3)) or central N(0, σ3), truncated. A fourth jet: the same with
 * N(0, 2), common to all models. One jet: pT = 30 + Gamma, η ~ N(0, σ1) truncated; no jet or one jet:
 * y ~ N(0, 1.5), common to all models.
 */
final class JetModel {
    static final double PT_MIN = 30.0;
    static final double ETA_MAX = 4.7;
    /** Beta(1.3, 1) exponent of the third and fourth jets' pT fractions (all models). */
    static final double A_THIRD = 1.3;
    /** Width of the fourth jet's η, N(0, 2) truncated (all models). */
    static final double SIGMA_FOURTH = 2.0;
    /** Width of the system rapidity with fewer than two jets (all models). */
    static final double SIGMA_Y_FEW_JETS = 1.5;

    /**
     * VBF (qqH) tag jets: hard, forward-backward, large |Δη| (mean 4.4), the system between them
     * (spec §8 A8: Δη peak ~4–5, m_jj median ~600–800 GeV; a third jet close to a tag jet).
     */
    static final JetModel VBF = new JetModel(new double[] {0.05, 0.22, 0.50, 0.17, 0.06},
            1.8, 35.0, 2.3,
            2.2, 40.0, 1.6, 5.5, 0.8, 0.9,
            1.0, 0.25, 0.3, true, 1.2);
    /**
     * Gluon fusion radiation: softer, central, small |Δη| (mean 1.9), the system uncorrelated with the jets
     * (spec §8 A8: m_jj median ~150–250 GeV); multiplicity of POWHEG-like ggH in the 4ℓ selection.
     */
    static final JetModel GGH = new JetModel(new double[] {0.58, 0.28, 0.10, 0.03, 0.01},
            1.3, 28.0, 1.6,
            1.6, 30.0, 1.2, 1.6, 1.2, 1.1,
            0.4, 0.0, 1.3, false, 1.8);
    /** qq̄ → ZZ: initial-state radiation like ggH, fewer jets. */
    static final JetModel QQZZ = GGH.withMultiplicity(new double[] {0.70, 0.22, 0.06, 0.016, 0.004});
    /** Electroweak ZZjj: VBF-like tag jets (vector-boson scattering). */
    static final JetModel ZZJJ = VBF.withMultiplicity(new double[] {0.02, 0.18, 0.55, 0.18, 0.07});
    /** Z + jets under the Z+X estimate: more jets than ZZ, since fake leptons come from jets. */
    static final JetModel ZJETS = GGH.withMultiplicity(new double[] {0.55, 0.30, 0.11, 0.03, 0.01});

    final double[] multiplicity;
    private final double k1One;
    private final double theta1One;
    private final double sigmaEtaOne;
    private final double k1;
    private final double theta1;
    private final double aSub;
    private final double kDeta;
    private final double thetaDeta;
    private final double sigmaCentre;
    private final double yRho;
    private final double ySlope;
    private final double yConst;
    private final boolean thirdNearTag;
    private final double sigmaThird;
    private final double logTwoJetNorm;
    private final double logOneJetNorm;
    private final double logCentralThirdNorm;
    private final double logNormPt1One;
    private final double logNormPt1;
    private final double logNormDeta;

    private JetModel(double[] multiplicity, double k1One, double theta1One, double sigmaEtaOne,
                     double k1, double theta1, double aSub, double kDeta, double thetaDeta, double sigmaCentre,
                     double yRho, double ySlope, double yConst, boolean thirdNearTag, double sigmaThird) {
        this.multiplicity = multiplicity.clone();
        this.k1One = k1One;
        this.theta1One = theta1One;
        this.sigmaEtaOne = sigmaEtaOne;
        this.k1 = k1;
        this.theta1 = theta1;
        this.aSub = aSub;
        this.kDeta = kDeta;
        this.thetaDeta = thetaDeta;
        this.sigmaCentre = sigmaCentre;
        this.yRho = yRho;
        this.ySlope = ySlope;
        this.yConst = yConst;
        this.thirdNearTag = thirdNearTag;
        this.sigmaThird = sigmaThird;
        this.logTwoJetNorm = Math.log(twoJetAcceptance(kDeta, thetaDeta, sigmaCentre));
        this.logOneJetNorm = Math.log(2 * Sampling.normalCdf(ETA_MAX / sigmaEtaOne) - 1);
        this.logCentralThirdNorm = Math.log(2 * Sampling.normalCdf(ETA_MAX / sigmaThird) - 1);
        this.logNormPt1One = Sampling.logGammaNorm(k1One, theta1One);
        this.logNormPt1 = Sampling.logGammaNorm(k1, theta1);
        this.logNormDeta = Sampling.logGammaNorm(kDeta, thetaDeta);
    }

    /** This model with other multiplicity probabilities P(n = 0..4). */
    JetModel withMultiplicity(double[] p) {
        return new JetModel(p, k1One, theta1One, sigmaEtaOne, k1, theta1, aSub, kDeta, thetaDeta, sigmaCentre,
                yRho, ySlope, yConst, thirdNearTag, sigmaThird);
    }

    /**
     * P(|η̄| + |Δη|/2 &lt; 4.7) for |Δη| ~ Gamma(k, θ) and η̄ ~ N(0, σ): ∫ Gamma(Δ)·(2Φ((4.7 − Δ/2)/σ) − 1) dΔ
     * over [0, 9.4], Simpson's rule on 4000 intervals (error far below 1e-9).
     */
    static double twoJetAcceptance(double k, double theta, double sigma) {
        int n = 4000;
        double hi = 2 * ETA_MAX;
        double h = hi / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double d = i * h;
            double g = d == 0 ? (k == 1 ? 1 / theta : 0) : Math.exp(Sampling.logGammaDensity(d, k, theta));
            double f = g * (2 * Sampling.normalCdf((ETA_MAX - d / 2) / sigma) - 1);
            sum += f * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return sum * h / 3;
    }

    /** Draws a multiplicity from this model's probabilities, then the jets. */
    void sample(SplittableRandom r, Jets out) {
        sample(r, Sampling.discrete(r, multiplicity), out);
    }

    /** Draws {@code n} jets (0..4) and the system rapidity into {@code out} (cleared first). */
    void sample(SplittableRandom r, int n, Jets out) {
        out.clear();
        if (n == 0) {
            out.ySystem = SIGMA_Y_FEW_JETS * r.nextGaussian();
            return;
        }
        if (n == 1) {
            double pt = PT_MIN + Sampling.gamma(r, k1One, theta1One);
            out.add(pt, Sampling.truncatedGauss(r, 0, sigmaEtaOne, ETA_MAX), Sampling.phi(r), 21);
            out.ySystem = SIGMA_Y_FEW_JETS * r.nextGaussian();
            return;
        }
        double pt1 = PT_MIN + Sampling.gamma(r, k1, theta1);
        double pt2 = PT_MIN + Math.pow(r.nextDouble(), 1.0 / aSub) * (pt1 - PT_MIN);
        double centre;
        double deta;
        do {
            deta = Sampling.gamma(r, kDeta, thetaDeta);
            centre = sigmaCentre * r.nextGaussian();
        } while (Math.abs(centre) + deta / 2 >= ETA_MAX);
        if (r.nextBoolean()) {
            deta = -deta;
        }
        double eta1 = centre + deta / 2;
        double eta2 = centre - deta / 2;
        out.add(pt1, eta1, Sampling.phi(r), 21);
        out.add(pt2, eta2, Sampling.phi(r), 21);
        out.ySystem = yRho * centre + (ySlope * Math.abs(deta) + yConst) * r.nextGaussian();
        if (n >= 3) {
            double pt3 = PT_MIN + Math.pow(r.nextDouble(), 1.0 / A_THIRD) * (pt2 - PT_MIN);
            double eta3;
            if (thirdNearTag) {
                double tag = r.nextBoolean() ? eta1 : eta2;
                do {
                    eta3 = tag + sigmaThird * r.nextGaussian();
                } while (Math.abs(eta3) >= ETA_MAX);
            } else {
                eta3 = Sampling.truncatedGauss(r, 0, sigmaThird, ETA_MAX);
            }
            out.add(pt3, eta3, Sampling.phi(r), 21);
            if (n >= 4) {
                double pt4 = PT_MIN + Math.pow(r.nextDouble(), 1.0 / A_THIRD) * (pt3 - PT_MIN);
                out.add(pt4, Sampling.truncatedGauss(r, 0, SIGMA_FOURTH, ETA_MAX), Sampling.phi(r), 21);
            }
        }
    }

    /**
     * log density of the multiplicity, jets and system rapidity under this model, without the factors that
     * all models share (azimuths, the pT fractions of the third and fourth jet, the fourth jet's η, the
     * rapidity with fewer than two jets): the difference of two models' values is the exact log likelihood
     * ratio. Jets beyond the fourth are ignored.
     */
    double logDensity(Jets j) {
        int n = Math.min(j.n, multiplicity.length - 1);
        double logp = Math.log(multiplicity[n]);
        if (n == 1) {
            logp += Sampling.logGammaDensity(j.pt[0] - PT_MIN, k1One, theta1One, logNormPt1One)
                    + Sampling.logNormalDensity(j.eta[0], 0, sigmaEtaOne) - logOneJetNorm;
        } else if (n >= 2) {
            logp += logTwoJetDensity(j.pt[0], j.eta[0], j.pt[1], j.eta[1], j.ySystem);
            if (n >= 3) {
                logp += logThirdEtaDensity(j.eta[2], j.eta[0], j.eta[1]);
            }
        }
        return logp;
    }

    /**
     * log density of the two leading jets' pT and η and of the system rapidity (the "4ℓ + 2 jets" part,
     * which the MELA-like discriminant uses), without the shared azimuth factors.
     */
    double logTwoJetDensity(double pt1, double eta1, double pt2, double eta2, double ySystem) {
        double x1 = pt1 - PT_MIN;
        double u = (pt2 - PT_MIN) / x1;
        if (!(x1 > 0) || !(u > 0) || u > 1) {
            return Double.NEGATIVE_INFINITY;
        }
        double deta = Math.abs(eta1 - eta2);
        double centre = 0.5 * (eta1 + eta2);
        double ySigma = ySlope * deta + yConst;
        return Sampling.logGammaDensity(x1, k1, theta1, logNormPt1)
                + Math.log(aSub) + (aSub - 1) * Math.log(u) - Math.log(x1)
                + Math.log(0.5) + Sampling.logGammaDensity(deta, kDeta, thetaDeta, logNormDeta)
                + Sampling.logNormalDensity(centre, 0, sigmaCentre) - logTwoJetNorm
                + Sampling.logNormalDensity(ySystem, yRho * centre, ySigma);
    }

    private double logThirdEtaDensity(double eta3, double eta1, double eta2) {
        if (!thirdNearTag) {
            return Sampling.logNormalDensity(eta3, 0, sigmaThird) - logCentralThirdNorm;
        }
        double d = 0.5 * Math.exp(Sampling.logNormalDensity(eta3, eta1, sigmaThird))
                + 0.5 * Math.exp(Sampling.logNormalDensity(eta3, eta2, sigmaThird));
        double norm = 0.5 * (Sampling.normalCdf((ETA_MAX - eta1) / sigmaThird) - Sampling.normalCdf((-ETA_MAX - eta1) / sigmaThird))
                + 0.5 * (Sampling.normalCdf((ETA_MAX - eta2) / sigmaThird) - Sampling.normalCdf((-ETA_MAX - eta2) / sigmaThird));
        return Math.log(d / norm);
    }
}
