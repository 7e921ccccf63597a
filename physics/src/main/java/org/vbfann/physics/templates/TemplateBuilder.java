package org.vbfann.physics.templates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vbfann.core.Axis;
import org.vbfann.core.EventTable;
import org.vbfann.core.Histogram1D;
import org.vbfann.physics.PhysicsException;
import org.vbfann.physics.expr.Expression;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.TreeReader;

/**
 * Fills the shape templates of a binned analysis: one histogram of a discriminant (the network score branch
 * written by {@code nn apply}, or any expression) per channel and process, weighted per event, the checkUnc1Sigma
 * and genCombineInputs steps of the original workflow (spec §4.1, §4.3).
 *
 * <p>Conventions: values below the axis go to the first bin and values above it to the last (a score of exactly
 * 1 would otherwise fall into ROOT's overflow and be lost by Combine, which reads only the bins); a NaN value or
 * weight is an error naming the file. A shape variation replaces the discriminant by another expression (e.g.
 * {@code f_Djet_VAJHU_UncUp} for {@code f_Djet_VAJHU}, or a score branch computed on shifted inputs) and fills
 * {@code <process>_<name>Up} and {@code <process>_<name>Down} for the processes it applies to. A (channel,
 * process) given a target yield with {@link #normalize} is scaled to it after filling: this is how the Z+X
 * background gets its data-driven yield with the shape of its control-region events.
 */
public final class TemplateBuilder {
    /** Entries read and evaluated at a time: bounds memory for any tree size. */
    static final int CHUNK_ENTRIES = 100_000;

    /**
     * One input tree.
     *
     * @param process the process (Combine's name; {@code data_obs} for data)
     * @param channel the channel, e.g. {@code ch4mu}
     * @param file    the ROOT file
     * @param tree    the tree in it
     * @param cut     an extra selection for this sample only (ANDed with the common one), or null
     * @param weight  the per-event weight of this sample, or null for the builder's
     */
    public record Sample(String process, String channel, Path file, String tree, String cut, String weight) {
    }

    /** A shape systematic: the discriminant expressions of its +1σ and −1σ variations, applied to {@code processes}. */
    public record Variation(String name, String up, String down, Set<String> processes) {
    }

    /** The filled templates: per channel, histogram name ({@code process} or {@code process_systUp}) to histogram. */
    public record Templates(Axis axis, Map<String, Map<String, Histogram1D>> channels) {
        /** The histogram of a channel, or null. */
        public Histogram1D get(String channel, String name) {
            Map<String, Histogram1D> m = channels.get(channel);
            return m == null ? null : m.get(name);
        }
    }

    /** Progress of {@link #build}: called after each sample. */
    public interface Listener {
        /** No reports. */
        Listener NONE = (done, total, sample, entries, selected) -> { };

        /** Sample {@code done} of {@code total} was read: its entries and how many passed the selection. */
        void sampleDone(int done, int total, Sample sample, long entries, long selected);
    }

    private final Expression observable;
    private final Expression selection;
    private final String weight;
    private final Axis axis;
    private final List<Variation> variations = new ArrayList<>();
    private final Map<String, Double> targets = new LinkedHashMap<>();

    /**
     * A builder of histograms of {@code observable} for events passing {@code selection} (null or blank for
     * all), weighted by {@code weight}, on {@code axis}.
     */
    public TemplateBuilder(String observable, String selection, String weight, Axis axis) {
        this.observable = Expression.parse(observable);
        this.selection = selection == null || selection.isBlank() ? null : Expression.parse(selection);
        this.weight = weight;
        this.axis = axis;
    }

    /** Adds a shape systematic. */
    public TemplateBuilder variation(Variation v) {
        variations.add(v);
        return this;
    }

    /** Scales the template of (channel, process), and its variations, to {@code yield} after filling. */
    public TemplateBuilder normalize(String channel, String process, double yield) {
        if (!(yield >= 0) || Double.isInfinite(yield)) {
            throw new PhysicsException("templates: target yield of " + process + " in " + channel + " is " + yield
                    + "; expected a finite number >= 0");
        }
        targets.put(channel + "/" + process, yield);
        return this;
    }

