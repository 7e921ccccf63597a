package org.vbfann.ml.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vbfann.ml.MlException;

/**
 * Orders finished configurations by a figure of merit on the test split, like the guide's checkTrainings: drop
 * those whose training AUC exceeds the test AUC by more than a limit (the overtraining filter, 0.01 for the 2-jet
 * and 0.02 for the 3-jet category in the guide, spec §2.3), then sort by the metric, best first.
 */
public final class Ranking {
    /** The figures of merit a scan can be ranked by. */
    public enum Metric {
        /** Best signal efficiency × purity over score cuts. */
        EPS_PURITY("eps-purity"),
        /** Asimov significance at the best ε·π cut, from expected yields. */
        SIGNIFICANCE("significance"),
        /** Weighted ROC AUC. */
        AUC("auc");

        private final String id;

        Metric(String id) {
            this.id = id;
        }

        /** The name used on the command line. */
        public String id() {
            return id;
        }

        /** The metric of this command-line name. */
        public static Metric fromId(String id) {
            for (Metric m : values()) {
                if (m.id.equals(id.toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
            throw new MlException("unknown ranking metric '" + id + "'; use eps-purity, significance or auc");
        }
    }

    /**
     * One configuration's figures.
     *
     * @param id        configuration id
     * @param value     the ranking metric of the network
     * @param reference the same metric of the reference discriminant (MELA), NaN if none
     * @param aucGap    training AUC minus test AUC
     */
    public record Entry(String id, double value, double reference, double aucGap) {
        /** The network's advantage over the reference. */
        public double advantage() {
            return value - reference;
        }
    }

    private Ranking() {
    }

    /**
     * The entries whose AUC gap is at most {@code maxAucGap}, best first (ties by id), at most {@code top}.
     *
     * @param top the number kept, 0 for all
     */
    public static List<Entry> rank(List<Entry> entries, double maxAucGap, int top) {
        List<Entry> kept = new ArrayList<>();
        for (Entry e : entries) {
            if (e.aucGap() <= maxAucGap && !Double.isNaN(e.value())) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparingDouble(Entry::value).reversed().thenComparing(Entry::id));
        return top > 0 && kept.size() > top ? new ArrayList<>(kept.subList(0, top)) : kept;
    }
}
