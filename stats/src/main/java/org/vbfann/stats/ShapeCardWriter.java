package org.vbfann.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vbfann.core.Histogram1D;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.WriteOptions;

/**
 * Writes a shape datacard and its shapes ROOT file from templates, in the layout of ARCHITECTURE.md
 * ({@code <channel>/data_obs}, {@code <channel>/<process>}, {@code <channel>/<process>_<syst>Up/Down}, TH1D) with
 * one line {@code shapes * * FILE $CHANNEL/$PROCESS $CHANNEL/$PROCESS_$SYSTEMATIC}; rates are the template
 * integrals. Both files are written atomically.
 */
public final class ShapeCardWriter {
    /**
     * A process of a channel.
     *
     * @param name     the process name
     * @param signal   whether it is signal (id &le; 0)
     * @param nominal  its template
     * @param shapes   shape systematics by name: {up, down} templates
     * @param logNormals lnN systematics by name: {kappa} or {kDown, kUp}
     */
    public record Process(String name, boolean signal, Histogram1D nominal, Map<String, Histogram1D[]> shapes,
                          Map<String, double[]> logNormals) {
    }

    /** A channel: its data and processes. */
    public record Channel(String name, Histogram1D data, List<Process> processes) {
    }

    private ShapeCardWriter() {
    }

    /**
     * Writes {@code card} and {@code shapesFile} (same folder recommended: the card names the file relative to
     * itself); {@code autoMcStatsThreshold} &ge; 0 adds {@code * autoMCStats threshold}.
     */
    public static void write(Path card, Path shapesFile, List<Channel> channels, double autoMcStatsThreshold) {
        try (RootFileWriter w = RootFileWriter.create(shapesFile, WriteOptions.defaults())) {
            for (Channel c : channels) {
                w.put(c.name() + "/data_obs", c.data());
                for (Process p : c.processes()) {
                    w.put(c.name() + "/" + p.name(), p.nominal());
                    for (Map.Entry<String, Histogram1D[]> s : p.shapes().entrySet()) {
                        w.put(c.name() + "/" + p.name() + "_" + s.getKey() + "Up", s.getValue()[0]);
                        w.put(c.name() + "/" + p.name() + "_" + s.getKey() + "Down", s.getValue()[1]);
                    }
                }
            }
        }
        List<String> names = new ArrayList<>();
        Map<String, Double> obs = new LinkedHashMap<>();
        List<Datacard.Entry> entries = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (Channel c : channels) {
            names.add(c.name());
            obs.put(c.name(), c.data().integral());
            for (Process p : c.processes()) {
                entries.add(new Datacard.Entry(c.name(), p.name(), p.signal(), p.nominal().integral()));
                p.logNormals().keySet().forEach(n -> types.putIfAbsent(n, "lnN"));
                p.shapes().keySet().forEach(n -> types.putIfAbsent(n, "shape"));
            }
        }
        List<Datacard.Systematic> systs = new ArrayList<>();
        for (Map.Entry<String, String> t : types.entrySet()) {
            double[][] v = new double[entries.size()][];
            int k = 0;
            for (Channel c : channels) {
                for (Process p : c.processes()) {
                    v[k++] = t.getValue().equals("lnN") ? p.logNormals().get(t.getKey())
                            : p.shapes().containsKey(t.getKey()) ? new double[]{1} : null;
                }
            }
            systs.add(new Datacard.Systematic(t.getKey(), t.getValue(), 0, v, 0));
        }
        Path dir = card.toAbsolutePath().getParent();
        String file = dir.relativize(shapesFile.toAbsolutePath()).toString();
        List<Datacard.Shapes> shapes = List.of(new Datacard.Shapes("*", "*", file, "$CHANNEL/$PROCESS",
                "$CHANNEL/$PROCESS_$SYSTEMATIC", 0));
        Map<String, Datacard.AutoMcStats> auto = new LinkedHashMap<>();
        if (autoMcStatsThreshold >= 0) {
            for (String n : names) {
                auto.put(n, new Datacard.AutoMcStats(autoMcStatsThreshold, false, 0));
            }
        }
        DatacardWriter.write(new Datacard(card, names, obs, entries, systs, shapes, List.of(), List.of(),
                Map.of(), auto), card);
    }
}
