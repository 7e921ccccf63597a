package org.vbfann.stats;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.special.Gamma;

/**
 * An immutable binned likelihood: Poisson terms for every channel bin plus the constraint terms of the nuisance
 * parameters. The expected yield of sample s in bin b is
 * {@code (base_b + sum shifts_b) * prod factors_s * prod binFactors_sb}, where base is the nominal yield (pyhf) or
 * the normalised, morphed, cropped and renormalised template times its rate (Combine {@code shape}). Channel bin
 * totals may add Combine's Barlow-Beeston-lite term and are cropped at {@link #COMBINE_CROP_MINIMUM} under Combine
 * conventions.
 *
 * <p>The negative log-likelihood includes every constant (lgamma(n+1), the Gaussian ln(sigma sqrt(2 pi))), as pyhf's
 * {@code twice_nll} does. Evaluation goes through an {@link Evaluator}, which owns its scratch buffers; one per
 * thread.
 */
public final class LikelihoodModel {
    /** Combine crops bin totals and morphed template densities at this value ({@code FastHisto::CropUnderflows}). */
    public static final double COMBINE_CROP_MINIMUM = 1e-9;
    private static final double HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final int CODE0 = Interpolation.PYHF_CODE0.ordinal();
    private static final int CODE2 = Interpolation.PYHF_CODE2.ordinal();

    private final boolean combine;
    // parameters
    private final String[] parNames;
    private final double[] parInit;
    private final double[] parLo;
    private final double[] parHi;
    private final boolean[] parFixed;
    private final int poi;
    // bins
    private final String[] channelNames;
    private final int[] channelStart;
    private final int nBins;
    private final double[] data;
    private final double[] widths;
    // samples
    private final String[] sampleNames;
    private final int[] sChannel;
    private final int[] sBinStart;
    private final int[] sNBins;
    private final int[] sOff;
    private final boolean[] sMorph;
    private final double[] sRate;
    private final double[] nominal; // per sample-bin; for morphed samples the unit-normalised template
    // global factors, grouped by sample
    private final int[] sFacStart;
    private final int[] fParam;
    private final int[] fKind;
    private final double[] fScale;
    private final double[] fA;
    private final double[] fB;
    private final double[] fCoef;
    private final int maxFactors;
    // additive shifts, grouped by sample
    private final int[] sShiftStart;
    private final int[] tParam;
    private final int[] tCode;
    private final boolean[] tMorph;
    private final double[] tScale;
    private final int[] tOff;
    private final double[] tUp;
    private final double[] tDn;
    // per sample-bin terms
    private final int[] sbFactorStart;
    private final int[] bfParam;
    private final double[] bfScale;
    private final int[] sbShiftStart;
    private final int[] bsParam;
    private final double[] bsCoef;
    // Barlow-Beeston-lite totals
    private final int[] btBin;
    private final int[] btParam;
    private final int[] btStart;
    private final int[] btSample;
    private final double[] btErr;
    /** The Gaussian (sigma 1) constraint of each total's parameter, or -1 if it has another or none. */
    private final int[] btConstraint;
    // constraints
    private final int[] cParam;
    private final int[] cKind;
    private final double[] cA;
    private final double[] cB;
    private final double[] aux;
    private final double constant;

