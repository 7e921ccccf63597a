package org.vbfann.physics.dataset;

import java.util.List;

/**
 * A built dataset: the events of each split with their features, weights, processes and the reference
 * discriminants, plus the per-process yields before and after the selection. Written and read by
 * {@link DatasetFiles}.
 *
 * @param spec       what was built
 * @param features   the inputs, in column order
 * @param processes  one summary per distinct key, in key order; a split's process ids index this list
 * @param references the reference discriminants stored beside the features (a subset of
 *                   {@link #REFERENCES}, those every input file has)
 * @param splits     train, validation and test, in {@link DatasetSpec#SPLITS} order
 */
public record Dataset(DatasetSpec spec, List<Feature> features, List<ProcessSummary> processes,
        List<String> references, List<Split> splits) {
    /**
     * The discriminants a network is compared with: MELA's D^MELA_qqH,2j and the Fisher D_jet (spec §1.1, §2.2
     * item 4).
     */
    public static final List<String> REFERENCES = List.of("f_Djet_VAJHU", "f_D_jet");

    /** Copies the lists. */
    public Dataset {
        features = List.copyOf(features);
        processes = List.copyOf(processes);
        references = List.copyOf(references);
        splits = List.copyOf(splits);
    }

    /**
     * One input.
     *
     * @param name   the feature as written (the expression text), the name networks know it by
     * @param column the branch of the dataset trees holding it
     */
    public record Feature(String name, String column) {
    }

    /**
     * Events and sums of weights of one process.
     *
     * @param key            the process key
     * @param signal         whether it is signal
     * @param files          number of input files
     * @param eventsBefore   entries read
     * @param sumWBefore     their sum of weights
     * @param eventsAfter    entries passing the selection and jet category
     * @param sumWAfter      their sum of weights: the process's expected yield
     * @param splitEvents    events per split
     * @param splitSumW      sum of weights per split
     */
    public record ProcessSummary(String key, boolean signal, int files, long eventsBefore, double sumWBefore,
            long eventsAfter, double sumWAfter, long[] splitEvents, double[] splitSumW) {
    }

    /**
     * The events of one split, row-major features and one value per event in the other arrays. The arrays are
     * shared, not copied.
     *
     * @param name       train, validation or test
     * @param rows       number of events
     * @param x          features, {@code rows × features} row-major
     * @param weight     per-event weight (signed)
     * @param process    index into {@link Dataset#processes()}
     * @param finalState index into {@link FileAssignment#FINAL_STATES}, −1 if the file named none
     * @param reference  values of each {@link Dataset#references()} discriminant, one array per reference
     */
    public record Split(String name, int rows, float[] x, double[] weight, int[] process, int[] finalState,
            double[][] reference) {
    }

    /** The split of this name. */
    public Split split(String name) {
        for (Split s : splits) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new DatasetException("dataset has no split '" + name + "'; splits are " + DatasetSpec.SPLITS);
    }

    /** The feature names in column order. */
    public List<String> featureNames() {
        return features.stream().map(Feature::name).toList();
    }

    /** The per-process table as text: events and sums of weights before and after selection, and per split. */
    public String yieldTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "%-12s %-6s %10s %12s %10s %12s %9s %9s %9s%n", "process",
                "type", "events", "sum w", "selected", "sum w sel", "train", "valid", "test"));
        long[] tot = new long[5];
        double[] totW = new double[2];
        for (ProcessSummary p : processes) {
            sb.append(String.format(java.util.Locale.ROOT, "%-12s %-6s %10d %12.5g %10d %12.5g %9d %9d %9d%n", p.key(),
                    p.signal() ? "signal" : "bkg", p.eventsBefore(), p.sumWBefore(), p.eventsAfter(), p.sumWAfter(),
                    p.splitEvents()[0], p.splitEvents()[1], p.splitEvents()[2]));
            tot[0] += p.eventsBefore();
            tot[1] += p.eventsAfter();
            for (int s = 0; s < 3; s++) {
                tot[2 + s] += p.splitEvents()[s];
            }
            totW[0] += p.sumWBefore();
            totW[1] += p.sumWAfter();
        }
        sb.append(String.format(java.util.Locale.ROOT, "%-12s %-6s %10d %12.5g %10d %12.5g %9d %9d %9d%n", "total", "",
                tot[0], totW[0], tot[1], totW[1], tot[2], tot[3], tot[4]));
        return sb.toString();
    }
}
