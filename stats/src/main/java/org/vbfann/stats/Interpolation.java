package org.vbfann.stats;

/**
 * The interpolation conventions of HistFactory/pyhf and CMS Combine, each as a value and a derivative.
 *
 * <p>pyhf codes follow {@code src/pyhf/interpolators/code*.py} (scikit-hep/pyhf): additive codes (0, 2, 4p)
 * return a shift of the yield from the up and down shifts {@code dUp = up - nom}, {@code dDn = down - nom};
 * multiplicative codes (1, 4) return a factor from the relative variations {@code hi = up/nom},
 * {@code lo = down/nom}. Combine's asymmetric log-normal and its smooth step follow
 * {@code interface/CombineMathFuncs.h} (cms-analysis/HiggsAnalysis-CombinedLimit).
 */
public enum Interpolation {
    /** pyhf code0: piecewise linear, additive. */
    PYHF_CODE0(true),
    /** pyhf code1: piecewise exponential, multiplicative. */
    PYHF_CODE1(false),
    /** pyhf code2: quadratic inside |a| &le; 1, linear outside, additive. */
    PYHF_CODE2(true),
    /** pyhf code4: exponential outside |a| &ge; 1, a sixth-order polynomial inside, multiplicative. */
    PYHF_CODE4(false),
    /** pyhf code4p: linear outside |a| &gt; 1, a polynomial inside, additive (also Combine's vertical morphing). */
    PYHF_CODE4P(true);

    private final boolean additive;

    Interpolation(boolean additive) {
        this.additive = additive;
    }

    /** Whether the code gives a shift added to the nominal yield (otherwise a factor multiplying it). */
    public boolean additive() {
        return additive;
    }

    /** The code named as pyhf names it ("code0", "code1", "code2", "code4", "code4p"). */
    public static Interpolation ofPyhfName(String name) {
        switch (name) {
            case "code0": return PYHF_CODE0;
            case "code1": return PYHF_CODE1;
            case "code2": return PYHF_CODE2;
            case "code4": return PYHF_CODE4;
            case "code4p": return PYHF_CODE4P;
            default:
                throw new StatsException("unknown interpolation code '" + name
                        + "'; expected one of code0, code1, code2, code4, code4p");
        }
    }

    /** The pyhf name of this code. */
    public String pyhfName() {
        return name().substring("PYHF_".length()).toLowerCase(java.util.Locale.ROOT);
    }

    // ---- additive codes: shift from dUp = up - nom and dDn = down - nom ----

    /** pyhf code0 shift. */
    public static double code0(double a, double dUp, double dDn) {
        return a >= 0 ? a * dUp : -a * dDn;
    }

    /** Derivative of {@link #code0} in a. */
    public static double code0Derivative(double a, double dUp, double dDn) {
        return a >= 0 ? dUp : -dDn;
    }

    /**
     * pyhf code2 shift: with s = (dUp + dDn)/2 and d = (dUp - dDn)/2, a&sup2;s + a d inside |a| &le; 1 and
     * (d &plusmn; 2s)(a &mp; 1) outside. Like pyhf ({@code interpolators/code2.py}, checked by
     * {@code test_code2_validation}) the outer pieces carry no offset, so the shift jumps at |a| = 1.
     */
    public static double code2(double a, double dUp, double dDn) {
        double s = 0.5 * (dUp + dDn);
        double d = 0.5 * (dUp - dDn);
        if (a > 1) {
            return (d + 2 * s) * (a - 1);
        }
        if (a < -1) {
            return (d - 2 * s) * (a + 1);
        }
        return s * a * a + d * a;
    }

    /** Derivative of {@link #code2} in a. */
    public static double code2Derivative(double a, double dUp, double dDn) {
        double s = 0.5 * (dUp + dDn);
        double d = 0.5 * (dUp - dDn);
        if (a > 1) {
            return d + 2 * s;
        }
        if (a < -1) {
            return d - 2 * s;
        }
        return 2 * s * a + d;
    }

    /**
     * pyhf code4p shift (identical to Combine's vertical template morphing
     * {@code x/2 [(fU - fD) + smoothStep(x) (fU + fD - 2 f0)]} with smooth region 1).
     */
    public static double code4p(double a, double dUp, double dDn) {
        if (a > 1) {
            return a * dUp;
        }
        if (a < -1) {
            return -a * dDn;
        }
        double half = 0.5 * a;
        return half * ((dUp - dDn) + smoothStep(a) * (dUp + dDn));
    }

    /** Derivative of {@link #code4p} in a. */
    public static double code4pDerivative(double a, double dUp, double dDn) {
        if (a > 1) {
            return dUp;
        }
        if (a < -1) {
            return -dDn;
        }
        return 0.5 * ((dUp - dDn) + (smoothStep(a) + a * smoothStepDerivative(a)) * (dUp + dDn));
    }