    LikelihoodModel(ModelBuilder b, boolean combine) {
        this.combine = combine;
        int np = b.parNames.size();
        parNames = b.parNames.toArray(new String[0]);
        parInit = Arrays.copyOf(b.parInit, np);
        parLo = Arrays.copyOf(b.parLo, np);
        parHi = Arrays.copyOf(b.parHi, np);
        parFixed = Arrays.copyOf(b.parFixed, np);
        poi = b.poi;
        int nc = b.channelNames.size();
        channelNames = b.channelNames.toArray(new String[0]);
        channelStart = new int[nc + 1];
        for (int c = 0; c < nc; c++) {
            channelStart[c + 1] = channelStart[c] + b.channelData.get(c).length;
        }
        nBins = channelStart[nc];
        data = new double[nBins];
        widths = new double[nBins];
        for (int c = 0; c < nc; c++) {
            System.arraycopy(b.channelData.get(c), 0, data, channelStart[c], b.channelData.get(c).length);
            System.arraycopy(b.channelWidths.get(c), 0, widths, channelStart[c], b.channelData.get(c).length);
        }
        List<ModelBuilder.SampleSpec> ss = b.samples;
        int ns = ss.size();
        sampleNames = new String[ns];
        sChannel = new int[ns];
        sBinStart = new int[ns];
        sNBins = new int[ns];
        sOff = new int[ns + 1];
        sMorph = new boolean[ns];
        sRate = new double[ns];
        int nf = 0;
        int nt = 0;
        int tLen = 0;
        int nbf = 0;
        int nbs = 0;
        int mf = 0;
        for (int s = 0; s < ns; s++) {
            ModelBuilder.SampleSpec sp = ss.get(s);
            sampleNames[s] = sp.name;
            sChannel[s] = sp.channel;
            sBinStart[s] = channelStart[sp.channel];
            sNBins[s] = sp.nominal.length;
            sOff[s + 1] = sOff[s] + sp.nominal.length;
            sMorph[s] = sp.morphed;
            nf += sp.factors.size();
            mf = Math.max(mf, sp.factors.size());
            nt += sp.shifts.size();
            tLen += sp.shifts.size() * sp.nominal.length;
            nbf += sp.binFactors.size();
            nbs += sp.binShifts.size();
        }
        maxFactors = mf;
        nominal = new double[sOff[ns]];
        sFacStart = new int[ns + 1];
        fParam = new int[nf];
        fKind = new int[nf];
        fScale = new double[nf];
        fA = new double[nf];
        fB = new double[nf];
        fCoef = new double[6 * nf];
        sShiftStart = new int[ns + 1];
        tParam = new int[nt];
        tCode = new int[nt];
        tMorph = new boolean[nt];
        tScale = new double[nt];
        tOff = new int[nt];
        tUp = new double[tLen];
        tDn = new double[tLen];
        int sb = sOff[ns];
        sbFactorStart = new int[sb + 1];
        bfParam = new int[nbf];
        bfScale = new double[nbf];
        sbShiftStart = new int[sb + 1];
        bsParam = new int[nbs];
        bsCoef = new double[nbs];
        int f = 0;
        int t = 0;
        int to = 0;
        for (int s = 0; s < ns; s++) {
            ModelBuilder.SampleSpec sp = ss.get(s);
            int n = sp.nominal.length;
            double rate = 0;
            for (double v : sp.nominal) {
                rate += v;
            }
            sRate[s] = rate;
            for (int k = 0; k < n; k++) {
                nominal[sOff[s] + k] = sp.morphed ? (rate > 0 ? sp.nominal[k] / rate : 0) : sp.nominal[k];
            }
            sFacStart[s] = f;
            for (ModelBuilder.FactorSpec fs : sp.factors) {
                fParam[f] = fs.param();
                fKind[f] = fs.kind().ordinal();
                fScale[f] = fs.scale();
                fA[f] = fs.a();
                fB[f] = fs.b();
                if (fs.kind() == FactorKind.PYHF_CODE4) {
                    Interpolation.code4Coefficients(fs.a(), fs.b(), fCoef, 6 * f);
                }
                f++;
            }
            sShiftStart[s] = t;
            for (ModelBuilder.ShiftSpec ts : sp.shifts) {
                if (ts.dUp().length != n || ts.dDn().length != n) {
                    throw new StatsException("sample '" + sp.name + "': a shape variation of parameter '"
                            + parNames[ts.param()] + "' has " + ts.dUp().length + " bins, expected " + n);
                }
                tParam[t] = ts.param();
                tCode[t] = ts.code().ordinal();
                tMorph[t] = ts.morph();
                tScale[t] = ts.scale();
                tOff[t] = to;
                System.arraycopy(ts.dUp(), 0, tUp, to, n);
                System.arraycopy(ts.dDn(), 0, tDn, to, n);
                to += n;
                t++;
            }
        }
        sFacStart[ns] = f;
        sShiftStart[ns] = t;
        fillBinTerms(ss, true, sbFactorStart, bfParam, bfScale);
        fillBinTerms(ss, false, sbShiftStart, bsParam, bsCoef);
        int nbt = b.binTotals.size();
        btBin = new int[nbt];
        btParam = new int[nbt];
        btStart = new int[nbt + 1];
        int ne = 0;
        for (ModelBuilder.BinTotalSpec bt : b.binTotals) {
            ne += bt.samples().length;
        }
        btSample = new int[ne];
        btErr = new double[ne];
        int e = 0;
        for (int k = 0; k < nbt; k++) {
            ModelBuilder.BinTotalSpec bt = b.binTotals.get(k);
            btBin[k] = channelStart[bt.channel()] + bt.bin();
            btParam[k] = bt.param();
            btStart[k] = e;
            for (int j = 0; j < bt.samples().length; j++) {
                btSample[e] = bt.samples()[j];
                btErr[e] = bt.errors()[j];
                e++;
            }
        }
        btStart[nbt] = e;
        int ncon = b.constraints.size();
        cParam = new int[ncon];
        cKind = new int[ncon];
        cA = new double[ncon];
        cB = new double[ncon];
        aux = new double[ncon];
        for (int k = 0; k < ncon; k++) {
            ModelBuilder.ConstraintSpec cs = b.constraints.get(k);
            cParam[k] = cs.param();
            cKind[k] = cs.kind().ordinal();
            cA[k] = cs.a();
            cB[k] = cs.b();
            aux[k] = cs.aux();
        }
        constant = constantTerm(data, aux);
        btConstraint = new int[nbt];
        for (int k = 0; k < nbt; k++) {
            btConstraint[k] = -1;
            int users = 0;
            for (int j = 0; j < nbt; j++) {
                users += btParam[j] == btParam[k] ? 1 : 0;
            }
            for (int c = 0; c < ncon; c++) {
                if (cParam[c] == btParam[k] && cKind[c] == ConstraintKind.GAUSSIAN.ordinal() && cA[c] == 1 && users == 1
                        && !usedElsewhere(b, btParam[k])) {
                    btConstraint[k] = c;
                }
            }
        }
    }

