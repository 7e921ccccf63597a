package org.vbfann.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.special.Gamma;
import org.vbfann.core.Histogram1D;

/**
 * Builds the likelihood of a {@link Datacard} with Combine's conventions (text2workspace.py:
 * {@code python/ModelTools.py}, {@code python/ShapeTools.py}, {@code src/CMSHistErrorPropagator.cc}):
 * <ul>
 * <li>signal (id &le; 0) scaled by {@code r} in [0, 20], starting at 1;</li>
 * <li>lnN: theta ~ N(0,1) in [-7, 7], kappa^theta or the asymmetric form of {@link Interpolation#combineLogKappa};</li>
 * <li>lnU: theta flat in [-1, 1], kappa^theta;</li>
 * <li>gmM v: a multiplier x ~ Gamma(1/v^2, scale v^2) in [max(0.01, 1 - 5v), 1 + 5v];</li>
 * <li>gmN N: yield = alpha &times; n with Poisson(N | n), n in Combine's +-7 sigma range (starting at N, so the
 *     pre-fit yield equals the rate column);</li>
 * <li>shape: theta ~ N(0,1) in [-4, 4], vertical morphing of the unit-normalised templates plus the asymmetric
 *     log-normal with kUp/kDown = integral ratios; a value X &ne; 1 scales theta by X; shape? without templates
 *     is an lnN;</li>
 * <li>rateParam: a free multiplier (unbounded unless a range is given), shared by name;</li>
 * <li>param: a Gaussian (bifurcated for -a/+b) on the named parameter, replacing its N(0,1);</li>
 * <li>autoMCStats: Barlow-Beeston-lite, one Gaussian per bin on the total when the effective number of events
 *     exceeds the threshold, else per-process Poisson (or Gaussian) parameters.</li>
 * </ul>
 */
public final class DatacardModelBuilder {
    /** Combine's default range of the signal strength ({@code --rMin 0 --rMax 20}). */
    public static final double COMBINE_R_MIN = 0;
    /** Combine's default upper bound of r. */
    public static final double COMBINE_R_MAX = 20;
    /** Combine's range of lnN nuisances (ModelTools.py: "-7,7"). */
    public static final double COMBINE_LNN_RANGE = 7;
    /** Combine's range of shape nuisances (ModelTools.py: "-4,4"). */
    public static final double COMBINE_SHAPE_RANGE = 4;
    /** Combine's range of autoMCStats Gaussian parameters (CMSHistErrorPropagator.cc: [-7, 7]). */
    public static final double COMBINE_BB_RANGE = 7;
    /** Combine's default mass for {@code $MASS} ({@code -m 120}). */
    public static final String COMBINE_DEFAULT_MASS = "120";

    private final ShapeSource shapes;
    private double rMin = COMBINE_R_MIN;
    private double rMax = COMBINE_R_MAX;
    private String mass = COMBINE_DEFAULT_MASS;
    private boolean systematics = true;
    private boolean poiPerChannel;
    private List<String> xsModes;

    /** A builder reading shapes from {@code shapes} (may be null for counting cards). */
    public DatacardModelBuilder(ShapeSource shapes) {
        this.shapes = shapes;
    }

    /** Sets the range of r (Combine's --rMin/--rMax). */
    public DatacardModelBuilder rRange(double min, double max) {
        if (!(min < max)) {
            throw new StatsException("r range [" + min + ", " + max + "] is empty");
        }
        rMin = min;
        rMax = max;
        return this;
    }

    /** Sets the value substituted for {@code $MASS} (Combine's -m). */
    public DatacardModelBuilder mass(String value) {
        mass = value;
        return this;
    }

    /**
     * Gives the signal of each channel its own strength {@code r_<channel>} (same range as r), as the alternate
     * model of Combine's {@code ChannelCompatibilityCheck}; the model's POI is the first channel's.
     */
    public DatacardModelBuilder poiPerChannel() {
        poiPerChannel = true;
        return this;
    }

