package org.vbfann.physics.gen;

import org.vbfann.physics.FourVector;

/**
 * The five production and decay angles of X → Z1 Z2 → 4ℓ as defined by Gao et al., Phys. Rev. D 81 (2010)
 * 075022 (arXiv:1001.3396), the definitions MELA uses: cos θ* of Z1 in the X frame against the beam,
 * cos θ1 (cos θ2) of the negative lepton of Z1 (Z2) in its Z rest frame against the direction of the other Z,
 * Φ between the two decay planes and Φ1 between the Z1 decay plane and the beam–Z1 plane, in the X frame.
 */
final class DecayAngles {
    double cosThetaStar;
    double cosTheta1;
    double cosTheta2;
    double phi;
    double phi1;

    /** Computes the angles from ℓ1⁻, ℓ1⁺ (Z1) and ℓ2⁻, ℓ2⁺ (Z2) in the laboratory. */
    void compute(FourVector l11, FourVector l12, FourVector l21, FourVector l22) {
        FourVector z1 = l11.plus(l12);
        FourVector z2 = l21.plus(l22);
        FourVector x = z1.plus(z2);
        FourVector q11 = l11.inRestFrameOf(x);
        FourVector q12 = l12.inRestFrameOf(x);
        FourVector q21 = l21.inRestFrameOf(x);
        FourVector q22 = l22.inRestFrameOf(x);
        FourVector zz1 = q11.plus(q12);
        FourVector zz2 = q21.plus(q22);
        double[] n1 = unit(cross(vec(q11), vec(q12)));
        double[] n2 = unit(cross(vec(q21), vec(q22)));
        double[] dz1 = unit(vec(zz1));
        cosThetaStar = dz1[2];
        double[] nsc = unit(cross(new double[] {0, 0, 1}, dz1));
        phi = Math.signum(dot(dz1, cross(n1, n2))) * Math.acos(clamp(-dot(n1, n2)));
        phi1 = Math.signum(dot(dz1, cross(n1, nsc))) * Math.acos(clamp(dot(n1, nsc)));
        cosTheta1 = helicityCosine(l11, z1, z2);
        cosTheta2 = helicityCosine(l21, z2, z1);
    }

    /** cos of the angle between the lepton and minus the other Z, both seen in the rest frame of its Z. */
    private static double helicityCosine(FourVector lepton, FourVector z, FourVector other) {
        double[] l = vec(lepton.inRestFrameOf(z));
        double[] o = vec(other.inRestFrameOf(z));
        return clamp(-dot(l, o) / Math.sqrt(dot(l, l) * dot(o, o)));
    }

    private static double[] vec(FourVector v) {
        return new double[] {v.px(), v.py(), v.pz()};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] unit(double[] a) {
        double n = Math.sqrt(dot(a, a));
        return n == 0 ? a : new double[] {a[0] / n, a[1] / n, a[2] / n};
    }

    private static double clamp(double c) {
        return Math.max(-1.0, Math.min(1.0, c));
    }
}