    /** Whether a parameter appears in any sample term (then it cannot be profiled bin by bin). */
    private static boolean usedElsewhere(ModelBuilder b, int p) {
        for (ModelBuilder.SampleSpec sp : b.samples) {
            for (ModelBuilder.FactorSpec f : sp.factors) {
                if (f.param() == p) {
                    return true;
                }
            }
            for (ModelBuilder.ShiftSpec t : sp.shifts) {
                if (t.param() == p) {
                    return true;
                }
            }
            for (ModelBuilder.BinTermSpec t : sp.binFactors) {
                if (t.param() == p) {
                    return true;
                }
            }
            for (ModelBuilder.BinTermSpec t : sp.binShifts) {
                if (t.param() == p) {
                    return true;
                }
            }
        }
        return false;
    }

    private LikelihoodModel(LikelihoodModel m, double[] newData, double[] newAux) {
        combine = m.combine;
        parNames = m.parNames;
        parInit = m.parInit;
        parLo = m.parLo;
        parHi = m.parHi;
        parFixed = m.parFixed;
        poi = m.poi;
        channelNames = m.channelNames;
        channelStart = m.channelStart;
        nBins = m.nBins;
        data = newData;
        widths = m.widths;
        sampleNames = m.sampleNames;
        sChannel = m.sChannel;
        sBinStart = m.sBinStart;
        sNBins = m.sNBins;
        sOff = m.sOff;
        sMorph = m.sMorph;
        sRate = m.sRate;
        nominal = m.nominal;
        sFacStart = m.sFacStart;
        fParam = m.fParam;
        fKind = m.fKind;
        fScale = m.fScale;
        fA = m.fA;
        fB = m.fB;
        fCoef = m.fCoef;
        maxFactors = m.maxFactors;
        sShiftStart = m.sShiftStart;
        tParam = m.tParam;
        tCode = m.tCode;
        tMorph = m.tMorph;
        tScale = m.tScale;
        tOff = m.tOff;
        tUp = m.tUp;
        tDn = m.tDn;
        sbFactorStart = m.sbFactorStart;
        bfParam = m.bfParam;
        bfScale = m.bfScale;
        sbShiftStart = m.sbShiftStart;
        bsParam = m.bsParam;
        bsCoef = m.bsCoef;
        btBin = m.btBin;
        btParam = m.btParam;
        btStart = m.btStart;
        btSample = m.btSample;
        btErr = m.btErr;
        btConstraint = m.btConstraint;
        cParam = m.cParam;
        cKind = m.cKind;
        cA = m.cA;
        cB = m.cB;
        aux = newAux;
        constant = constantTerm(newData, newAux);
    }

    private void fillBinTerms(List<ModelBuilder.SampleSpec> ss, boolean factors, int[] start, int[] par,
                              double[] val) {
        int k = 0;
        for (int s = 0; s < ss.size(); s++) {
            ModelBuilder.SampleSpec sp = ss.get(s);
            List<ModelBuilder.BinTermSpec> terms = factors ? sp.binFactors : sp.binShifts;
            for (int bin = 0; bin < sp.nominal.length; bin++) {
                start[sOff[s] + bin] = k;
                for (ModelBuilder.BinTermSpec bt : terms) {
                    if (bt.bin() == bin) {
                        par[k] = bt.param();
                        val[k] = bt.coefficient();
                        k++;
                    }
                }
            }
        }
        start[sOff[ss.size()]] = k;
    }

