package org.vbfann.ml.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vbfann.ml.Activation;
import org.vbfann.ml.MlException;
import org.vbfann.ml.TrainingConfig;
import org.vbfann.ml.Weighting;

/**
 * The grid of a hyper-parameter scan: input sets × hidden layers × batch sizes × patience × weighting ×
 * activations × learning rates (the loops of the guide's submit_jobs.sh), every other setting taken from a base
 * configuration. Points come out in that nesting order, the last axis fastest. An axis left empty keeps the
 * base configuration's value.
 */
public final class ScanGrid {
    private final Map<String, List<String>> inputSets = new LinkedHashMap<>();
    private final List<int[]> layers = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final List<Integer> patience = new ArrayList<>();
    private final List<Weighting> weightings = new ArrayList<>();
    private final List<Activation> activations = new ArrayList<>();
    private final List<Double> learningRates = new ArrayList<>();
    private final TrainingConfig base;

    /** A grid around {@code base}. */
    public ScanGrid(TrainingConfig base) {
        this.base = base;
    }

    /** Adds an input set. */
    public ScanGrid inputSet(String name, List<String> inputs) {
        if (inputs.isEmpty()) {
            throw new MlException("scan: input set '" + name + "' is empty");
        }
        if (inputSets.putIfAbsent(name, List.copyOf(inputs)) != null) {
            throw new MlException("scan: input set '" + name + "' is given twice");
        }
        return this;
    }

    /** Adds a hidden-layer layout. */
    public ScanGrid layers(int... units) {
        layers.add(units.clone());
        return this;
    }

    /** Adds batch sizes. */
    public ScanGrid batchSizes(List<Integer> v) {
        batchSizes.addAll(v);
        return this;
    }

    /** Adds patience values. */
    public ScanGrid patience(List<Integer> v) {
        patience.addAll(v);
        return this;
    }

    /** Adds weighting modes. */
    public ScanGrid weightings(List<Weighting> v) {
        weightings.addAll(v);
        return this;
    }

    /** Adds activations. */
    public ScanGrid activations(List<Activation> v) {
        activations.addAll(v);
        return this;
    }

    /** Adds learning rates. */
    public ScanGrid learningRates(List<Double> v) {
        learningRates.addAll(v);
        return this;
    }

    /**
     * Every point of the grid. Settings that are invalid in themselves (a zero batch size, say) are reported here,
     * before anything runs; a configuration that fails while training is the runner's business.
     *
     * @param allInputs the inputs used when no input set was added
     * @throws MlException if a grid value cannot train (naming it), or two points are the same configuration
     */
    public List<ScanPoint> points(List<String> allInputs) {
        Map<String, List<String>> sets = inputSets.isEmpty() ? Map.of("all", List.copyOf(allInputs)) : inputSets;
        List<int[]> ls = layers.isEmpty() ? List.<int[]>of(base.hiddenLayers()) : layers;
        List<Integer> bs = batchSizes.isEmpty() ? List.of(base.batchSize()) : batchSizes;
        List<Integer> ps = patience.isEmpty() ? List.of(base.patience()) : patience;
        List<Weighting> ws = weightings.isEmpty() ? List.of(base.weighting()) : weightings;
        List<Activation> as = activations.isEmpty() ? List.of(base.activation()) : activations;
        List<Double> lrs = learningRates.isEmpty() ? List.of(base.learningRate()) : learningRates;
        List<ScanPoint> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> set : sets.entrySet()) {
            for (int[] l : ls) {
                for (int b : bs) {
                    for (int p : ps) {
                        for (Weighting w : ws) {
                            for (Activation a : as) {
                                for (double lr : lrs) {
                                    TrainingConfig c = build(base.toBuilder().hiddenLayers(l).batchSize(b).patience(p)
                                            .weighting(w).activation(a).learningRate(lr));
                                    ScanPoint pt = new ScanPoint(set.getKey(), set.getValue(), c);
                                    if (!ids.add(pt.id())) {
                                        throw new MlException("scan: configuration " + pt.describe()
                                                + " appears twice in the grid; remove the repeated value");
                                    }
                                    out.add(pt);
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static TrainingConfig build(TrainingConfig.Builder b) {
        try {
            return b.build();
        } catch (MlException e) {
            throw new MlException("scan grid: " + e.getMessage(), e);
        }
    }
}
