package org.vbfann.physics.gen;

import java.util.SplittableRandom;
import org.vbfann.physics.FourVector;

/**
 * The four-lepton system in its rest frame: the two Z (or Z*, γ*) masses and the decay Z Z → ℓℓ ℓℓ, then the
 * boost to the laboratory. Z line shape: relativistic Breit–Wigner with m_Z = 91.1876 GeV, Γ_Z = 2.4952 GeV
 * (PDG), in the form ρ(m) = m³/((m² − m_Z²)² + m_Z²Γ_Z²) that includes the off-shell Z* vertex factor. Decays
 * are isotropic in each Z rest frame (no spin correlations: documented in docs/generator.md).
 */
final class FourLeptonSystem {
    /** Z mass [GeV], PDG 2024. */
    static final double M_Z = 91.1876;
    /** Z width [GeV], PDG 2024. */
    static final double GAMMA_Z = 2.4952;
    static final double M_ELECTRON = 0.000511;
    static final double M_MUON = 0.10566;
    /** Lowest generated dilepton mass [GeV], below the selection's 4 GeV and 12 GeV cuts' reach. */
    static final double M_LL_MIN = 4.0;

    /** How the two dilepton masses are drawn. */
    enum Masses {
        /** H → Z Z*: ρ(m1) ρ(m2) · β (β² + 12 m1² m2²/M⁴), the scalar's decay matrix element times phase space. */
        HIGGS,
        /** q q̄ / g g → Z Z continuum: ρ(m1) ρ(m2) · β (double-resonant, phase space only). */
        CONTINUUM,
        /** Z + a non-resonant pair (t t̄ Z, Z + fakes): m1 from ρ in [40, 120], m2 uniform in [12, min(120, M − m1)]. */
        Z_PLUS_PAIR
    }

    private static final TabulatedDistribution LINE_SHAPE = new TabulatedDistribution(FourLeptonSystem::rho,
            M_LL_MIN, 400.0, 40000);

    /**
     * Below {@link #TABLE_MASS_MAX} the kinematic limit m1 + m2 &lt; M cuts deep into the line shape, so the
     * first mass is drawn from its exact marginal ρ(a)·(F(M − a) − F(4)), tabulated on a grid of M.
     */
    private static final double TABLE_MASS_MIN = 70.0;
    private static final double TABLE_MASS_MAX = 220.0;
    private static final double TABLE_MASS_STEP = 0.5;
    private static final TabulatedDistribution[] FIRST_MASS = firstMassTables();

    private static TabulatedDistribution[] firstMassTables() {
        int n = (int) Math.round((TABLE_MASS_MAX - TABLE_MASS_MIN) / TABLE_MASS_STEP) + 1;
        TabulatedDistribution[] t = new TabulatedDistribution[n];
        double f4 = LINE_SHAPE.cdf(M_LL_MIN);
        for (int i = 0; i < n; i++) {
            double mass = TABLE_MASS_MIN + i * TABLE_MASS_STEP;
            t[i] = new TabulatedDistribution(a -> rho(a) * Math.max(0, LINE_SHAPE.cdf(mass - a) - f4),
                    M_LL_MIN, mass - M_LL_MIN, 2000);
        }
        return t;
    }

    /** The line shape ρ(m) = m³/((m² − m_Z²)² + m_Z²Γ_Z²). */
    static double rho(double m) {
        double d = m * m - M_Z * M_Z;
        return m * m * m / (d * d + M_Z * M_Z * GAMMA_Z * GAMMA_Z);
    }

    /** Masses of the first and second pair after {@link #sampleMasses}. */
    double m1;
    double m2;