    /**
     * Combine's {@code floatingXSHiggs} physics model ({@code python/PhysicsModel.py}): each signal process
     * scales with {@code r_<mode>} of its production mode (the part of its name before the first "_", e.g.
     * ggH_hgg &rarr; r_ggH), in Combine's ranges {@link #FLOATING_XS_RANGES}; the model's POI is the first mode's.
     */
    public DatacardModelBuilder floatingXsHiggs(List<String> modes) {
        for (String m : modes) {
            if (!FLOATING_XS_RANGES.containsKey(m)) {
                throw new StatsException("floatingXSHiggs mode '" + m + "': expected one of " + FLOATING_XS_RANGES.keySet());
            }
        }
        xsModes = List.copyOf(modes);
        return this;
    }

    /** The r ranges of Combine's floatingXSHiggs (ggHRange 0:4, qqHRange 0:10, the others 0:20). */
    public static final Map<String, double[]> FLOATING_XS_RANGES = Map.of("ggH", new double[]{0, 4}, "qqH",
            new double[]{0, 10}, "VH", new double[]{0, 20}, "WH", new double[]{0, 20}, "ZH", new double[]{0, 20},
            "ttH", new double[]{0, 20});

    /** Drops every systematic, param and autoMCStats line, like Combine's {@code -S 0}; rateParams stay. */
    public DatacardModelBuilder withoutSystematics() {
        systematics = false;
        return this;
    }

    /** Reads and builds a card file. */
    public DatacardModel build(Path card) {
        return build(DatacardReader.read(card));
    }

    /** Builds a parsed card. */
    public DatacardModel build(Datacard dc) {
        return new Build(dc).result();
    }

    private final class Build {
        private final Datacard dc;
        private final String where;
        private final ModelBuilder mb = new ModelBuilder(true);
        private final Map<String, Integer> channelIndex = new HashMap<>();
        private final boolean[] shapeChannel;
        /** Sample index per rate-block entry. */
        private final int[] sampleOf;
        /** Nominal template (rate-normalised) per entry, and its statistical errors. */
        private final double[][] nominal;
        private final double[][] errors;
        private final List<String> nuisances = new ArrayList<>();

        Build(Datacard dc) {
            this.dc = dc;
            this.where = dc.file().getFileName() == null ? dc.file().toString() : dc.file().getFileName().toString();
            int ne = dc.entries().size();
            sampleOf = new int[ne];
            nominal = new double[ne][];
            errors = new double[ne][];
            shapeChannel = new boolean[dc.channels().size()];
            double r0 = Math.min(rMax, Math.max(rMin, 1));
            String poiName = xsModes != null ? "r_" + xsModes.get(0)
                    : poiPerChannel ? "r_" + dc.channels().get(0) : "r";
            double[] range = xsModes != null ? FLOATING_XS_RANGES.get(xsModes.get(0)) : new double[]{rMin, rMax};
            int r = mb.parameter(poiName, Math.min(range[1], Math.max(range[0], 1)), range[0], range[1], false);
            mb.setPoi(r);
            if (xsModes != null) {
                for (String mode : xsModes) {
                    double[] rg = FLOATING_XS_RANGES.get(mode);
                    mb.parameter("r_" + mode, 1, rg[0], rg[1], false);
                }
            }
            for (int c = 0; c < dc.channels().size(); c++) {
                channel(c, dc.channels().get(c));
            }
            for (int k = 0; k < ne; k++) {
                Datacard.Entry e = dc.entries().get(k);
                int c = channelIndex.get(e.channel());
                sampleOf[k] = mb.sample(c, e.process(), nominal[k], e.signal());
                if (e.signal()) {
                    int rp = r;
                    if (xsModes != null) {
                        String mode = e.process().split("_", 2)[0];
                        rp = mb.parameterIndex("r_" + mode);
                        if (rp < 0 || !xsModes.contains(mode)) {
                            throw new DatacardException(where + ": signal process '" + e.process() + "' has production"
                                    + " mode '" + mode + "', not one of the floatingXSHiggs modes " + xsModes);
                        }
                    } else if (poiPerChannel) {
                        rp = mb.parameter("r_" + e.channel(), r0, rMin, rMax, false);
                    }
                    mb.factor(sampleOf[k], rp, FactorKind.LINEAR, 1, 0, 0);
                }
            }
            for (Datacard.RateParam rp : dc.rateParams()) {
                int p = mb.parameter(rp.name(), Math.min(rp.max(), Math.max(rp.min(), rp.init())), rp.min(), rp.max(), false);
                for (int k = 0; k < ne; k++) {
                    Datacard.Entry e = dc.entries().get(k);
                    if (e.channel().equals(rp.channel()) && e.process().equals(rp.process())) {
                        mb.factor(sampleOf[k], p, FactorKind.LINEAR, 1, 0, 0);
                    }
                }
            }
            if (systematics) {
                for (Datacard.Systematic s : dc.systematics()) {
                    systematic(s);
                }
                for (Datacard.Param p : dc.params()) {
                    param(p);
                }
                for (Map.Entry<String, Datacard.AutoMcStats> a : dc.autoMcStats().entrySet()) {
                    autoMcStats(a.getKey(), a.getValue());
                }
            }
            for (Map.Entry<String, List<String>> g : systematics ? dc.groups().entrySet()
                    : Map.<String, List<String>>of().entrySet()) {
                for (String n : g.getValue()) {
                    if (mb.parameterIndex(n) < 0) {
                        throw new DatacardException(where + ": group '" + g.getKey() + "' names '" + n
                                + "', which is not a parameter of the card");
                    }
                }
            }
        }