    private double constantTerm(double[] main, double[] auxData) {
        double c = 0;
        for (double n : main) {
            c += Gamma.logGamma(n + 1);
        }
        for (int k = 0; k < cParam.length; k++) {
            switch (ConstraintKind.values()[cKind[k]]) {
                case GAUSSIAN -> c += Math.log(cA[k]) + HALF_LN_2PI;
                case BIFURCATED_GAUSSIAN -> c += Math.log(0.5 * (cA[k] + cB[k])) + HALF_LN_2PI;
                case POISSON -> c += Gamma.logGamma(auxData[k] + 1);
                case GAMMA -> c += Gamma.logGamma(auxData[k]) + auxData[k] * Math.log(cA[k]);
                default -> throw new IllegalStateException();
            }
        }
        return c;
    }

    /** The same model with other main-bin counts and auxiliary data (e.g. an Asimov dataset). */
    public LikelihoodModel withData(double[] main, double[] auxData) {
        if (main.length != nBins || auxData.length != aux.length) {
            throw new StatsException("data of " + main.length + " bins and " + auxData.length
                    + " auxiliary values for a model of " + nBins + " bins and " + aux.length + " constraints");
        }
        return new LikelihoodModel(this, main.clone(), auxData.clone());
    }

    /**
     * The auxiliary data that put every constraint's maximum at the given parameter values, as the Asimov
     * datasets of pyhf and Combine do: theta for Gaussians, tau theta for Poissons, theta/scale + 1 for Gammas.
     */
    public double[] auxAt(double[] params) {
        double[] a = new double[aux.length];
        for (int k = 0; k < a.length; k++) {
            double th = params[cParam[k]];
            if (cKind[k] == ConstraintKind.POISSON.ordinal()) {
                a[k] = cA[k] * th;
            } else if (cKind[k] == ConstraintKind.GAMMA.ordinal()) {
                a[k] = th / cA[k] + 1;
            } else {
                a[k] = th;
            }
        }
        return a;
    }

    /** The Asimov dataset at the given parameters: expected main counts and {@link #auxAt} auxiliary data. */
    public LikelihoodModel asimov(double[] params) {
        double[] main = new double[nBins];
        evaluator().expected(params, main);
        return withData(main, auxAt(params));
    }

    // ---- description ----

    /** Whether Combine's conventions apply (otherwise pyhf's). */
    public boolean combineConventions() {
        return combine;
    }

    /** The number of parameters. */
    public int parameterCount() {
        return parNames.length;
    }

    /** The name of parameter p. */
    public String parameterName(int p) {
        return parNames[p];
    }

    /** The index of a named parameter, or -1. */
    public int parameterIndex(String name) {
        for (int p = 0; p < parNames.length; p++) {
            if (parNames[p].equals(name)) {
                return p;
            }
        }
        return -1;
    }

    /** Initial values (a copy). */
    public double[] initialValues() {
        return parInit.clone();
    }

    /** Lower bounds (a copy). */
    public double[] lowerBounds() {
        return parLo.clone();
    }

    /** Upper bounds (a copy). */
    public double[] upperBounds() {
        return parHi.clone();
    }

    /** Which parameters are fixed by the model (a copy). */
    public boolean[] fixedParameters() {
        return parFixed.clone();
    }

    /** The index of the parameter of interest, or -1. */
    public int poi() {
        return poi;
    }

    /** Whether parameter p has a constraint term. */
    public boolean isConstrained(int p) {
        for (int k = 0; k < cParam.length; k++) {
            if (cParam[k] == p) {
                return true;
            }
        }
        return false;
    }

    /** The number of channels. */
    public int channelCount() {
        return channelNames.length;
    }

    /** The name of channel c. */
    public String channelName(int c) {
        return channelNames[c];
    }

    /** The first global bin of channel c. */
    public int channelStart(int c) {
        return channelStart[c];
    }

    /** The number of bins of channel c. */
    public int channelBins(int c) {
        return channelStart[c + 1] - channelStart[c];
    }

    /** The total number of bins. */
    public int binCount() {
        return nBins;
    }

    /** The observed main counts (a copy). */
    public double[] data() {
        return data.clone();
    }