    /**
     * H(125) → Z Z*: the (m1, m2) density tabulated on a 0.2 GeV grid (cells sampled by their cumulative
     * probability, uniformly inside a cell); the phase-space edge m1 + m2 &lt; M drives the rejection
     * method's acceptance to a few per cent, the table costs one binary search.
     */
    private static final double HIGGS_GRID_MASS = 125.0;
    private static final double HIGGS_GRID_STEP = 0.2;
    private static final int HIGGS_GRID_N = (int) Math.round((HIGGS_GRID_MASS - 2 * M_LL_MIN) / HIGGS_GRID_STEP);
    private static final double[] HIGGS_GRID_CDF = higgsGrid();

    private static double[] higgsGrid() {
        int n = HIGGS_GRID_N;
        double[] cdf = new double[n * n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double a = M_LL_MIN + (i + 0.5) * HIGGS_GRID_STEP;
            for (int j = 0; j < n; j++) {
                double b = M_LL_MIN + (j + 0.5) * HIGGS_GRID_STEP;
                sum += a + b < HIGGS_GRID_MASS ? higgsDensity(HIGGS_GRID_MASS, a, b) : 0;
                cdf[i * n + j] = sum;
            }
        }
        for (int k = 0; k < cdf.length; k++) {
            cdf[k] /= sum;
        }
        return cdf;
    }

    /** ρ(a) ρ(b) β (β² + 12 a² b²/M⁴): the H → Z Z* → 4ℓ density in the two pair masses. */
    static double higgsDensity(double mass, double a, double b) {
        double beta = beta(mass, a, b);
        double x = a * a * b * b / (mass * mass * mass * mass);
        return rho(a) * rho(b) * beta * (beta * beta + 12 * x);
    }

    /**
     * Draws (m1, m2) for a system of mass {@code mass}: the Higgs from its table, the continuum by sampling
     * ρ(a) ρ(b) on a + b &lt; M exactly and accepting with probability β.
     */
    void sampleMasses(SplittableRandom r, Masses kind, double mass) {
        if (kind == Masses.HIGGS) {
            if (mass != HIGGS_GRID_MASS) {
                throw new IllegalArgumentException("the H -> ZZ* table is for mH = " + HIGGS_GRID_MASS + ", not " + mass);
            }
            int cell = TabulatedDistribution.firstAbove(HIGGS_GRID_CDF, r.nextDouble(), -1);
            double a = M_LL_MIN + (cell / HIGGS_GRID_N + r.nextDouble()) * HIGGS_GRID_STEP;
            double b = M_LL_MIN + (cell % HIGGS_GRID_N + r.nextDouble()) * HIGGS_GRID_STEP;
            m1 = a;
            m2 = b;
            return;
        }
        if (kind == Masses.Z_PLUS_PAIR) {
            do {
                m1 = LINE_SHAPE.sample(r, 40.0, 120.0);
            } while (mass - m1 <= 13.0);
            m2 = 12.0 + r.nextDouble() * (Math.min(120.0, mass - m1 - 1.0) - 12.0);
            return;
        }
        double f4 = LINE_SHAPE.cdf(M_LL_MIN);
        TabulatedDistribution first = null;
        double gridMass = mass;
        if (mass <= TABLE_MASS_MAX) {
            int idx = (int) Math.ceil((mass - TABLE_MASS_MIN) / TABLE_MASS_STEP - 1e-9);
            idx = Math.max(0, Math.min(FIRST_MASS.length - 1, idx));
            first = FIRST_MASS[idx];
            gridMass = TABLE_MASS_MIN + idx * TABLE_MASS_STEP;
        }
        while (true) {
            double a;
            if (first != null) {
                // a from ρ(a)·(F(M_grid − a) − F(4)), M_grid ≥ M; thinned by room(M)/room(M_grid) ≤ 1
                a = first.sample(r);
                if (a >= mass - M_LL_MIN) {
                    continue;
                }
                double roomGrid = LINE_SHAPE.cdf(gridMass - a) - f4;
                double room = LINE_SHAPE.cdf(mass - a) - f4;
                if (r.nextDouble() * roomGrid > room) {
                    continue;
                }
            } else {
                // far above 2 m_Z the kinematic limit rarely bites: a from ρ, weighted by the room left for b
                a = LINE_SHAPE.sample(r, M_LL_MIN, mass - M_LL_MIN);
                if (r.nextDouble() > LINE_SHAPE.cdf(mass - a) - f4) {
                    continue;
                }
            }
            double b = LINE_SHAPE.sample(r, M_LL_MIN, mass - a);
            if (r.nextDouble() < beta(mass, a, b)) {
                // the pair drawn first is the first Z only half of the time: the density is symmetric
                if (r.nextBoolean()) {
                    m1 = a;
                    m2 = b;
                } else {
                    m1 = b;
                    m2 = a;
                }
                return;
            }
        }
    }

