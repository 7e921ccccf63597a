package org.vbfann.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects channels, samples, parameters, modifiers and constraints, then freezes them into an immutable
 * {@link LikelihoodModel}. Readers ({@link DatacardModelBuilder}, {@link PyhfWorkspaceReader}) drive it; tests use
 * it directly. Not thread-safe.
 */
public final class ModelBuilder {
    private final boolean combineConventions;
    final List<String> parNames = new ArrayList<>();
    final Map<String, Integer> parIndex = new LinkedHashMap<>();
    double[] parInit = new double[8];
    double[] parLo = new double[8];
    double[] parHi = new double[8];
    boolean[] parFixed = new boolean[8];
    int poi = -1;

    final List<String> channelNames = new ArrayList<>();
    final List<double[]> channelData = new ArrayList<>();
    final List<double[]> channelWidths = new ArrayList<>();

    final List<SampleSpec> samples = new ArrayList<>();
    final List<BinTotalSpec> binTotals = new ArrayList<>();
    final List<ConstraintSpec> constraints = new ArrayList<>();

    record FactorSpec(int param, FactorKind kind, double scale, double a, double b) {
    }

    record ShiftSpec(int param, Interpolation code, boolean morph, double scale, double[] dUp, double[] dDn) {
    }

    record BinTermSpec(int bin, int param, double coefficient) {
    }

    record BinTotalSpec(int channel, int bin, int param, int[] samples, double[] errors) {
    }

    record ConstraintSpec(int param, ConstraintKind kind, double aux, double a, double b) {
    }

    static final class SampleSpec {
        final int channel;
        final String name;
        final double[] nominal;
        final boolean signal;
        boolean morphed;
        final List<FactorSpec> factors = new ArrayList<>();
        final List<ShiftSpec> shifts = new ArrayList<>();
        final List<BinTermSpec> binFactors = new ArrayList<>();
        final List<BinTermSpec> binShifts = new ArrayList<>();

        SampleSpec(int channel, String name, double[] nominal, boolean signal) {
            this.channel = channel;
            this.name = name;
            this.nominal = nominal;
            this.signal = signal;
        }
    }

    /**
     * A builder.
     *
     * @param combineConventions true for Combine's conventions (bin totals cropped at
     *                           {@link LikelihoodModel#COMBINE_CROP_MINIMUM}), false for pyhf's
     */
    public ModelBuilder(boolean combineConventions) {
        this.combineConventions = combineConventions;
    }

    /** Adds a parameter, or returns the index of the one of that name (its settings then stay as they were). */
    public int parameter(String name, double init, double lo, double hi, boolean fixed) {
        Integer i = parIndex.get(name);
        if (i != null) {
            return i;
        }
        int k = parNames.size();
        if (k == parInit.length) {
            int n = 2 * k;
            parInit = Arrays.copyOf(parInit, n);
            parLo = Arrays.copyOf(parLo, n);
            parHi = Arrays.copyOf(parHi, n);
            parFixed = Arrays.copyOf(parFixed, n);
        }
        parNames.add(name);
        parIndex.put(name, k);
        setParameter(k, init, lo, hi, fixed);
        return k;
    }

    /** Changes the initial value, bounds and fixed flag of a parameter. */
    public void setParameter(int p, double init, double lo, double hi, boolean fixed) {
        if (!(lo <= hi) || !(init >= lo && init <= hi)) {
            throw new StatsException("parameter '" + parNames.get(p) + "': initial value " + init
                    + " is not inside its bounds [" + lo + ", " + hi + "]");
        }
        parInit[p] = init;
        parLo[p] = lo;
        parHi[p] = hi;
        parFixed[p] = fixed;
    }

    /** The index of a parameter, or -1. */
    public int parameterIndex(String name) {
        Integer i = parIndex.get(name);
        return i == null ? -1 : i;
    }

    /** The initial value of a parameter. */
    public double parameterInit(int p) {
        return parInit[p];
    }

    /** The lower bound of a parameter. */
    public double parameterLower(int p) {
        return parLo[p];
    }

    /** The upper bound of a parameter. */
    public double parameterUpper(int p) {
        return parHi[p];
    }

    /** Declares the parameter of interest. */
    public void setPoi(int p) {
        poi = p;
    }

    /** Adds a channel with its observed counts and bin widths (null widths mean 1). */
    public int channel(String name, double[] observed, double[] widths) {
        if (channelNames.contains(name)) {
            throw new StatsException("channel '" + name + "' is defined twice");
        }
        channelNames.add(name);
        channelData.add(observed.clone());
        double[] w = widths == null ? filled(observed.length, 1.0) : widths.clone();
        channelWidths.add(w);
        return channelNames.size() - 1;
    }

    /** The number of bins of a channel. */
    public int channelBins(int c) {
        return channelData.get(c).length;
    }