    /** The auxiliary data (a copy), one per constraint. */
    public double[] auxData() {
        return aux.clone();
    }

    /** The number of samples over all channels. */
    public int sampleCount() {
        return sampleNames.length;
    }

    /** The name of sample s. */
    public String sampleName(int s) {
        return sampleNames[s];
    }

    /** The channel of sample s. */
    public int sampleChannel(int s) {
        return sChannel[s];
    }

    /** The number of (sample, bin) cells over all samples. */
    public int sampleBinCount() {
        return nominal.length;
    }

    /** The first (sample, bin) cell of sample s in {@link Evaluator#allSamplesExpected}. */
    public int sampleOffset(int s) {
        return sOff[s];
    }

    /**
     * The pre-fit width of parameter p's constraint: sigma of a Gaussian (the mean of the two of a bifurcated one),
     * sqrt(aux)/tau of a Poisson, sqrt(k) scale of a Gamma; NaN if p is unconstrained.
     */
    public double prefitSigma(int p) {
        for (int k = 0; k < cParam.length; k++) {
            if (cParam[k] == p) {
                switch (ConstraintKind.values()[cKind[k]]) {
                    case GAUSSIAN: return cA[k];
                    case BIFURCATED_GAUSSIAN: return 0.5 * (cA[k] + cB[k]);
                    case POISSON: return Math.sqrt(Math.max(aux[k], 1)) / cA[k];
                    default: return Math.sqrt(aux[k]) * cA[k];
                }
            }
        }
        return Double.NaN;
    }

    /** A fresh evaluator with its own scratch buffers. */
    public Evaluator evaluator() {
        return new Evaluator(false);
    }

    /**
     * A fresh evaluator that profiles the Barlow-Beeston-lite total parameters analytically, as Combine's
     * {@code runBarlowBeeston} does (src/CMSHistErrorPropagator.cc): at every evaluation each such parameter is
     * set to its conditional minimum (overwriting it in the caller's array), so the NLL is smooth in the other
     * parameters even where a cropped bin would put a kink. Minimisers keep those parameters fixed.
     */
    public Evaluator profilingEvaluator() {
        return new Evaluator(true);
    }

    /** Which parameters a {@link #profilingEvaluator} sets itself (the Barlow-Beeston-lite totals). */
    public boolean[] profiledParameters() {
        boolean[] b = new boolean[parNames.length];
        for (int k = 0; k < btParam.length; k++) {
            if (btConstraint[k] >= 0) {
                b[btParam[k]] = true;
            }
        }
        return b;
    }

    /**
     * Evaluates the NLL, its gradient and expected yields with preallocated scratch buffers. Not thread-safe;
     * the hot path allocates nothing.
     */
    public final class Evaluator {
        private final double[] lam = new double[nBins];
        private final double[] w = new double[nBins];
        private final boolean[] cropped = new boolean[nBins];
        private final double[] sbA = new double[nominal.length];
        private final double[] sbG = new double[nominal.length];
        private final double[] sbV = new double[nominal.length];
        private final boolean[] sbCut = new boolean[nominal.length];
        private final double[] sM = new double[sampleNames.length];
        private final double[] sS = new double[sampleNames.length];
        private final double[] dM = new double[sampleNames.length];
        private final double[] facVal = new double[fParam.length];
        private final double[] facDer = new double[fParam.length];
        private final double[] btT = new double[btBin.length];
        private final double[] prefix = new double[maxFactors + 1];
        private final boolean profile;
        private final double[] btKinkW = new double[btBin.length];

        private Evaluator(boolean profile) {
            this.profile = profile;
        }

        /** The model this evaluator belongs to. */
        public LikelihoodModel model() {
            return LikelihoodModel.this;
        }

        /** The negative log-likelihood at p (+Infinity where a yield is not positive but data is). */
        public double nll(double[] p) {
            return compute(p, null);
        }

        /**
         * The negative log-likelihood and its gradient at p.
         *
         * @param grad receives dNLL/dp (modified)
         */
        public double nllAndGradient(double[] p, double[] grad) {
            return compute(p, grad);
        }

        /**
         * The expected main-bin counts at p.
         *
         * @param out receives {@link #binCount()} values (modified)
         */
        public void expected(double[] p, double[] out) {
            yields(p, false);
            System.arraycopy(lam, 0, out, 0, nBins);
        }