    /** β = λ^½(1, m1²/M², m2²/M²), the two-body phase-space factor. */
    static double beta(double mass, double a, double b) {
        double x = a * a / (mass * mass);
        double y = b * b / (mass * mass);
        double l = (1 - x - y) * (1 - x - y) - 4 * x * y;
        return l > 0 ? Math.sqrt(l) : 0;
    }

    /**
     * Decays a system of mass {@code mass}, transverse momentum (px, py) and rapidity {@code y} into pairs of
     * masses m1, m2 and each pair into two leptons of flavours {@code flavourA} and {@code flavourB}
     * (11 or 13). Writes the laboratory four-vectors ℓ1⁻, ℓ1⁺, ℓ2⁻, ℓ2⁺ into {@code out}.
     */
    void decay(SplittableRandom r, double mass, double px, double py, double y, int flavourA, int flavourB,
               FourVector[] out) {
        double pstar = Math.sqrt(Math.max(0, (mass * mass - (m1 + m2) * (m1 + m2)) * (mass * mass - (m1 - m2) * (m1 - m2)))) / (2 * mass);
        double cost = 2 * r.nextDouble() - 1;
        double sint = Math.sqrt(1 - cost * cost);
        double ph = Sampling.phi(r);
        double nx = sint * Math.cos(ph);
        double ny = sint * Math.sin(ph);
        double nz = cost;
        FourVector z1 = new FourVector(pstar * nx, pstar * ny, pstar * nz, Math.sqrt(pstar * pstar + m1 * m1));
        FourVector z2 = new FourVector(-pstar * nx, -pstar * ny, -pstar * nz, Math.sqrt(pstar * pstar + m2 * m2));
        double mt = Math.sqrt(mass * mass + px * px + py * py);
        double e = mt * Math.cosh(y);
        double pz = mt * Math.sinh(y);
        double bx = px / e;
        double by = py / e;
        double bz = pz / e;
        twoBody(r, z1, flavourA, out, 0, bx, by, bz);
        twoBody(r, z2, flavourB, out, 2, bx, by, bz);
    }

    private static void twoBody(SplittableRandom r, FourVector parent, int flavour, FourVector[] out, int at,
                                double bx, double by, double bz) {
        double m = parent.mass();
        double ml = flavour == 11 ? M_ELECTRON : M_MUON;
        double q = Math.sqrt(Math.max(0, m * m / 4 - ml * ml));
        double cost = 2 * r.nextDouble() - 1;
        double sint = Math.sqrt(1 - cost * cost);
        double ph = Sampling.phi(r);
        double el = Math.sqrt(q * q + ml * ml);
        FourVector a = new FourVector(q * sint * Math.cos(ph), q * sint * Math.sin(ph), q * cost, el);
        FourVector b = new FourVector(-a.px(), -a.py(), -a.pz(), el);
        double pbx = parent.px() / parent.e();
        double pby = parent.py() / parent.e();
        double pbz = parent.pz() / parent.e();
        out[at] = a.boost(pbx, pby, pbz).boost(bx, by, bz);
        out[at + 1] = b.boost(pbx, pby, pbz).boost(bx, by, bz);
    }
}