        DatacardModel result() {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            dc.groups().forEach((k, v) -> groups.put(k, List.copyOf(v)));
            return new DatacardModel(dc, mb.build(), List.copyOf(nuisances), groups);
        }

        private Path resolve(String file) {
            Path dir = dc.file().toAbsolutePath().getParent();
            return dir == null ? Path.of(file) : dir.resolve(file);
        }

        private String expand(String pattern, String process, String channel, String syst) {
            return pattern.replace("$PROCESS", process).replace("$CHANNEL", channel).replace("$SYSTEMATIC", syst)
                    .replace("$MASS", mass);
        }

        private Histogram1D histogram(Datacard.Shapes sh, String process, String channel, String syst, boolean required) {
            if (shapes == null) {
                throw new DatacardException(where, sh.line(), "shapes from '" + sh.file()
                        + "' need a ROOT reader; none is available here");
            }
            String pattern = syst.isEmpty() ? sh.histogram() : sh.systematicHistogram();
            if (pattern == null) {
                if (!required) {
                    return null;
                }
                throw new DatacardException(where, sh.line(), "shapes line for process '" + sh.process() + "' has no"
                        + " systematic-histogram pattern, needed for '" + syst + "' of '" + process + "' in '" + channel + "'");
            }
            String file = expand(sh.file(), process, channel, syst);
            String path = expand(pattern, process, channel, syst);
            Histogram1D h = shapes.histogram(resolve(file), path);
            if (h == null && required) {
                throw new DatacardException(where, sh.line(), "no histogram '" + path + "' in " + file + " (process '"
                        + process + "', channel '" + channel + "'" + (syst.isEmpty() ? "" : ", systematic '" + syst + "'") + ")");
            }
            return h;
        }

        private void channel(int c, String ch) {
            Datacard.Shapes dataShapes = dc.shapesFor(ch, "data_obs");
            boolean shape = false;
            for (Datacard.Entry e : dc.entries()) {
                if (e.channel().equals(ch)) {
                    Datacard.Shapes sh = dc.shapesFor(ch, e.process());
                    if (sh != null && !sh.fake()) {
                        shape = true;
                    }
                }
            }
            shapeChannel[c] = shape;
            double obs = dc.observations().get(ch);
            double[] data;
            double[] widths = null;
            if (!shape) {
                if (Double.isNaN(obs)) {
                    throw new DatacardException(where + ": channel '" + ch + "' is a counting channel but its"
                            + " observation is -1 (from shapes)");
                }
                data = new double[]{obs};
            } else {
                if (dataShapes == null || dataShapes.fake()) {
                    throw new DatacardException(where + ": channel '" + ch + "' has shapes but no shapes line for data_obs");
                }
                Histogram1D h = histogram(dataShapes, "data_obs", ch, "", true);
                data = inner(h.contents());
                widths = new double[data.length];
                for (int b = 0; b < data.length; b++) {
                    widths[b] = h.axis().width(b + 1);
                }
            }
            channelIndex.put(ch, mb.channel(ch, data, widths));
            for (int k = 0; k < dc.entries().size(); k++) {
                Datacard.Entry e = dc.entries().get(k);
                if (!e.channel().equals(ch)) {
                    continue;
                }
                if (!shape) {
                    nominal[k] = new double[]{e.rate()};
                    errors[k] = new double[]{0};
                    continue;
                }
                Datacard.Shapes sh = dc.shapesFor(ch, e.process());
                if (sh == null || sh.fake()) {
                    throw new DatacardException(where + ": channel '" + ch + "' mixes shape and counting processes ('"
                            + e.process() + "' has no shapes)");
                }
                Histogram1D h = histogram(sh, e.process(), ch, "", true);
                double[] v = inner(h.contents());
                double[] w2 = inner(h.sumw2());
                if (v.length != data.length) {
                    throw new DatacardException(where + ": histogram of '" + e.process() + "' in '" + ch + "' has "
                            + v.length + " bins, data_obs has " + data.length);
                }
                double integral = sum(v);
                double scale = e.rate() < 0 ? 1 : (integral != 0 ? e.rate() / integral : 0);
                if (e.rate() > 0 && integral == 0) {
                    throw new DatacardException(where + ": process '" + e.process() + "' in '" + ch + "' has rate "
                            + e.rate() + " but its histogram is empty");
                }
                double[] err = new double[v.length];
                for (int b = 0; b < v.length; b++) {
                    v[b] *= scale;
                    err[b] = Math.sqrt(Math.max(0, w2[b])) * Math.abs(scale);
                }
                nominal[k] = v;
                errors[k] = err;
            }
        }