    /**
     * Reads every sample and fills the templates; several samples of one (channel, process) are summed.
     *
     * @throws PhysicsException for a missing tree or branch, a NaN value or weight, or a normalised template that
     *                          has no events to take its shape from
     */
    public Templates build(List<Sample> samples, Listener listener) {
        Map<String, Map<String, Histogram1D>> out = new LinkedHashMap<>();
        int done = 0;
        for (Sample s : samples) {
            Map<String, Histogram1D> ch = out.computeIfAbsent(s.channel(), k -> new LinkedHashMap<>());
            List<Expression> values = new ArrayList<>();
            List<String> names = new ArrayList<>();
            values.add(observable);
            names.add(s.process());
            for (Variation v : variations) {
                if (v.processes().contains(s.process())) {
                    values.add(Expression.parse(v.up()));
                    names.add(s.process() + "_" + v.name() + "Up");
                    values.add(Expression.parse(v.down()));
                    names.add(s.process() + "_" + v.name() + "Down");
                }
            }
            List<Histogram1D> hists = new ArrayList<>();
            for (String n : names) {
                hists.add(ch.computeIfAbsent(n, k -> new Histogram1D(k, k, axis)));
            }
            long[] counts = fill(s, values, hists);
            listener.sampleDone(++done, samples.size(), s, counts[0], counts[1]);
        }
        for (Map.Entry<String, Double> t : targets.entrySet()) {
            int slash = t.getKey().indexOf('/');
            String channel = t.getKey().substring(0, slash);
            String process = t.getKey().substring(slash + 1);
            Map<String, Histogram1D> ch = out.get(channel);
            Histogram1D nominal = ch == null ? null : ch.get(process);
            if (nominal == null || nominal.integral() <= 0) {
                throw new PhysicsException("templates: " + process + " in " + channel + " should be scaled to "
                        + t.getValue() + " but has no selected events to take its shape from; check its files and cut");
            }
            double f = t.getValue() / nominal.integral();
            for (Histogram1D h : ch.values()) {
                if (h.name().equals(process) || h.name().startsWith(process + "_")) {
                    h.scale(f);
                }
            }
        }
        return new Templates(axis, out);
    }

    private long[] fill(Sample s, List<Expression> values, List<Histogram1D> hists) {
        Expression cut = s.cut() == null || s.cut().isBlank() ? null : Expression.parse(s.cut());
        Expression w = Expression.parse(s.weight() != null ? s.weight() : weight);
        Set<String> branches = new LinkedHashSet<>();
        for (Expression e : values) {
            branches.addAll(e.branches());
        }
        branches.addAll(w.branches());
        if (selection != null) {
            branches.addAll(selection.branches());
        }
        if (cut != null) {
            branches.addAll(cut.branches());
        }
        long entries = 0;
        long selected = 0;
        try (RootFile f = RootFile.open(s.file())) {
            TreeReader t = f.tree(s.tree());
            for (EventTable chunk : t.chunks(new ArrayList<>(branches), CHUNK_ENTRIES)) {
                int n = chunk.entries();
                boolean[] pass = selection == null ? null : selection.select(chunk);
                boolean[] passCut = cut == null ? null : cut.select(chunk);
                double[] wv = w.evaluate(chunk);
                double[] x = new double[n];
                for (int k = 0; k < values.size(); k++) {
                    values.get(k).evaluate(chunk, x);
                    Histogram1D h = hists.get(k);
                    for (int i = 0; i < n; i++) {
                        if ((pass != null && !pass[i]) || (passCut != null && !passCut[i])) {
                            continue;
                        }
                        if (Double.isNaN(x[i]) || Double.isNaN(wv[i])) {
                            throw new PhysicsException(s.file() + ": " + s.tree() + " entry " + (entries + i) + ": "
                                    + (Double.isNaN(x[i]) ? "'" + values.get(k).text() + "'" : "weight '" + w.text() + "'")
                                    + " is NaN; select only events where it is defined");
                        }
                        h.fill(clamp(x[i]), wv[i]);
                        if (k == 0) {
                            selected++;
                        }
                    }
                }
                entries += n;
            }
        }
        return new long[] {entries, selected};
    }

    /** The value moved into the first or last bin when it lies outside the axis (see the class comment). */
    private double clamp(double v) {
        if (v < axis.min()) {
            return axis.center(1);
        }
        if (v >= axis.max()) {
            return axis.center(axis.bins());
        }
        return v;
    }
}