        /**
         * The expected yields of sample s at p in its channel's bins (including the Barlow-Beeston-lite total
         * terms only in {@link #expected}).
         *
         * @param out receives the channel's bins (modified)
         */
        public void sampleExpected(double[] p, int s, double[] out) {
            yields(p, false);
            int off = sOff[s];
            for (int k = 0; k < sNBins[s]; k++) {
                out[k] = sbA[off + k] * sM[s] * sbG[off + k];
            }
        }

        /**
         * The expected yield of every sample in every bin of its channel at p, sample s at
         * {@code out[sampleOffset(s) ..]}.
         *
         * @param out receives {@link #sampleBinCount()} values (modified)
         */
        public void allSamplesExpected(double[] p, double[] out) {
            yields(p, false);
            for (int s = 0; s < sampleNames.length; s++) {
                for (int k = sOff[s]; k < sOff[s + 1]; k++) {
                    out[k] = sbA[k] * sM[s] * sbG[k];
                }
            }
        }

        private void yields(double[] p, boolean derivatives) {
            Arrays.fill(lam, 0);
            for (int s = 0; s < sampleNames.length; s++) {
                double m = 1;
                for (int f = sFacStart[s]; f < sFacStart[s + 1]; f++) {
                    double v = factorValue(f, p[fParam[f]] * fScale[f]);
                    facVal[f] = v;
                    if (derivatives) {
                        facDer[f] = fScale[f] * factorDerivative(f, p[fParam[f]] * fScale[f]);
                    }
                    m *= v;
                }
                sM[s] = m;
                int off = sOff[s];
                int n = sNBins[s];
                if (sMorph[s]) {
                    double sum = 0;
                    for (int k = 0; k < n; k++) {
                        double u = nominal[off + k];
                        for (int t = sShiftStart[s]; t < sShiftStart[s + 1]; t++) {
                            if (tMorph[t]) {
                                u += Interpolation.code4p(p[tParam[t]] * tScale[t], tUp[tOff[t] + k], tDn[tOff[t] + k]);
                            }
                        }
                        double floor = COMBINE_CROP_MINIMUM * widths[sBinStart[s] + k];
                        boolean cut = u < floor;
                        double v = cut ? floor : u;
                        sbCut[off + k] = cut;
                        sbV[off + k] = v;
                        sum += v;
                    }
                    sS[s] = sum;
                    double scale = sRate[s] / sum;
                    for (int k = 0; k < n; k++) {
                        sbA[off + k] = sbV[off + k] * scale;
                    }
                } else {
                    System.arraycopy(nominal, off, sbA, off, n);
                }
                for (int t = sShiftStart[s]; t < sShiftStart[s + 1]; t++) {
                    if (!tMorph[t]) {
                        addShift(t, p[tParam[t]], off, n);
                    }
                }
                for (int k = 0; k < n; k++) {
                    int sb = off + k;
                    double a = sbA[sb];
                    for (int j = sbShiftStart[sb]; j < sbShiftStart[sb + 1]; j++) {
                        a += p[bsParam[j]] * bsCoef[j];
                    }
                    sbA[sb] = a;
                    double g = 1;
                    for (int j = sbFactorStart[sb]; j < sbFactorStart[sb + 1]; j++) {
                        g *= p[bfParam[j]] * bfScale[j];
                    }
                    sbG[sb] = g;
                    lam[sBinStart[s] + k] += a * m * g;
                }
            }
            for (int k = 0; k < btBin.length; k++) {
                double t2 = 0;
                for (int e = btStart[k]; e < btStart[k + 1]; e++) {
                    double me = sM[btSample[e]] * btErr[e];
                    t2 += me * me;
                }
                double t = Math.sqrt(t2);
                btT[k] = t;
                btKinkW[k] = Double.NaN;
                if (profile && btConstraint[k] >= 0) {
                    p[btParam[k]] = profiledBarlowBeeston(k, lam[btBin[k]], t);
                }
                lam[btBin[k]] += p[btParam[k]] * t;
                if (!Double.isNaN(btKinkW[k])) {
                    lam[btBin[k]] = COMBINE_CROP_MINIMUM;
                }
            }
            if (combine) {
                for (int b = 0; b < nBins; b++) {
                    cropped[b] = lam[b] < COMBINE_CROP_MINIMUM;
                    if (cropped[b]) {
                        lam[b] = COMBINE_CROP_MINIMUM;
                    }
                }
            }
        }

