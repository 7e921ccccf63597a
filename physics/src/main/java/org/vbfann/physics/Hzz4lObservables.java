package org.vbfann.physics;

/**
 * The observables of the VBF H→ZZ→4ℓ analysis as primitive functions, usable inside column loops without
 * allocation. Jets are given as (pT, η, φ, E); the reduced ntuple stores E_T, so callers convert with
 * {@link #jetEnergy(double, double)}.
 */
public final class Hzz4lObservables {
    /**
     * Coefficient of |Δη_jj| in the linear (Fisher) VBF discriminant D_jet = 0.18·|Δη_jj| + 1.92·10⁻⁴·m_jj;
     * CJLST/ZZAnalysis {@code AnalysisStep/src/Fisher.cc}, analysis spec §1.1 and §8 A7.
     */
    public static final double FISHER_DJET_DETA = 0.18;
    /** Coefficient of m_jj [GeV] in the Fisher D_jet; same source as {@link #FISHER_DJET_DETA}. */
    public static final double FISHER_DJET_MJJ = 1.92e-4;
    /** The reduced ntuple's marker of an unset value (analysis spec §1.1 "Sentinel"). */
    public static final double SENTINEL = -999.0;

    private Hzz4lObservables() {
    }

    /** Jet energy from the reduced ntuple's E_T and η: E = E_T·cosh η (spec §1.1: {@code *_e} holds E_T). */
    public static double jetEnergy(double et, double eta) {
        return et * Math.cosh(eta);
    }

    /** |η₁ − η₂|. */
    public static double deltaEta(double eta1, double eta2) {
        return Math.abs(eta1 - eta2);
    }

    /** φ₁ − φ₂ wrapped into [−π, π]. */
    public static double deltaPhi(double phi1, double phi2) {
        double d = phi1 - phi2;
        while (d > Math.PI) {
            d -= 2 * Math.PI;
        }
        while (d < -Math.PI) {
            d += 2 * Math.PI;
        }
        return d;
    }

    /** ΔR = √(Δη² + Δφ²). */
    public static double deltaR(double eta1, double phi1, double eta2, double phi2) {
        double dphi = deltaPhi(phi1, phi2);
        double deta = eta1 - eta2;
        return Math.sqrt(deta * deta + dphi * dphi);
    }

    /** Invariant mass of two objects given as (pT, η, φ, E); negative m² (rounding) gives 0. */
    public static double pairMass(double pt1, double eta1, double phi1, double e1,
                                  double pt2, double eta2, double phi2, double e2) {
        double px = pt1 * Math.cos(phi1) + pt2 * Math.cos(phi2);
        double py = pt1 * Math.sin(phi1) + pt2 * Math.sin(phi2);
        double pz = pt1 * Math.sinh(eta1) + pt2 * Math.sinh(eta2);
        double e = e1 + e2;
        double m2 = e * e - px * px - py * py - pz * pz;
        return m2 > 0 ? Math.sqrt(m2) : 0.0;
    }

    /** Transverse momentum of the sum of two objects. */
    public static double pairPt(double pt1, double phi1, double pt2, double phi2) {
        return Math.hypot(pt1 * Math.cos(phi1) + pt2 * Math.cos(phi2), pt1 * Math.sin(phi1) + pt2 * Math.sin(phi2));
    }

    /** The linear VBF discriminant D_jet = 0.18·|Δη_jj| + 1.92·10⁻⁴·m_jj (spec §1.1). */
    public static double fisherDjet(double absDeltaEtaJJ, double mjj) {
        return FISHER_DJET_DETA * absDeltaEtaJJ + FISHER_DJET_MJJ * mjj;
    }

    /**
     * Zeppenfeld centrality z* = (y − (η_j1 + η_j2)/2)/|Δη_jj| of an object of (pseudo)rapidity y between the
     * two tag jets (spec §8 A8: small for VBF).
     */
    public static double zeppenfeld(double y, double etaJ1, double etaJ2) {
        return (y - 0.5 * (etaJ1 + etaJ2)) / Math.abs(etaJ1 - etaJ2);
    }

    /**
     * Rapidity y = asinh(pT·sinh η/m_T), m_T = √(m² + pT²), of an object of transverse momentum pT, pseudorapidity η
     * and mass m: the boost-additive variable the production densities use, unlike η.
     */
    public static double rapidity(double pt, double eta, double mass) {
        return asinh(pt * Math.sinh(eta) / Math.sqrt(mass * mass + pt * pt));
    }

    /** The inverse hyperbolic sine, symmetric in x so that large negative arguments lose no digits. */
    public static double asinh(double x) {
        double a = Math.abs(x);
        return Math.copySign(Math.log(a + Math.sqrt(a * a + 1.0)), x);
    }

    /** Whether a stored value is the ntuple's "absent" marker (−999, compared with a tolerance for floats). */
    public static boolean isSentinel(double v) {
        return v <= SENTINEL + 0.5;
    }
}