        private void systematic(Datacard.Systematic s) {
            String type = s.type();
            boolean shapeType = type.equals("shape") || type.equals("shape?") || type.equals("shapeN");
            if (type.equals("shapeN")) {
                throw new DatacardException(where, s.line(), "shapeN (log-space morphing) of '" + s.name()
                        + "' is not supported; use shape");
            }
            int p;
            switch (type) {
                case "lnN" -> p = nuisance(s.name(), -COMBINE_LNN_RANGE, COMBINE_LNN_RANGE, 0);
                case "lnU" -> p = mb.parameter(s.name(), 0, -1, 1, false);
                case "gmN" -> p = gmnParameter(s);
                case "gmM" -> p = gmmParameter(s);
                default -> p = nuisance(s.name(), -COMBINE_SHAPE_RANGE, COMBINE_SHAPE_RANGE, 0);
            }
            for (int k = 0; k < s.values().length; k++) {
                double[] v = s.values()[k];
                if (v == null) {
                    continue;
                }
                Datacard.Entry e = dc.entries().get(k);
                int si = sampleOf[k];
                if (type.equals("gmN")) {
                    gmnEntry(s, k, v[0], si);
                } else if (type.equals("gmM")) {
                    mb.factor(si, p, FactorKind.LINEAR, 1, 0, 0);
                } else if (shapeType && isShape(s, e)) {
                    shapeEntry(s, k, v[0], si, p);
                } else if (shapeType && type.equals("shape")) {
                    throw new DatacardException(where, s.line(), "shape '" + s.name() + "' for '" + e.process()
                            + "' in counting channel '" + e.channel() + "': a shape needs templates (use shape? or lnN)");
                } else {
                    logNormal(si, p, v);
                }
            }
        }

        private boolean isShape(Datacard.Systematic s, Datacard.Entry e) {
            int c = channelIndex.get(e.channel());
            if (!shapeChannel[c]) {
                return false;
            }
            if (s.type().equals("shape")) {
                return true;
            }
            Datacard.Shapes sh = dc.shapesFor(e.channel(), e.process());
            return histogram(sh, e.process(), e.channel(), s.name() + "Up", false) != null;
        }

        private int nuisance(String name, double lo, double hi, double init) {
            int p = mb.parameterIndex(name);
            if (p >= 0) {
                return p;
            }
            p = mb.parameter(name, init, lo, hi, false);
            mb.constraint(p, ConstraintKind.GAUSSIAN, 0, 1, 0);
            nuisances.add(name);
            return p;
        }

        private void logNormal(int si, int p, double[] v) {
            if (v.length == 2) {
                mb.factor(si, p, FactorKind.COMBINE_ASYMMETRIC_LOG_NORMAL, 1, Math.log(v[0]), Math.log(v[1]));
            } else {
                mb.factor(si, p, FactorKind.LOG_NORMAL, 1, Math.log(v[0]), 0);
            }
        }

