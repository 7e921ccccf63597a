package org.vbfann.physics.zx;

import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;
import org.vbfann.physics.PhysicsException;

/**
 * The Z+X yield of one final state from its control regions (spec §3.4), accumulated event by event:
 * data 3P1F events with the fake rate of their failing lepton, data 2P2F events with the rates of both, and
 * prompt ZZ simulation in 3P1F with its weight and failing-lepton rate. w = f/(1 − f). Besides the
 * control-region statistics of spec §3.4 it keeps ∂N/∂f per fake-rate bin ({@link FakeRateSensitivity}), so the
 * fake-rate map's own statistical error propagates too. With a shape axis it also histograms a variable of the
 * candidates with the same weights, for the Z+X templates (spec §3.6).
 */
public final class ZplusXYield {
    /** Which equation gives the yield. */
    public enum Formula {
        /**
         * The guide's "fform 2": N = (1 − N_ZZ,3P1F/N_3P1F)·Σ_3P1F w_f − Σ_2P2F w_a w_b, N_ZZ,3P1F = Σ f_weight of
         * the ZZ simulation in 3P1F, N_3P1F = the raw number of data 3P1F events.
         */
        FULL,
        /** "Formula 1": Σ_3P1F w_f − Σ_3P1F,ZZ f_weight·w_f − Σ_2P2F w_a w_b. */
        FORMULA_1,
        /** Σ_2P2F w_a w_b only. */
        TWO_PASS_TWO_FAIL,
        /** The guide's choice: {@link #TWO_PASS_TWO_FAIL} when the loose leptons are muons, else {@link #FULL}. */
        GUIDE
    }

    /**
     * A yield, its statistical uncertainty from the control-region events (spec §3.4) and its dependence on the
     * fake-rate bins.
     */
    public record Value(double yield, double stat, FakeRateSensitivity fakeRates) {
        /** The uncertainty from the fake-rate map's statistics. */
        public double fakeRateStat() {
            return fakeRates.sigma();
        }
    }

    private final ZxFinalState finalState;
    private long data3p1fEvents;
    private double sumW3p1f;
    private double sumW3p1fSq;
    private double sumW2p2f;
    private double sumW2p2fSq;
    private double zz3p1f;
    private double zz3p1fWeighted;
    private final FakeRateSensitivity dData3p1f = new FakeRateSensitivity();
    private final FakeRateSensitivity dData2p2f = new FakeRateSensitivity();
    private final FakeRateSensitivity dZz3p1f = new FakeRateSensitivity();
    private final Histogram1D shape3p1f;
    private final Histogram1D shape2p2f;

    /** Yields only. */
    public ZplusXYield(ZxFinalState finalState) {
        this(finalState, null);
    }

    /** Yields and shapes of a variable in the binning {@code shapeAxis} (null for yields only). */
    public ZplusXYield(ZxFinalState finalState, Axis shapeAxis) {
        this.finalState = finalState;
        this.shape3p1f = shapeAxis == null ? null : new Histogram1D("zx_3p1f_" + finalState.label(), "3P1F", shapeAxis);
        this.shape2p2f = shapeAxis == null ? null : new Histogram1D("zx_2p2f_" + finalState.label(), "2P2F", shapeAxis);
    }

    public ZxFinalState finalState() {
        return finalState;
    }

    /** w = f/(1 − f) of a failing lepton. */
    static double weightOf(FakeRate rate) {
        double f = rate.value();
        if (!(f >= 0 && f < 1)) {
            throw new PhysicsException("fake rate " + f + " cannot weight a failing lepton: it must be in [0, 1)");
        }
        return f / (1 - f);
    }

    /** dw/df = 1/(1 − f)². */
    private static double slopeOf(FakeRate rate) {
        double g = 1 - rate.value();
        return 1 / (g * g);
    }

    /** A data 3P1F event whose failing lepton has fake rate {@code f}. */
    public void addData3P1F(FakeRate f) {
        addData3P1F(f, Double.NaN);
    }