    /** Combine's smooth step {@code (3x^5 - 10x^3 + 15x)/8} inside |x| &lt; 1, &plusmn;1 outside. */
    public static double smoothStep(double x) {
        if (x >= 1) {
            return 1;
        }
        if (x <= -1) {
            return -1;
        }
        double x2 = x * x;
        return 0.125 * x * (x2 * (3 * x2 - 10) + 15);
    }

    /** Derivative of {@link #smoothStep}. */
    public static double smoothStepDerivative(double x) {
        if (x >= 1 || x <= -1) {
            return 0;
        }
        double x2 = x * x;
        return 0.125 * (15 * x2 * x2 - 30 * x2 + 15);
    }

    // ---- multiplicative codes: factor from hi = up/nom and lo = down/nom ----

    /** pyhf code1 factor: hi^a for a &ge; 0, lo^-a below. */
    public static double code1(double a, double hi, double lo) {
        return a >= 0 ? Math.pow(hi, a) : Math.pow(lo, -a);
    }

    /** Derivative of {@link #code1} in a. */
    public static double code1Derivative(double a, double hi, double lo) {
        return a >= 0 ? Math.pow(hi, a) * Math.log(hi) : -Math.pow(lo, -a) * Math.log(lo);
    }

    /**
     * The six polynomial coefficients of pyhf code4 inside |a| &lt; 1 (alpha0 = 1), fixed by value, first and
     * second derivative at a = &plusmn;1 ({@code interpolators/code4.py}, the inverse matrix there).
     *
     * @param out receives c1..c6 at {@code out[off..off+5]} (modified)
     */
    public static void code4Coefficients(double hi, double lo, double[] out, int off) {
        double lhi = Math.log(hi);
        double llo = Math.log(lo);
        double b0 = hi - 1;
        double b1 = lo - 1;
        double b2 = lhi * hi;
        double b3 = -llo * lo;
        double b4 = lhi * lhi * hi;
        double b5 = llo * llo * lo;
        out[off] = (15 * b0 - 15 * b1 - 7 * b2 - 7 * b3 + b4 - b5) / 16;
        out[off + 1] = (24 * b0 + 24 * b1 - 9 * b2 + 9 * b3 + b4 + b5) / 16;
        out[off + 2] = (-5 * b0 + 5 * b1 + 5 * b2 + 5 * b3 - b4 + b5) / 8;
        out[off + 3] = (-12 * b0 - 12 * b1 + 7 * b2 - 7 * b3 - b4 - b5) / 8;
        out[off + 4] = (3 * b0 - 3 * b1 - 3 * b2 - 3 * b3 + b4 - b5) / 16;
        out[off + 5] = (8 * b0 + 8 * b1 - 5 * b2 + 5 * b3 + b4 + b5) / 16;
    }

    /** pyhf code4 factor, with the coefficients of {@link #code4Coefficients} at {@code c[off..off+5]}. */
    public static double code4(double a, double hi, double lo, double[] c, int off) {
        if (a >= 1) {
            return Math.pow(hi, a);
        }
        if (a <= -1) {
            return Math.pow(lo, -a);
        }
        double p = c[off + 5];
        for (int i = 4; i >= 0; i--) {
            p = p * a + c[off + i];
        }
        return 1 + p * a;
    }

    /** Derivative of {@link #code4} in a. */
    public static double code4Derivative(double a, double hi, double lo, double[] c, int off) {
        if (a >= 1) {
            return Math.pow(hi, a) * Math.log(hi);
        }
        if (a <= -1) {
            return -Math.pow(lo, -a) * Math.log(lo);
        }
        double p = 6 * c[off + 5];
        for (int i = 4; i >= 0; i--) {
            p = p * a + (i + 1) * c[off + i];
        }
        return p;
    }

    // ---- Combine's asymmetric log-normal ----

    /**
     * Combine's {@code logKappaForX}: ln kUp for theta &ge; 0.5, -ln kDown for theta &le; -0.5, and in between
     * avg + halfdiff h(2 theta) with the smooth step h. The factor is {@code exp(theta * logKappa(theta))}.
     */
    public static double combineLogKappa(double theta, double logKappaDown, double logKappaUp) {
        if (Math.abs(theta) >= 0.5) {
            return theta >= 0 ? logKappaUp : -logKappaDown;
        }
        double avg = 0.5 * (logKappaUp - logKappaDown);
        double halfdiff = 0.5 * (logKappaUp + logKappaDown);
        return avg + smoothStep(2 * theta) * halfdiff;
    }

    /** Derivative of {@code theta * combineLogKappa(theta)} in theta. */
    public static double combineLogKappaExponentDerivative(double theta, double logKappaDown, double logKappaUp) {
        if (Math.abs(theta) >= 0.5) {
            return theta >= 0 ? logKappaUp : -logKappaDown;
        }
        double avg = 0.5 * (logKappaUp - logKappaDown);
        double halfdiff = 0.5 * (logKappaUp + logKappaDown);
        double t2 = 2 * theta;
        return avg + halfdiff * (smoothStep(t2) + t2 * smoothStepDerivative(t2));
    }
}