        /** Combine's gmN parameter range: where Poisson(N | n) &gt; 1e-12 (ModelTools.py, "new version"). */
        private int gmnParameter(Datacard.Systematic s) {
            int n = s.gmnN();
            double minExp = n > 0 ? n + 1 : 0;
            while (minExp > 0 && poisson(n, minExp) > 1e-12) {
                minExp *= 0.8;
            }
            double maxExp = n + 1;
            while (poisson(n, maxExp) > 1e-12) {
                maxExp *= 1.2;
            }
            int p = mb.parameter(s.name(), n, minExp, maxExp, false);
            mb.constraint(p, ConstraintKind.POISSON, n, 1, 0);
            nuisances.add(s.name());
            return p;
        }

        /**
         * Combine's gmM: one relative uncertainty v for the whole line, x in [max(0.01, 1 - 5v), 1 + 5v] starting
         * at 1, with RooGamma(x | k = 1/v^2, scale = v^2) (ModelTools.py).
         */
        private int gmmParameter(Datacard.Systematic s) {
            double v = 0;
            for (double[] x : s.values()) {
                if (x != null) {
                    if (v != 0 && x[0] != v) {
                        throw new DatacardException(where, s.line(), "gmM '" + s.name() + "' has two different"
                                + " uncertainties " + v + " and " + x[0] + "; gmM takes one value per line");
                    }
                    v = x[0];
                }
            }
            double theta = v * v;
            int p = mb.parameter(s.name(), 1, Math.max(0.01, 1 - 5 * v), 1 + 5 * v, false);
            mb.constraint(p, ConstraintKind.GAMMA, 1 / theta, theta, 0);
            nuisances.add(s.name());
            return p;
        }

        private void gmnEntry(Datacard.Systematic s, int k, double alpha, int si) {
            Datacard.Entry e = dc.entries().get(k);
            double rate = sum(nominal[k]);
            int n = s.gmnN();
            double expect = alpha * n;
            if (Math.abs(expect - rate) > Math.max(0.05 * Math.max(rate, 1), alpha)) {
                throw new DatacardException(where, s.line(), "gmN '" + s.name() + "': N = " + n + " times alpha = "
                        + alpha + " is " + expect + ", but the rate of '" + e.process() + "' in '" + e.channel()
                        + "' is " + rate);
            }
            double[] nom = nominal[k].clone();
            for (int b = 0; b < nom.length; b++) {
                nom[b] = rate > 0 ? nom[b] / rate * alpha : (nom.length == 1 ? alpha : alpha / nom.length);
            }
            mb.setSampleNominal(si, nom);
            mb.factor(si, mb.parameterIndex(s.name()), FactorKind.LINEAR, 1, 0, 0);
        }

        private void shapeEntry(Datacard.Systematic s, int k, double scale, int si, int p) {
            Datacard.Entry e = dc.entries().get(k);
            Datacard.Shapes sh = dc.shapesFor(e.channel(), e.process());
            double[] up = inner(histogram(sh, e.process(), e.channel(), s.name() + "Up", true).contents());
            double[] dn = inner(histogram(sh, e.process(), e.channel(), s.name() + "Down", true).contents());
            double[] nom = nominal[k];
            // Templates as read (before the rate scaling): ratios of integrals are scale-free.
            double sn = sum(nom);
            double su = sum(up);
            double sd = sum(dn);
            Histogram1D h = histogram(sh, e.process(), e.channel(), "", true);
            double rawNominal = sum(inner(h.contents()));
            if (up.length != nom.length || dn.length != nom.length) {
                throw new DatacardException(where, s.line(), "shape '" + s.name() + "' of '" + e.process() + "' in '"
                        + e.channel() + "': Up/Down have " + up.length + "/" + dn.length + " bins, nominal " + nom.length);
            }
            if (!(rawNominal > 0) || !(su > 0) || !(sd > 0)) {
                throw new DatacardException(where, s.line(), "shape '" + s.name() + "' of '" + e.process() + "' in '"
                        + e.channel() + "': nominal, Up and Down templates need positive integrals, found "
                        + rawNominal + ", " + su + ", " + sd);
            }
            double[] dUp = new double[nom.length];
            double[] dDn = new double[nom.length];
            for (int b = 0; b < nom.length; b++) {
                double f0 = nom[b] / sn;
                dUp[b] = up[b] / su - f0;
                dDn[b] = dn[b] / sd - f0;
            }
            mb.morph(si, p, scale, dUp, dDn);
            mb.factor(si, p, FactorKind.COMBINE_ASYMMETRIC_LOG_NORMAL, scale, Math.log(sd / rawNominal),
                    Math.log(su / rawNominal));
        }