    /** The same, with the event's value {@code x} of the shape variable. */
    public void addData3P1F(FakeRate f, double x) {
        double w = weightOf(f);
        data3p1fEvents++;
        sumW3p1f += w;
        sumW3p1fSq += w * w;
        dData3p1f.add(f, slopeOf(f));
        if (shape3p1f != null) {
            shape3p1f.fill(x, w);
        }
    }

    /** A data 2P2F event whose failing leptons have fake rates {@code fa}, {@code fb}. */
    public void addData2P2F(FakeRate fa, FakeRate fb) {
        addData2P2F(fa, fb, Double.NaN);
    }

    /** The same, with the event's value {@code x} of the shape variable. */
    public void addData2P2F(FakeRate fa, FakeRate fb, double x) {
        double wa = weightOf(fa);
        double wb = weightOf(fb);
        double w = wa * wb;
        sumW2p2f += w;
        sumW2p2fSq += w * w;
        dData2p2f.add(fa, slopeOf(fa) * wb);
        dData2p2f.add(fb, slopeOf(fb) * wa);
        if (shape2p2f != null) {
            shape2p2f.fill(x, w);
        }
    }

    /** A prompt ZZ simulation event in 3P1F with weight {@code mcWeight} and failing-lepton fake rate {@code f}. */
    public void addZz3P1F(double mcWeight, FakeRate f) {
        zz3p1f += mcWeight;
        zz3p1fWeighted += mcWeight * weightOf(f);
        dZz3p1f.add(f, mcWeight * slopeOf(f));
    }

    /** Raw number of data 3P1F events. */
    public long data3P1FEvents() {
        return data3p1fEvents;
    }

    /**
     * The Z+X template: s·H_3P1F − H_2P2F (full formula, s as in {@link #yield}) or H_2P2F alone (2P2F-only),
     * as plotCRs builds {@code zjets} (spec §3.6); its integral with under/overflow is the yield of the same
     * formula. {@link Formula#FORMULA_1} has no histogram form in the guide and is refused.
     */
    public Histogram1D shape(Formula formula, String name) {
        if (shape3p1f == null) {
            throw new IllegalStateException("this Z+X yield of " + finalState.label() + " was made without a shape axis");
        }
        Formula f = resolve(formula);
        if (f == Formula.FORMULA_1) {
            throw new PhysicsException("formula 1 has no Z+X shape; use FULL, TWO_PASS_TWO_FAIL or GUIDE");
        }
        Histogram1D out = shape2p2f.copy(name);
        if (f == Formula.TWO_PASS_TWO_FAIL) {
            return out;
        }
        out.scale(-1.0);
        Histogram1D three = shape3p1f.copy(name);
        three.scale(scale());
        three.add(out);
        return three;
    }

    private Formula resolve(Formula formula) {
        return formula == Formula.GUIDE
                ? (finalState.looseLeptonsAreMuons() ? Formula.TWO_PASS_TWO_FAIL : Formula.FULL) : formula;
    }

    /** s = 1 − N_ZZ,3P1F/N_3P1F (0 without data 3P1F events). */
    private double scale() {
        return data3p1fEvents == 0 ? 0.0 : 1.0 - zz3p1f / data3p1fEvents;
    }

    /** The yield by the chosen formula; statistical uncertainty as spec §3.4 (no error on the scale s). */
    public Value yield(Formula formula) {
        Formula f = resolve(formula);
        return switch (f) {
            case TWO_PASS_TWO_FAIL -> new Value(sumW2p2f, Math.sqrt(sumW2p2fSq), new FakeRateSensitivity().plus(dData2p2f, 1));
            case FORMULA_1 -> new Value(sumW3p1f - zz3p1fWeighted - sumW2p2f, Math.sqrt(sumW3p1fSq + sumW2p2fSq),
                    dData3p1f.plus(dZz3p1f, -1).plus(dData2p2f, -1));
            default -> {
                double s = scale();
                yield new Value(s * sumW3p1f - sumW2p2f, Math.sqrt(s * s * sumW3p1fSq + sumW2p2fSq),
                        new FakeRateSensitivity().plus(dData3p1f, s).plus(dData2p2f, -1));
            }
        };
    }
}
