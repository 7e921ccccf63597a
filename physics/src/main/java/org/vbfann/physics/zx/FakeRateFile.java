package org.vbfann.physics.zx;

import java.nio.file.Path;
import java.util.List;
import org.vbfann.core.Axis;
import org.vbfann.core.Histogram2D;
import org.vbfann.physics.PhysicsException;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.WriteOptions;

/**
 * {@code fakerates.root}, written by {@code vbfann zx fakerates}: per flavour the rate map under the guide's name
 * ({@value #ELECTRON_MAP}, {@value #MUON_MAP}: rate and statistical error per bin) and {@code <name>_denominator},
 * the prompt-subtracted loose count per bin, so that a map read back is the measured one (the rate alone cannot
 * tell an empty bin from a zero rate, nor the count behind the error).
 */
public final class FakeRateFile {
    /** The guide's electron map (spec §3.2). */
    public static final String ELECTRON_MAP = "ElectronPtEtaMapFR";
    /** The guide's muon map (spec §3.2). */
    public static final String MUON_MAP = "MuonPtEtaMapFR";
    private static final String DENOMINATOR_SUFFIX = "_denominator";

    private FakeRateFile() {
    }

    /** Writes both maps and their denominators into {@code file}, atomically. */
    public static void write(Path file, FakeRateMap electrons, FakeRateMap muons) {
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
    public static String mapName(int flavour) {
        return flavour == 11 ? ELECTRON_MAP : MUON_MAP;
    }

    /**
     * The map of a flavour (11 or 13) as {@link #write} wrote it.
     *
     * @throws PhysicsException if the file lacks the flavour's histograms
     */
    public static FakeRateMap read(Path file, int flavour) {
        String name = mapName(flavour);
        try (RootFile f = RootFile.open(file)) {
            for (String key : List.of(name, name + DENOMINATOR_SUFFIX)) {
                if (!f.has(key)) {
                    throw new PhysicsException(file + ": no histogram " + key + " (write the file with 'vbfann zx"
                            + " fakerates')");
                }
            }
            Histogram2D rates = f.histogram2D(name);
            Histogram2D den = f.histogram2D(name + DENOMINATOR_SUFFIX);
            Axis pt = rates.xAxis();
            Axis eta = rates.yAxis();
            int n = pt.bins() * eta.bins();
            double[] rate = new double[n];
            double[] error = new double[n];
            double[] denominator = new double[n];
            for (int ix = 1; ix <= pt.bins(); ix++) {
                for (int iy = 1; iy <= eta.bins(); iy++) {
                    int c = (ix - 1) * eta.bins() + (iy - 1);
                    rate[c] = rates.content(ix, iy);
                    error[c] = rates.error(ix, iy);
                    denominator[c] = den.content(ix, iy);
                }
            }
            return FakeRateMap.ofBins(flavour, pt.edges(), eta.edges(), rate, error, denominator);
        }
    }
}