        /**
         * The conditional minimum of 0.5 (x - g)^2 + lam - n ln lam over x, lam = v + x t, inside the parameter's
         * bounds; Combine's quadratic (runBarlowBeeston) for n &gt; 0, and the crop at
         * {@link #COMBINE_CROP_MINIMUM} for n = 0. Sets {@code btKinkW[k]} when the minimum sits on the crop.
         */
        private double profiledBarlowBeeston(int k, double v, double t) {
            int c = btConstraint[k];
            double g = aux[c];
            int par = btParam[k];
            if (!(t > 0)) {
                return Math.min(parHi[par], Math.max(parLo[par], g));
            }
            double n = data[btBin[k]];
            double x;
            if (n > 0) {
                double b = t + v / t - g;
                double cc = v - n - (v / t) * g;
                double disc = Math.sqrt(Math.max(0, b * b - 4 * cc));
                double tmp = -0.5 * (b + Math.copySign(disc, b));
                double x1 = tmp;
                double x2 = tmp != 0 ? cc / tmp : -b;
                x = Math.max(x1, x2);
            } else {
                double x1 = g - t;
                double xk = (COMBINE_CROP_MINIMUM - v) / t;
                if (x1 >= xk) {
                    x = x1;
                } else if (g < xk) {
                    x = g;
                } else {
                    x = xk;
                    if (x >= parLo[par] && x <= parHi[par]) {
                        btKinkW[k] = -(x - g) / t;
                    }
                }
            }
            return Math.min(parHi[par], Math.max(parLo[par], x));
        }

        private void addShift(int t, double theta, int off, int n) {
            int o = tOff[t];
            int code = tCode[t];
            for (int k = 0; k < n; k++) {
                double up = tUp[o + k];
                double dn = tDn[o + k];
                double d;
                if (code == CODE0) {
                    d = Interpolation.code0(theta, up, dn);
                } else if (code == CODE2) {
                    d = Interpolation.code2(theta, up, dn);
                } else {
                    d = Interpolation.code4p(theta, up, dn);
                }
                sbA[off + k] += d;
            }
        }

        private double shiftDerivative(int t, double theta, int k) {
            double up = tUp[tOff[t] + k];
            double dn = tDn[tOff[t] + k];
            int code = tCode[t];
            if (code == CODE0) {
                return Interpolation.code0Derivative(theta, up, dn);
            }
            if (code == CODE2) {
                return Interpolation.code2Derivative(theta, up, dn);
            }
            return Interpolation.code4pDerivative(theta, up, dn);
        }

        private double factorValue(int f, double t) {
            switch (fKind[f]) {
                case 0: // LINEAR
                    return t;
                case 1: // LOG_NORMAL
                    return Math.exp(t * fA[f]);
                case 2: // COMBINE_ASYMMETRIC_LOG_NORMAL
                    return Math.exp(t * Interpolation.combineLogKappa(t, fA[f], fB[f]));
                case 3: // PYHF_CODE1
                    return Interpolation.code1(t, fA[f], fB[f]);
                default: // PYHF_CODE4
                    return Interpolation.code4(t, fA[f], fB[f], fCoef, 6 * f);
            }
        }

        private double factorDerivative(int f, double t) {
            switch (fKind[f]) {
                case 0:
                    return 1;
                case 1:
                    return fA[f] * Math.exp(t * fA[f]);
                case 2:
                    return Math.exp(t * Interpolation.combineLogKappa(t, fA[f], fB[f]))
                            * Interpolation.combineLogKappaExponentDerivative(t, fA[f], fB[f]);
                case 3:
                    return Interpolation.code1Derivative(t, fA[f], fB[f]);
                default:
                    return Interpolation.code4Derivative(t, fA[f], fB[f], fCoef, 6 * f);
            }
        }

