package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;
import org.vbfann.physics.expr.Expression;
import org.vbfann.physics.zx.FakeRateFile;
import org.vbfann.physics.zx.FakeRateMap;
import org.vbfann.physics.zx.ZplusXYield;
import org.vbfann.physics.zx.ZxFinalState;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.WriteOptions;

/**
 * The demo's data-driven Z+X (spec §3), with the {@code org.vbfann.physics.zx} library: the fake rates that
 * {@code zx fakerates} measured (Z + ℓ probes of data, prompt WZ subtracted), then the guide's yield formula per final state applied
 * to the scored 2P2F and 3P1F control regions in the VBF-SR, with the score templates built the same way
 * (s·H_3P1F − H_2P2F, or H_2P2F for loose muons). Writes {@code zx/yields.json} and {@code zx/shapes.root}
 * ({@code <channel>/zjets}; 2e2mu and 2mu2e both go to {@code ch2e2mu}).
 */
final class DemoZplusX {
    private DemoZplusX() {
    }

    /**
     * Estimates Z+X and writes its files into {@code dir}.
     *
     * @param fakeRates   the fakerates.root of {@code zx fakerates}
     * @param zzFile      the prompt ZZ simulation of the control regions (tree ControlRegions)
     * @param scoredCr    the data control regions with the score branch (tree ControlRegions)
     * @return yields.json
     */
    static ObjectNode estimate(Path fakeRates, Path zzFile, Path scoredCr, String region, String score, Axis axis,
            Path dir) throws IOException {
        FakeRateMap electrons = FakeRateFile.read(fakeRates, 11);
        FakeRateMap muons = FakeRateFile.read(fakeRates, 13);
        Map<ZxFinalState, ZplusXYield> yields = ZxFiles.yields(List.of(scoredCr), List.of(zzFile),
                Expression.parse(region), Expression.parse(score), axis, electrons, muons);

        Files.createDirectories(dir);
        ObjectNode out = NnFiles.JSON.createObjectNode();
        out.put("formula", "guide (2P2F only for loose muons, else (1 - N_ZZ/N_3P1F) 3P1F - 2P2F)");
        ObjectNode fsNode = out.putObject("final_states");
        Map<String, Histogram1D> channels = new LinkedHashMap<>();
        for (ZxFinalState fs : ZxFinalState.values()) {
            ZplusXYield.Value v = yields.get(fs).yield(ZplusXYield.Formula.GUIDE);
            fsNode.putObject(fs.label()).put("yield", v.yield()).put("stat", v.stat())
                    .put("fr_stat", v.fakeRateStat());
            String ch = fs.tightFlavour() == fs.looseFlavour() ? "ch" + fs.label() : "ch2e2mu";
            Histogram1D h = yields.get(fs).shape(ZplusXYield.Formula.GUIDE, "zjets");
            Histogram1D sum = channels.get(ch);
            if (sum == null) {
                channels.put(ch, h);
            } else {
                sum.add(h);
            }
        }
        try (RootFileWriter w = RootFileWriter.create(dir.resolve("shapes.root"), WriteOptions.defaults())) {
            for (Map.Entry<String, Histogram1D> e : channels.entrySet()) {
                w.put(e.getKey() + "/zjets", e.getValue());
            }
        }
        NnFiles.writeJson(dir.resolve("yields.json"), out);
        return out;
    }
}
