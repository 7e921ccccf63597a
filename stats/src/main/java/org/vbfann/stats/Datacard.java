package org.vbfann.stats;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed CMS Combine text datacard (cms-analysis/HiggsAnalysis-CombinedLimit {@code python/DatacardParser.py}):
 * channels ("bins") with observations, one entry per (channel, process) with its rate, the systematics, the
 * {@code shapes} map and the extra lines (rateParam, param, group, autoMCStats).
 *
 * @param file         the card's path (shape files are relative to its folder)
 * @param channels     channel names in card order
 * @param observations observed count per channel (NaN where the card gives -1, i.e. "from the shape file")
 * @param entries      the (channel, process) columns of the rate block
 * @param systematics  the systematic lines in card order, null effects dropped
 * @param shapes       the shapes lines
 * @param rateParams   rateParam lines, expanded over their wildcards
 * @param params       param lines
 * @param groups       nuisance groups by name
 * @param autoMcStats  autoMCStats settings per channel
 */
public record Datacard(Path file, List<String> channels, Map<String, Double> observations, List<Entry> entries,
                       List<Systematic> systematics, List<Shapes> shapes, List<RateParam> rateParams,
                       List<Param> params, Map<String, List<String>> groups, Map<String, AutoMcStats> autoMcStats) {

    /** One column of the rate block. */
    public record Entry(String channel, String process, boolean signal, double rate) {
    }

    /**
     * A systematic line.
     *
     * @param name   the nuisance name (a leading digit gets Combine's "theta" prefix)
     * @param type   lnN, lnU, gmN, shape, shape?, shapeN, ...
     * @param gmnN   the N of a gmN line (else 0)
     * @param values one per entry: null for no effect, else {value} or {down, up} for asymmetric lnN
     * @param line   the line number in the card
     */
    public record Systematic(String name, String type, int gmnN, double[][] values, int line) {
    }

    /** A {@code shapes process channel file histogram [systematicHistogram]} line. */
    public record Shapes(String process, String channel, String file, String histogram, String systematicHistogram,
                         int line) {
        /** Whether this is {@code FAKE} (a counting channel). */
        public boolean fake() {
            return file.equals("FAKE");
        }
    }

    /** A rateParam for one (channel, process), with its initial value and optional range. */
    public record RateParam(String name, String channel, String process, double init, double min, double max,
                            int line) {
    }

    /** A {@code param} line: Gaussian (or bifurcated Gaussian) constraint with optional range. */
    public record Param(String name, double mean, double sigmaLow, double sigmaHigh, double min, double max,
                        int line) {
    }

    /** autoMCStats settings: the Poisson threshold, whether signal counts in the effective-event number. */
    public record AutoMcStats(double threshold, boolean includeSignal, int line) {
    }

    /** The shapes line that applies to (channel, process), Combine's precedence, or null for none. */
    public Shapes shapesFor(String channel, String process) {
        Shapes best = null;
        int bestRank = -1;
        for (Shapes s : shapes) {
            boolean ch = s.channel().equals(channel) || s.channel().equals("*");
            boolean pr = s.process().equals(process) || s.process().equals("*");
            if (!ch || !pr) {
                continue;
            }
            int rank = (s.channel().equals(channel) ? 2 : 0) + (s.process().equals(process) ? 1 : 0);
            if (rank > bestRank) {
                best = s;
                bestRank = rank;
            }
        }
        return best;
    }
}
