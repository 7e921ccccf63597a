package org.vbfann.physics.zx;

import org.vbfann.core.Axis;
import org.vbfann.core.Histogram2D;
import org.vbfann.physics.PhysicsException;

/**
 * Fake rates of one lepton flavour in bins of (pT, |η|), measured in Z + ℓ events (spec §3.2):
 * FR = (N_tight,data − N_tight,MC)/(N_loose,data − N_loose,MC), the prompt simulation (WZ by default) subtracted
 * in numerator and denominator. Uncertainty: with A = the subtracted tight and B = the subtracted failing count
 * (independent), σ² = ((1 − FR)²·V_A + FR²·V_B)/(A + B)², V the sums of squared weights of data and simulation
 * probes; for unweighted data without subtraction this is the binomial FR(1 − FR)/N. The simulation's own
 * statistics count: a small prompt sample with large weights makes the rate uncertain.
 *
 * <p>Lookups outside the axes use the edge bins (spec §3.2: ROOT would read under/overflow; we clamp and say
 * so). A bin whose denominator is not positive, or whose rate is not in [0, 1), cannot weight events: looking
 * it up throws a {@link PhysicsException} naming the flavour and the bin, so such maps need a coarser binning.
 */
public final class FakeRateMap {
    /** pT bin edges of plotFR.cc [GeV] (spec §3.2). */
    public static final double[] DEFAULT_PT_EDGES = {0, 5, 10, 20, 30, 50, 1000};
    /** |η| bin edges of plotFR.cc (spec §3.2). */
    public static final double[] DEFAULT_ETA_EDGES = {0, 0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.1, 2.5};

    private final int flavour;
    private final Axis pt;
    private final Axis eta;
    private final double[] looseData;
    private final double[] tightData;
    private final double[] looseMc;
    private final double[] tightMc;
    /** Σw² of the tight probes, data and simulation. */
    private final double[] tightW2;
    /** Σw² of the failing probes, data and simulation. */
    private final double[] failW2;

    /** An empty map of lepton flavour 11 or 13 with the given bin edges. */
    public FakeRateMap(int flavour, double[] ptEdges, double[] etaEdges) {
        if (flavour != 11 && flavour != 13) {
            throw new IllegalArgumentException("fake-rate flavour must be 11 or 13, got " + flavour);
        }
        this.flavour = flavour;
        this.pt = Axis.variable(ptEdges, "pT [GeV]");
        this.eta = Axis.variable(etaEdges, "|eta|");
        int n = pt.bins() * eta.bins();
        looseData = new double[n];
        tightData = new double[n];
        looseMc = new double[n];
        tightMc = new double[n];
        tightW2 = new double[n];
        failW2 = new double[n];
    }

    /**
     * A map of measured bins, as a file keeps them: per bin (pT-major, 0-based {@code ptBin·etaBins + etaBin}) the
     * rate, its uncertainty and the subtracted denominator; a bin with a non-positive denominator has no rate.
     * (How the variance divides between tight and failing probes is not kept; any division gives the same error.)
     */
    public static FakeRateMap ofBins(int flavour, double[] ptEdges, double[] etaEdges, double[] rate, double[] error,
                                     double[] denominator) {
        FakeRateMap m = new FakeRateMap(flavour, ptEdges, etaEdges);
        if (rate.length != m.looseData.length || error.length != rate.length || denominator.length != rate.length) {
            throw new IllegalArgumentException("a map of " + m.looseData.length + " bins needs as many rates, errors"
                    + " and denominators, got " + rate.length + ", " + error.length + ", " + denominator.length);
        }
        for (int c = 0; c < rate.length; c++) {
            double d = denominator[c];
            m.looseData[c] = d;
            if (d > 0) {
                double f = rate[c];
                m.tightData[c] = f * d;
                double v = error[c] * error[c] * d * d / ((1 - f) * (1 - f) + f * f);
                m.tightW2[c] = v;
                m.failW2[c] = v;
            }
        }
        return m;
    }

    /** The flavour, 11 or 13. */
    public int flavour() {
        return flavour;
    }

