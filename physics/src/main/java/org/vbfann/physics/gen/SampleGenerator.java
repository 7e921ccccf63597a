package org.vbfann.physics.gen;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.vbfann.physics.PhysicsException;

/** Generates the reduced-tree events of one MC sample and sets their weights (spec §1.1 {@code f_weight}). */
final class SampleGenerator {
    /** Give up when fewer than one candidate in this many passes (a model or settings error). */
    private static final long MAX_TRIES_PER_EVENT = 100_000;

    private SampleGenerator() {
    }

    static GeneratedSample generate(SampleSpec spec, GeneratorSettings settings) {
        SplittableRandom r = Sampling.stream(settings.seed(), spec.stream());
        EventFactory f = EventFactory.forProcess(spec.process(), spec.finalState(), EventFactory.Region.SIGNAL, r);
        int n = spec.events();
        TreeBuffer buf = new TreeBuffer(NtupleSchema.reducedTree(), n);
        buf.fillSentinel();
        ReducedTreeFiller filler = new ReducedTreeFiller(buf, false);
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            counts.put(c, 0);
        }
        long tried = 0;
        for (int i = 0; i < n; ) {
            tried++;
            if (tried > MAX_TRIES_PER_EVENT * (i + 1)) {
                throw new PhysicsException("sample " + spec.datasetName() + " (" + spec.finalState().label()
                        + "): " + tried + " candidates gave " + i + " selected events; the selection accepts almost nothing");
            }
            if (!f.generate()) {
                continue;
            }
            filler.fill(i, f, r, 1, 1 + i / 1000, i + 1);
            for (Category c : Category.values()) {
                if (c.contains(f.nJets, f.nBjets, f.mass4l)) {
                    counts.merge(c, 1, Integer::sum);
                }
            }
            i++;
        }
        Process p = spec.process();
        double base = p.sigmaBrFb(spec.finalState()) * spec.dataset().share() * settings.lumiInvFb()
                * Calibration.factor(p) / tried;
        setWeights(buf, n, base, p.negativeWeightFraction(), r);
        Map<Category, Double> expected = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            expected.put(c, base * counts.get(c));
        }
        return new GeneratedSample(spec, buf.toTable(n), tried, base * n, expected, counts);
    }

    /**
     * f_weight = base × pile-up weight × lepton scale factors × sign/(1 − 2q): the pile-up weight is
     * Gamma(40, 1/40) (mean 1, spread 16 %), each lepton's scale factor 1 + N(0, 1 %), and a fraction q of
     * events carries weight −1 (normalised so that the expected yield is unchanged). f_outlier flags a
     * pile-up weight above 1.6.
     */
    static void setWeights(TreeBuffer buf, int n, double base, double negativeFraction, SplittableRandom r) {
        float[] w = buf.floats("f_weight");
        float[] intW = buf.floats("f_int_weight");
        float[] pu = buf.floats("f_pu_weight");
        float[] eff = buf.floats("f_eff_weight");
        byte[] outlier = buf.bytes("f_outlier");
        double norm = 1.0 / (1.0 - 2.0 * negativeFraction);
        for (int i = 0; i < n; i++) {
            double puw = Sampling.gamma(r, 40.0, 1.0 / 40.0);
            double sf = 1.0;
            for (int l = 0; l < 4; l++) {
                sf *= 1.0 + 0.01 * r.nextGaussian();
            }
            double sign = r.nextDouble() < negativeFraction ? -1.0 : 1.0;
            intW[i] = (float) (base * sign * norm);
            pu[i] = (float) puw;
            eff[i] = (float) sf;
            w[i] = (float) (base * sign * norm * puw * sf);
            outlier[i] = (byte) (puw > 1.6 ? 1 : 0);
        }
    }

    /** Pseudo-data weights: f_weight, f_int_weight, f_pu_weight, f_eff_weight all 1 (spec §1.1), no outliers. */
    static void setDataWeights(TreeBuffer buf, int n) {
        java.util.Arrays.fill(buf.floats("f_weight"), 0, n, 1f);
        java.util.Arrays.fill(buf.floats("f_int_weight"), 0, n, 1f);
        java.util.Arrays.fill(buf.floats("f_pu_weight"), 0, n, 1f);
        java.util.Arrays.fill(buf.floats("f_eff_weight"), 0, n, 1f);
    }
}