    /** Adds a sample (process) to a channel with its nominal yield per bin. */
    public int sample(int channel, String name, double[] nominal, boolean signal) {
        if (nominal.length != channelBins(channel)) {
            throw new StatsException("channel '" + channelNames.get(channel) + "' sample '" + name + "': "
                    + nominal.length + " bins, the channel has " + channelBins(channel));
        }
        for (int b = 0; b < nominal.length; b++) {
            if (!Double.isFinite(nominal[b])) {
                throw new StatsException("channel '" + channelNames.get(channel) + "' sample '" + name
                        + "' bin " + b + ": yield " + nominal[b] + " is not a finite number");
            }
        }
        samples.add(new SampleSpec(channel, name, nominal.clone(), signal));
        return samples.size() - 1;
    }

    /** The nominal yields of a sample (a copy). */
    public double[] sampleNominal(int s) {
        return samples.get(s).nominal.clone();
    }

    /** Replaces the nominal yields of a sample (e.g. gmN: the rate becomes alpha, the parameter carries N). */
    public void setSampleNominal(int s, double[] nominal) {
        System.arraycopy(nominal, 0, samples.get(s).nominal, 0, nominal.length);
    }

    /** The channel of a sample. */
    public int sampleChannel(int s) {
        return samples.get(s).channel;
    }

    /** The number of samples so far. */
    public int sampleCount() {
        return samples.size();
    }

    /** The name of a sample. */
    public String sampleName(int s) {
        return samples.get(s).name;
    }

    /** Multiplies every bin of a sample by f(scale &times; theta). See {@link FactorKind} for a and b. */
    public void factor(int sample, int param, FactorKind kind, double scale, double a, double b) {
        samples.get(sample).factors.add(new FactorSpec(param, kind, scale, a, b));
    }

    /** Adds a pyhf histosys shift: yield += code(theta; dUp, dDn) per bin (additive codes only). */
    public void shift(int sample, int param, Interpolation code, double[] dUp, double[] dDn) {
        if (!code.additive()) {
            throw new StatsException("histosys of sample '" + samples.get(sample).name + "' needs an additive code"
                    + " (code0, code2, code4p), found " + code.pyhfName());
        }
        samples.get(sample).shifts.add(new ShiftSpec(param, code, false, 1.0, dUp.clone(), dDn.clone()));
    }

    /**
     * Adds a Combine vertical-morphing shape systematic to a sample. The shifts are of the unit-normalised
     * template; the sample becomes normalised-and-morphed (crop at 1e-9 density, renormalise, times its rate).
     */
    public void morph(int sample, int param, double scale, double[] dUpFraction, double[] dDnFraction) {
        SampleSpec s = samples.get(sample);
        s.morphed = true;
        s.shifts.add(new ShiftSpec(param, Interpolation.PYHF_CODE4P, true, scale, dUpFraction.clone(),
                dDnFraction.clone()));
    }

    /** Multiplies one bin of a sample by scale &times; theta (shapesys, staterror, shapefactor, autoMCStats Poisson). */
    public void binFactor(int sample, int bin, int param, double scale) {
        samples.get(sample).binFactors.add(new BinTermSpec(bin, param, scale));
    }

    /** Adds theta &times; coefficient to one bin of a sample, before its factors (autoMCStats per-process Gaussian). */
    public void binShift(int sample, int bin, int param, double coefficient) {
        samples.get(sample).binShifts.add(new BinTermSpec(bin, param, coefficient));
    }

    /**
     * Adds Combine's Barlow-Beeston-lite total term to a channel bin: theta &times; sqrt(sum_s (M_s e_s)^2) with
     * M_s the normalisation factor of sample s and e_s its statistical error in that bin.
     */
    public void binTotalShift(int channel, int bin, int param, int[] sampleIds, double[] errors) {
        binTotals.add(new BinTotalSpec(channel, bin, param, sampleIds.clone(), errors.clone()));
    }

    /** Constrains a parameter by an auxiliary measurement. For Poisson, a = tau; for the bifurcated Gaussian a, b = sigma low, high. */
    public void constraint(int param, ConstraintKind kind, double aux, double a, double b) {
        constraints.add(new ConstraintSpec(param, kind, aux, a, b));
    }

    /** Removes every constraint of a parameter, then adds this one (Combine's {@code param} on an existing nuisance). */
    public void replaceConstraint(int param, ConstraintKind kind, double aux, double a, double b) {
        constraints.removeIf(c -> c.param == param);
        constraint(param, kind, aux, a, b);
    }

    /** Whether the parameter already has a constraint. */
    public boolean hasConstraint(int param) {
        for (ConstraintSpec c : constraints) {
            if (c.param == param) {
                return true;
            }
        }
        return false;
    }

    /** Freezes the model. */
    public LikelihoodModel build() {
        if (channelNames.isEmpty()) {
            throw new StatsException("the model has no channels");
        }
        return new LikelihoodModel(this, combineConventions);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