    /** Adds a data probe (weight 1) or, with {@code prompt}, a prompt-simulation probe of weight {@code w}. */
    public void add(double probePt, double probeEta, boolean tight, boolean prompt, double w) {
        int c = cell(probePt, Math.abs(probeEta));
        if (prompt) {
            looseMc[c] += w;
            tightMc[c] += tight ? w : 0;
        } else {
            looseData[c] += w;
            tightData[c] += tight ? w : 0;
        }
        if (tight) {
            tightW2[c] += w * w;
        } else {
            failW2[c] += w * w;
        }
    }

    private int cell(double ptValue, double absEta) {
        int ix = clamp(pt.findBin(ptValue), pt.bins());
        int iy = clamp(eta.findBin(absEta), eta.bins());
        return (ix - 1) * eta.bins() + (iy - 1);
    }

    /** Bins are 1-based; under- and overflow go to the edge bins. */
    private static int clamp(int bin, int bins) {
        return Math.max(1, Math.min(bins, bin));
    }

    /** The subtracted denominator of a bin (1-based indices). */
    public double denominator(int ptBin, int etaBin) {
        int c = (ptBin - 1) * eta.bins() + (etaBin - 1);
        return looseData[c] - looseMc[c];
    }

    /** The fake rate of a bin (1-based indices); NaN for a non-positive denominator. */
    public double rate(int ptBin, int etaBin) {
        int c = (ptBin - 1) * eta.bins() + (etaBin - 1);
        double d = looseData[c] - looseMc[c];
        return d > 0 ? (tightData[c] - tightMc[c]) / d : Double.NaN;
    }

    /** The statistical uncertainty of a bin's rate (data and subtracted simulation); NaN where the rate is. */
    public double uncertainty(int ptBin, int etaBin) {
        double f = rate(ptBin, etaBin);
        if (Double.isNaN(f)) {
            return Double.NaN;
        }
        int c = (ptBin - 1) * eta.bins() + (etaBin - 1);
        double d = looseData[c] - looseMc[c];
        return Math.sqrt((1 - f) * (1 - f) * tightW2[c] + f * f * failW2[c]) / d;
    }

    /** The uncorrected rate N_tight/N_loose of the data alone. */
    public double uncorrectedRate(int ptBin, int etaBin) {
        int c = (ptBin - 1) * eta.bins() + (etaBin - 1);
        return looseData[c] > 0 ? tightData[c] / looseData[c] : Double.NaN;
    }

    /**
     * The fake rate at a lepton's pT and |η| (edge bins outside the axes), with its bin and binomial error.
     *
     * @throws PhysicsException if that bin has no positive denominator or a rate outside [0, 1)
     */
    public FakeRate lookup(double ptValue, double absEta) {
        int c = cell(ptValue, Math.abs(absEta));
        int ix = c / eta.bins() + 1;
        int iy = c % eta.bins() + 1;
        double f = rate(ix, iy);
        if (Double.isNaN(f) || f < 0 || f >= 1) {
            throw new PhysicsException((flavour == 11 ? "electron" : "muon") + " fake rate in bin pT [" + num(pt.lowEdge(ix))
                    + ", " + num(pt.highEdge(ix)) + ") GeV, |eta| [" + num(eta.lowEdge(iy)) + ", " + num(eta.highEdge(iy))
                    + ") is " + (Double.isNaN(f) ? "undefined" : String.valueOf(f)) + " (denominator "
                    + num(denominator(ix, iy)) + "): it must be in [0, 1); merge bins or add Z+l events");
        }
        return new FakeRate(flavour, c, f, uncertainty(ix, iy));
    }

    /** A number as short as Java prints it, integers without ".0". */
    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The map as a TH2D-like histogram (rate and its squared uncertainty per bin; empty bins 0). */
    public Histogram2D toHistogram(String name) {
        Histogram2D h = new Histogram2D(name, (flavour == 11 ? "electron" : "muon") + " fake rate", pt, eta);
        for (int ix = 1; ix <= pt.bins(); ix++) {
            for (int iy = 1; iy <= eta.bins(); iy++) {
                double f = rate(ix, iy);
                if (!Double.isNaN(f)) {
                    double e = uncertainty(ix, iy);
                    h.setContent(ix, iy, f);
                    h.setSumw2(ix, iy, e * e);
                }
            }
        }
        return h;
    }
}
