package org.vbfann.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vbfann.core.Axis;
import org.vbfann.core.EventTable;
import org.vbfann.physics.expr.Expression;
import org.vbfann.physics.zx.FakeRateFile;
import org.vbfann.physics.zx.FakeRateMap;
import org.vbfann.physics.zx.ZplusXInputs;
import org.vbfann.physics.zx.ZplusXYield;
import org.vbfann.physics.zx.ZxFinalState;
import org.vbfann.rootio.RootFile;

/**
 * The Z+X steps shared by {@code vbfann zx} and {@code vbfann demo}: reading the Z+X trees of spec §1.4,
 * measuring fake rates and filling the control-region yields.
 * The file {@code fakerates.root} is {@link FakeRateFile}'s.
 */
final class ZxFiles {
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
}
