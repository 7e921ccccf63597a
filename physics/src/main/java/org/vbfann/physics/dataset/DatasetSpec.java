package org.vbfann.physics.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.vbfann.core.NameSuggestions;

/**
 * What {@link DatasetBuilder} makes: the guide's FormatROOTs options with clearer names.
 *
 * @param keys       process key of each tag (repeated keys allowed)
 * @param tags       file-name substrings, one per key (see {@link FileAssignment})
 * @param signal     the keys labelled signal; all others are background
 * @param selection  the event selection, an expression (e.g. {@code f_Nbjets <= 1 && f_mass4l >= 118})
 * @param njetsMin   keep events with {@code f_njets_pass >= njetsMin} (the guide's {@code --njets}), or with
 *                   {@code == njetsMin} if {@code njetsExact}; 0 keeps all
 * @param njetsExact whether the jet multiplicity must equal {@code njetsMin} (the thesis' "exactly two jets")
 * @param features   the inputs: branch names, array elements {@code f_jets_highpt_pt[0]}, derived names
 *                   ({@code mjj}, {@code detajj}, ...) or any expression
 * @param split      train, validation and test fractions, each applied per process; they sum to 1
 * @param seed       seed of the shuffle that mixes processes and final states
 * @param tree       the tree read from every file
 * @param weight     the per-event weight, an expression (normally the branch {@code f_weight})
 * @param maxEventsPerKey at most this many selected events of each key are kept (the guide's {@code --nevents});
 *                   {@link #ALL_EVENTS} keeps all
 * @param zplusX     the key filled with Z+X control-region events, or {@code null} for none
 */
public record DatasetSpec(List<String> keys, List<String> tags, List<String> signal, String selection, int njetsMin,
        boolean njetsExact, List<String> features, double[] split, long seed, String tree, String weight,
        long maxEventsPerKey, ZplusXTraining zplusX) {
    /** The reduced ntuple's tree (spec §1.1). */
    public static final String DEFAULT_TREE = "HZZ4LeptonsAnalysisReduced";
    /** The per-event expected-yield weight of the reduced ntuple (spec §1.1). */
    public static final String DEFAULT_WEIGHT = "f_weight";
    /** The branch counting selected jets (a float in the reduced tree, spec §1.1). */
    public static final String NJETS_BRANCH = "f_njets_pass";
    /** Default train, validation and test fractions. */
    public static final double[] DEFAULT_SPLIT = {0.6, 0.2, 0.2};
    /** {@link #maxEventsPerKey} for no limit. */
    public static final long ALL_EVENTS = Long.MAX_VALUE;
    /** Names of the splits, the trees of the dataset file. */
    public static final List<String> SPLITS = List.of("train", "validation", "test");

    /**
     * Checks the settings.
     *
     * @throws DatasetException naming the setting that is wrong (a signal key that is no key is listed with the
     *                          closest keys)
     */
    public DatasetSpec {
        keys = List.copyOf(keys);
        tags = List.copyOf(tags);
        signal = List.copyOf(signal);
        features = List.copyOf(features);
        split = split.clone();
        if (signal.isEmpty()) {
            throw new DatasetException("no signal key; name the signal process(es) among the keys " + distinct(keys));
        }
        for (String s : signal) {
            if (!keys.contains(s)) {
                throw new DatasetException("signal key '" + s + "' is not one of the keys " + distinct(keys)
                        + NameSuggestions.didYouMean(s, distinct(keys)));
            }
        }
        if (distinct(keys).size() == new LinkedHashSet<>(signal).size()) {
            throw new DatasetException("every key " + distinct(keys) + " is signal; at least one must be background");
        }
        if (features.isEmpty()) {
            throw new DatasetException("no features; list the network inputs");
        }
        if (new LinkedHashSet<>(features).size() != features.size()) {
            throw new DatasetException("features " + features + " list a name twice");
        }
        if (maxEventsPerKey < 1) {
            throw new DatasetException("the maximum number of events per key must be >= 1, got " + maxEventsPerKey);
        }
        if (zplusX != null && !keys.contains(zplusX.key())) {
            throw new DatasetException("Z+X key '" + zplusX.key() + "' is not one of the keys " + distinct(keys)
                    + NameSuggestions.didYouMean(zplusX.key(), distinct(keys)));
        }
        if (zplusX != null && signal.contains(zplusX.key())) {
            throw new DatasetException("Z+X key '" + zplusX.key() + "' is a signal key; Z+X is a background");
        }
        if (njetsMin < 0) {
            throw new DatasetException("njets minimum must be >= 0, got " + njetsMin);
        }
        if (split.length != 3) {
            throw new DatasetException("split needs 3 fractions (train, validation, test), got " + Arrays.toString(split));
        }
        double sum = 0;
        for (double f : split) {
            if (!(f >= 0 && f <= 1)) {
                throw new DatasetException("split fractions must be in [0, 1], got " + Arrays.toString(split));
            }
            sum += f;
        }
        if (Math.abs(sum - 1) > 1e-9 || split[0] == 0) {
            throw new DatasetException("split fractions " + Arrays.toString(split)
                    + " must sum to 1 with a non-zero training fraction");
        }
    }

    /** The keys without repetitions, in order. */
    public List<String> distinctKeys() {
        return distinct(keys);
    }

    private static List<String> distinct(List<String> keys) {
        return new ArrayList<>(new LinkedHashSet<>(keys));
    }

    /** The jet-multiplicity cut as an expression, or null for none. */
    String njetsCut() {
        if (njetsMin == 0 && !njetsExact) {
            return null;
        }
        return NJETS_BRANCH + (njetsExact ? " == " : " >= ") + njetsMin;
    }

    @Override
    public double[] split() {
        return split.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetSpec d && keys.equals(d.keys) && tags.equals(d.tags) && signal.equals(d.signal)
                && selection.equals(d.selection) && njetsMin == d.njetsMin && njetsExact == d.njetsExact
                && features.equals(d.features) && Arrays.equals(split, d.split) && seed == d.seed
                && tree.equals(d.tree) && weight.equals(d.weight) && maxEventsPerKey == d.maxEventsPerKey
                && Objects.equals(zplusX, d.zplusX);
    }

    @Override
    public int hashCode() {
        return 31 * features.hashCode() + selection.hashCode() + Arrays.hashCode(split) + Long.hashCode(seed);
    }
}