        private void param(Datacard.Param prm) {
            int p = mb.parameterIndex(prm.name());
            ConstraintKind kind = prm.sigmaLow() == prm.sigmaHigh() ? ConstraintKind.GAUSSIAN
                    : ConstraintKind.BIFURCATED_GAUSSIAN;
            if (p < 0) {
                p = mb.parameter(prm.name(), prm.mean(), prm.min(), prm.max(), false);
                nuisances.add(prm.name());
            } else {
                mb.setParameter(p, Math.min(prm.max(), Math.max(prm.min(), prm.mean())), prm.min(), prm.max(), false);
                if (!nuisances.contains(prm.name())) {
                    nuisances.add(prm.name());
                }
            }
            mb.replaceConstraint(p, kind, prm.mean(), prm.sigmaLow(), prm.sigmaHigh());
        }

        private void autoMcStats(String ch, Datacard.AutoMcStats a) {
            int c = channelIndex.get(ch);
            if (!shapeChannel[c]) {
                throw new DatacardException(where, a.line(), "autoMCStats for counting channel '" + ch
                        + "': it needs histograms with bin errors");
            }
            List<Integer> ks = new ArrayList<>();
            for (int k = 0; k < dc.entries().size(); k++) {
                if (dc.entries().get(k).channel().equals(ch)) {
                    ks.add(k);
                }
            }
            int nb = mb.channelBins(c);
            double sigma7 = Normal.survival(7);
            for (int b = 0; b < nb; b++) {
                double subSum = 0;
                double subErr2 = 0;
                double tot2 = 0;
                for (int k : ks) {
                    double v = mb.sampleNominal(sampleOf[k])[b];
                    double e = errors[k][b];
                    tot2 += e * e;
                    if (a.includeSignal() || !dc.entries().get(k).signal()) {
                        subSum += v;
                        subErr2 += e * e;
                    }
                }
                if (subErr2 <= 0) {
                    continue;
                }
                double nEff = Math.floor(0.5 + subSum * subSum / subErr2);
                String base = "prop_bin" + ch + "_bin" + b;
                if (nEff <= a.threshold()) {
                    for (int k : ks) {
                        double v = mb.sampleNominal(sampleOf[k])[b];
                        double e = errors[k][b];
                        String proc = dc.entries().get(k).process();
                        if (e <= 0 || v < 0) {
                            continue;
                        }
                        if (v > 0 && v >= 0.999 * e) {
                            double np = Math.floor(0.5 + v * v / (e * e));
                            if (np <= a.threshold()) {
                                double lo = 0.5 * new ChiSquaredDistribution(2 * np).inverseCumulativeProbability(sigma7);
                                double hi = 0.5 * new ChiSquaredDistribution(2 * np + 2).inverseCumulativeProbability(1 - sigma7);
                                int p = mb.parameter(base + "_" + proc, np, lo, hi, false);
                                mb.constraint(p, ConstraintKind.POISSON, np, 1, 0);
                                mb.binFactor(sampleOf[k], b, p, 1 / np);
                                nuisances.add(base + "_" + proc);
                                continue;
                            }
                        }
                        int p = nuisance(base + "_" + proc, -COMBINE_BB_RANGE, COMBINE_BB_RANGE, 0);
                        mb.binShift(sampleOf[k], b, p, e);
                    }
                } else if (tot2 > 0) {
                    int p = nuisance(base, -COMBINE_BB_RANGE, COMBINE_BB_RANGE, 0);
                    int[] samples = new int[ks.size()];
                    double[] errs = new double[ks.size()];
                    for (int j = 0; j < ks.size(); j++) {
                        samples[j] = sampleOf[ks.get(j)];
                        errs[j] = errors[ks.get(j)][b];
                    }
                    mb.binTotalShift(c, b, p, samples, errs);
                }
            }
        }
    }

    private static double poisson(int n, double mean) {
        return Math.exp(n * Math.log(mean) - mean - Gamma.logGamma(n + 1.0));
    }

    private static double[] inner(double[] cells) {
        double[] v = new double[cells.length - 2];
        System.arraycopy(cells, 1, v, 0, v.length);
        return v;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