        private double compute(double[] p, double[] grad) {
            boolean g = grad != null;
            yields(p, g);
            double nll = constant;
            for (int b = 0; b < nBins; b++) {
                double l = lam[b];
                double n = data[b];
                if (n > 0) {
                    if (!(l > 0)) {
                        return Double.POSITIVE_INFINITY;
                    }
                    nll += l - n * Math.log(l);
                } else {
                    nll += l;
                }
                w[b] = (combine && cropped[b]) ? 0 : 1 - (n > 0 ? n / l : 0);
            }
            for (int k = 0; k < btBin.length; k++) {
                if (!Double.isNaN(btKinkW[k])) {
                    // On the crop: the subgradient weight that keeps the profiled NLL's derivative exact.
                    w[btBin[k]] = btKinkW[k];
                }
            }
            if (g) {
                Arrays.fill(grad, 0);
            }
            for (int k = 0; k < cParam.length; k++) {
                int par = cParam[k];
                double th = p[par];
                double a = aux[k];
                switch (cKind[k]) {
                    case 0 -> { // GAUSSIAN
                        double z = (th - a) / cA[k];
                        nll += 0.5 * z * z;
                        if (g) {
                            grad[par] += z / cA[k];
                        }
                    }
                    case 1 -> { // BIFURCATED_GAUSSIAN
                        double sig = th < a ? cA[k] : cB[k];
                        double z = (th - a) / sig;
                        nll += 0.5 * z * z;
                        if (g) {
                            grad[par] += z / sig;
                        }
                    }
                    case 3 -> { // GAMMA
                        if (!(th > 0)) {
                            return Double.POSITIVE_INFINITY;
                        }
                        nll += -(a - 1) * Math.log(th) + th / cA[k];
                        if (g) {
                            grad[par] += -(a - 1) / th + 1 / cA[k];
                        }
                    }
                    default -> { // POISSON
                        double l = cA[k] * th;
                        if (a > 0) {
                            if (!(l > 0)) {
                                return Double.POSITIVE_INFINITY;
                            }
                            nll += l - a * Math.log(l);
                        } else {
                            nll += l;
                        }
                        if (g) {
                            grad[par] += cA[k] * (1 - (a > 0 ? a / l : 0));
                        }
                    }
                }
            }
            if (g) {
                gradient(p, grad);
            }
            return nll;
        }

        private void gradient(double[] p, double[] grad) {
            Arrays.fill(dM, 0);
            for (int k = 0; k < btBin.length; k++) {
                double wb = w[btBin[k]];
                double t = btT[k];
                grad[btParam[k]] += wb * t;
                if (t > 0) {
                    double x = p[btParam[k]];
                    for (int e = btStart[k]; e < btStart[k + 1]; e++) {
                        int s = btSample[e];
                        dM[s] += wb * x * sM[s] * btErr[e] * btErr[e] / t;
                    }
                }
            }
            for (int s = 0; s < sampleNames.length; s++) {
                int off = sOff[s];
                int n = sNBins[s];
                int b0 = sBinStart[s];
                double m = sM[s];
                double dms = dM[s];
                for (int k = 0; k < n; k++) {
                    int sb = off + k;
                    double wg = w[b0 + k] * sbG[sb];
                    double a = sbA[sb];
                    dms += wg * a;
                    double gA = wg * m;
                    for (int j = sbShiftStart[sb]; j < sbShiftStart[sb + 1]; j++) {
                        grad[bsParam[j]] += gA * bsCoef[j];
                    }
                    for (int j = sbFactorStart[sb]; j < sbFactorStart[sb + 1]; j++) {
                        double others = bfScale[j];
                        for (int i = sbFactorStart[sb]; i < sbFactorStart[sb + 1]; i++) {
                            if (i != j) {
                                others *= p[bfParam[i]] * bfScale[i];
                            }
                        }
                        grad[bfParam[j]] += w[b0 + k] * a * m * others;
                    }
                }
                for (int t = sShiftStart[s]; t < sShiftStart[s + 1]; t++) {
                    double th = p[tParam[t]] * tScale[t];
                    double acc = 0;
                    if (tMorph[t]) {
                        double kq = 0;
                        for (int k = 0; k < n; k++) {
                            kq += w[b0 + k] * sbG[off + k] * m * sbV[off + k];
                        }
                        kq /= sS[s];
                        for (int k = 0; k < n; k++) {
                            if (!sbCut[off + k]) {
                                double gA = w[b0 + k] * sbG[off + k] * m;
                                acc += (gA - kq) * shiftDerivative(t, th, k);
                            }
                        }
                        acc *= sRate[s] / sS[s];
                    } else {
                        for (int k = 0; k < n; k++) {
                            acc += w[b0 + k] * sbG[off + k] * m * shiftDerivative(t, th, k);
                        }
                    }
                    grad[tParam[t]] += acc * tScale[t];
                }
                int f0 = sFacStart[s];
                int f1 = sFacStart[s + 1];
                prefix[0] = 1;
                for (int f = f0; f < f1; f++) {
                    prefix[f - f0 + 1] = prefix[f - f0] * facVal[f];
                }
                double suffix = 1;
                for (int f = f1 - 1; f >= f0; f--) {
                    grad[fParam[f]] += dms * prefix[f - f0] * suffix * facDer[f];
                    suffix *= facVal[f];
                }
            }
        }
    }
}
