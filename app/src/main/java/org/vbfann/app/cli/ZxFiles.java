package org.vbfann.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vbfann.core.Axis;
import org.vbfann.core.EventTable;
import org.vbfann.core.Histogram2D;
import org.vbfann.physics.expr.Expression;
import org.vbfann.physics.zx.FakeRateMap;
import org.vbfann.physics.zx.ZplusXInputs;
import org.vbfann.physics.zx.ZplusXYield;
import org.vbfann.physics.zx.ZxFinalState;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.WriteOptions;

/**
 * The Z+X steps shared by {@code vbfann zx} and {@code vbfann demo}: reading the Z+X trees of spec §1.4,
 * measuring fake rates, filling the control-region yields, and the {@code fakerates.root} file.
 *
 * <p>{@code fakerates.root} holds per flavour the rate map under the guide's name ({@code ElectronPtEtaMapFR},
 * {@code MuonPtEtaMapFR}: rate and binomial error per bin) and {@code <name>_denominator}, the prompt-subtracted
 * loose count per bin, so that a map read back is the measured one (the rate alone cannot tell an empty bin
 * from a zero rate, nor give the count of the binomial error).
 */
final class ZxFiles {
    static final String ELECTRON_MAP = "ElectronPtEtaMapFR";
    static final String MUON_MAP = "MuonPtEtaMapFR";
    static final String DENOMINATOR_SUFFIX = "_denominator";

    private ZxFiles() {
    }

    /** All branches of one tree of a file. */
    static EventTable read(Path file, String tree) {
        try (RootFile f = RootFile.open(file)) {
            return f.tree(tree).read(List.of());
        }
    }

    /** Adds the {@code FakeRate} probes of the data files and, subtracted, those of the prompt simulation. */
    static void measure(FakeRateMap electrons, FakeRateMap muons, List<Path> data, List<Path> prompt) {
        for (Path p : data) {
            ZplusXInputs.addProbes(electrons, muons, read(p, "FakeRate"), false);
        }
        for (Path p : prompt) {
            ZplusXInputs.addProbes(electrons, muons, read(p, "FakeRate"), true);
        }
    }

    /**
     * The yields of every final state from the {@code ControlRegions} trees of data and of the prompt ZZ
     * simulation passing {@code region} ({@code null}: all).
     *
     * @param variable the shape variable of the data candidates, or {@code null} (then {@code axis} is too)
     */
    static Map<ZxFinalState, ZplusXYield> yields(List<Path> data, List<Path> zz, Expression region, Expression variable,
            Axis axis, FakeRateMap electrons, FakeRateMap muons) {
        Map<ZxFinalState, ZplusXYield> yields = ZplusXInputs.emptyYields();
        if (axis != null) {
            for (ZxFinalState fs : ZxFinalState.values()) {
                yields.put(fs, new ZplusXYield(fs, axis));
            }
        }
        for (Path p : data) {
            ZplusXInputs.addControlRegion(yields, read(p, "ControlRegions"), region, variable, electrons, muons, false);
        }
        for (Path p : zz) {
            ZplusXInputs.addControlRegion(yields, read(p, "ControlRegions"), region, electrons, muons, true);
        }
        return yields;
    }

    /** Writes both maps and their denominators into {@code file}, atomically. */
    static void writeFakeRates(Path file, FakeRateMap electrons, FakeRateMap muons) {
        try (RootFileWriter w = RootFileWriter.create(file, WriteOptions.defaults())) {
            for (FakeRateMap m : List.of(electrons, muons)) {
                String name = mapName(m.flavour());
                Histogram2D rates = m.toHistogram(name);
                Histogram2D den = new Histogram2D(name + DENOMINATOR_SUFFIX,
                        rates.title() + ": prompt-subtracted loose count", rates.xAxis(), rates.yAxis());
                for (int ix = 1; ix <= rates.xAxis().bins(); ix++) {
                    for (int iy = 1; iy <= rates.yAxis().bins(); iy++) {
                        den.setContent(ix, iy, m.denominator(ix, iy));
                    }
                }
                w.put(name, rates);
                w.put(den.name(), den);
            }
        }
    }

    /** The guide's histogram name of a flavour's map. */
    static String mapName(int flavour) {
        return flavour == 11 ? ELECTRON_MAP : MUON_MAP;
    }

    /** The map of a flavour as {@link #writeFakeRates} wrote it. */
    static FakeRateMap readFakeRates(Path file, int flavour) {
        String name = mapName(flavour);
        try (RootFile f = RootFile.open(file)) {
            for (String key : List.of(name, name + DENOMINATOR_SUFFIX)) {
                if (!f.has(key)) {
                    throw new CommandFailedException(file + ": no histogram " + key + " (write the file with 'vbfann zx"
                            + " fakerates')", ExitCodes.BAD_INPUT);
                }
            }
            Histogram2D rates = f.histogram2D(name);
            Histogram2D den = f.histogram2D(name + DENOMINATOR_SUFFIX);
            Axis pt = rates.xAxis();
            Axis eta = rates.yAxis();
            FakeRateMap m = new FakeRateMap(flavour, pt.edges(), eta.edges());
            for (int ix = 1; ix <= pt.bins(); ix++) {
                for (int iy = 1; iy <= eta.bins(); iy++) {
                    double n = den.content(ix, iy);
                    if (n > 0) {
                        double rate = rates.content(ix, iy);
                        // a bin of tight count rate·n among n loose probes gives back rate and n
                        m.add(pt.center(ix), eta.center(iy), true, false, rate * n);
                        m.add(pt.center(ix), eta.center(iy), false, false, (1 - rate) * n);
                    } else if (n < 0) {
                        m.add(pt.center(ix), eta.center(iy), false, true, -n);
                    }
                }
            }
            return m;
        }
    }
}
