package org.vbfann.physics;

/**
 * An immutable Lorentz four-vector (px, py, pz, E) in GeV, with the (+,-,-,-) metric. Built from collider
 * coordinates with {@link #ofPtEtaPhiM} or {@link #ofPtEtaPhiE}; used by the generator and the observables.
 * Column-wise code uses the primitive helpers of {@link Hzz4lObservables} instead.
 */
public final class FourVector {
    private final double px;
    private final double py;
    private final double pz;
    private final double e;

    /** A vector of the given Cartesian components. */
    public FourVector(double px, double py, double pz, double e) {
        this.px = px;
        this.py = py;
        this.pz = pz;
        this.e = e;
    }

    /** A vector of transverse momentum pt, pseudorapidity eta, azimuth phi and mass m. */
    public static FourVector ofPtEtaPhiM(double pt, double eta, double phi, double m) {
        double pz = pt * Math.sinh(eta);
        double p2 = pt * pt + pz * pz;
        return new FourVector(pt * Math.cos(phi), pt * Math.sin(phi), pz, Math.sqrt(p2 + m * m));
    }

    /** A vector of transverse momentum pt, pseudorapidity eta, azimuth phi and energy e. */
    public static FourVector ofPtEtaPhiE(double pt, double eta, double phi, double e) {
        return new FourVector(pt * Math.cos(phi), pt * Math.sin(phi), pt * Math.sinh(eta), e);
    }

    public double px() {
        return px;
    }

    public double py() {
        return py;
    }

    public double pz() {
        return pz;
    }

    public double e() {
        return e;
    }

    /** The sum of this and {@code o}. */
    public FourVector plus(FourVector o) {
        return new FourVector(px + o.px, py + o.py, pz + o.pz, e + o.e);
    }

    /** Transverse momentum. */
    public double pt() {
        return Math.hypot(px, py);
    }

    /** Magnitude of the three-momentum. */
    public double p() {
        return Math.sqrt(px * px + py * py + pz * pz);
    }

    /** Invariant mass; a space-like vector (rounding) gives minus the root of |m²|, as ROOT's TLorentzVector. */
    public double mass() {
        double m2 = e * e - px * px - py * py - pz * pz;
        return m2 >= 0 ? Math.sqrt(m2) : -Math.sqrt(-m2);
    }

    /** Pseudorapidity; ±1e10 along the beam, as ROOT's TVector3::PseudoRapidity. */
    public double eta() {
        double pt = pt();
        if (pt == 0) {
            return pz == 0 ? 0 : Math.copySign(1e10, pz);
        }
        return Hzz4lObservables.asinh(pz / pt);
    }

    /** Rapidity ½ ln((E+pz)/(E−pz)). */
    public double rapidity() {
        return 0.5 * Math.log((e + pz) / (e - pz));
    }

    /** Azimuth in (−π, π]. */
    public double phi() {
        return px == 0 && py == 0 ? 0 : Math.atan2(py, px);
    }

    /**
     * This vector seen in the rest frame of {@code frame} (a time-like vector): the Lorentz boost by
     * −β of {@code frame}.
     */
    public FourVector inRestFrameOf(FourVector frame) {
        double bx = -frame.px / frame.e;
        double by = -frame.py / frame.e;
        double bz = -frame.pz / frame.e;
        return boost(bx, by, bz);
    }

    /** This vector boosted by the velocity (bx, by, bz), |β| < 1, as ROOT's TLorentzVector::Boost. */
    public FourVector boost(double bx, double by, double bz) {
        double b2 = bx * bx + by * by + bz * bz;
        if (b2 == 0) {
            return this;
        }
        double gamma = 1.0 / Math.sqrt(1.0 - b2);
        double bp = bx * px + by * py + bz * pz;
        double gamma2 = (gamma - 1.0) / b2;
        return new FourVector(px + gamma2 * bp * bx + gamma * bx * e,
                py + gamma2 * bp * by + gamma * by * e,
                pz + gamma2 * bp * bz + gamma * bz * e,
                gamma * (e + bp));
    }

    @Override
    public String toString() {
        return String.format("FourVector(px=%.4f, py=%.4f, pz=%.4f, E=%.4f)", px, py, pz, e);
    }
}
