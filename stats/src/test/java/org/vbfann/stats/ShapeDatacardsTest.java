package org.vbfann.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;
import org.vbfann.rootio.RootFile;

class ShapeDatacardsTest {
    static Histogram1D hist(String name, double... bins) {
        Histogram1D h = new Histogram1D(name, name, Axis.uniform(bins.length, 0, 1, "score"));
        for (int b = 0; b < bins.length; b++) {
            h.setContent(b + 1, bins[b]);
            h.setSumw2(b + 1, bins[b] * 0.1);
        }
        return h;
    }

    static Map<String, Map<String, Histogram1D>> templates() {
        Map<String, Map<String, Histogram1D>> t = new LinkedHashMap<>();
        Map<String, Histogram1D> mu = new LinkedHashMap<>();
        mu.put("data_obs", hist("data_obs", 3, 1, 2));
        mu.put("qqH", hist("qqH", 0.1, 0.3, 0.8));
        mu.put("qqH_shUp", hist("qqH_shUp", 0.2, 0.3, 0.7));
        mu.put("qqH_shDown", hist("qqH_shDown", 0.05, 0.3, 0.9));
        mu.put("ggH", hist("ggH", 1.5, 0.6, 0.4));
        mu.put("zjets", hist("zjets", 1.0, 0.5, 0));
        t.put("ch4mu", mu);
        Map<String, Histogram1D> e = new LinkedHashMap<>();
        e.put("data_obs", hist("data_obs", 0, 2, 0));
        e.put("qqH", hist("qqH", 0.05, 0.1, 0.4));
        e.put("ggH", hist("ggH", 0, 0, 0));
        e.put("zjets", hist("zjets", 0.2, 0.1, 0.0));
        t.put("ch4e", e);
        return t;
    }

    @Test
    void cardsAndShapesHoldTheTemplatesAndReadBack(@TempDir Path dir) {
        Map<String, Map<String, Histogram1D>> t = templates();
        ShapeDatacards.Written w = ShapeDatacards.write(t, List.of("qqH", "ggH", "zjets"), Set.of("qqH"), Set.of("zjets"),
                List.of("sh"), ShapeDatacards.defaultTable("zjets"), dir, "card");
        assertEquals(Map.of("ch4mu", dir.resolve("card_ch4mu.txt"), "ch4e", dir.resolve("card_ch4e.txt")), w.cards());

        Datacard mu = DatacardReader.read(w.cards().get("ch4mu"));
        assertEquals(6.0, mu.observations().get("ch4mu"));
        assertEquals(List.of("qqH", "ggH", "zjets"), mu.entries().stream().map(Datacard.Entry::process).toList());
        assertEquals(1.2, mu.entries().get(0).rate(), 1e-9);
        assertEquals(2.5, mu.entries().get(1).rate(), 1e-9);
        assertEquals(1.5, mu.entries().get(2).rate(), 1e-9);
        assertTrue(mu.entries().get(0).signal());
        Datacard.Shapes s = mu.shapesFor("ch4mu", "qqH");
        assertEquals("shapes.root", s.file());
        assertEquals("$CHANNEL/$PROCESS", s.histogram());
        assertEquals("$CHANNEL/$PROCESS_$SYSTEMATIC", s.systematicHistogram());
        Map<String, double[][]> syst = new LinkedHashMap<>();
        for (Datacard.Systematic x : mu.systematics()) {
            syst.put(x.name() + " " + x.type(), x.values());
        }
        assertArrayEquals(new double[] {1.026}, syst.get("lumi_13TeV lnN")[0]);
        assertArrayEquals(new double[] {1.026}, syst.get("lumi_13TeV lnN")[1]);
        assertNull(syst.get("lumi_13TeV lnN")[2], "Z+X is data-driven: no luminosity uncertainty");
        assertArrayEquals(new double[] {1.025}, syst.get("ID_reco_eff lnN")[0]);
        assertArrayEquals(new double[] {0.997, 1.004}, syst.get("QCDscale_qqH lnN")[0]);
        assertArrayEquals(new double[] {0.961, 1.039}, syst.get("QCDscale_ggH lnN")[1]);
        assertArrayEquals(new double[] {1.35}, syst.get("FR lnN")[2]);
        assertArrayEquals(new double[] {1.0}, syst.get("sh shape")[0]);
        assertNull(syst.get("sh shape")[1], "ggH has no sh templates");

        Datacard e = DatacardReader.read(w.cards().get("ch4e"));
        assertEquals(List.of("qqH", "zjets"), e.entries().stream().map(Datacard.Entry::process).toList(),
                "the empty ggH template is left out");
        assertEquals(1.09, e.systematics().get(1).values()[0][0]);
        assertEquals(List.of(3), w.emptyBins().get("ch4e"));
        assertEquals(List.of(), w.emptyBins().get("ch4mu"));

        try (RootFile f = RootFile.open(w.shapes())) {
            for (Map.Entry<String, Map<String, Histogram1D>> c : t.entrySet()) {
                for (Histogram1D h : c.getValue().values()) {
                    Histogram1D back = f.histogram1D(c.getKey() + "/" + h.name());
                    assertArrayEquals(h.contents(), back.contents(), c.getKey() + "/" + h.name());
                    assertArrayEquals(h.sumw2(), back.sumw2(), c.getKey() + "/" + h.name());
                }
            }
        }

        DatacardModel m;
        try (RootShapeSource shapes = new RootShapeSource()) {
            m = new DatacardModelBuilder(shapes).build(w.combined());
        }
        assertEquals(List.of("ch4mu", "ch4e"), m.card().channels());
        assertArrayEquals(new double[] {3, 1, 2, 0, 2, 0}, m.model().data());
        assertTrue(m.nuisances().contains("sh") && m.nuisances().contains("FR"), m.nuisances().toString());
    }

    @Test
    void aChannelWithoutDataOrOfAnotherBinningIsRefused(@TempDir Path dir) {
        Map<String, Map<String, Histogram1D>> t = templates();
        t.get("ch4e").remove("data_obs");
        StatsException e = assertThrows(StatsException.class, () -> ShapeDatacards.write(t, List.of("qqH"), Set.of("qqH"),
                Set.of(), List.of(), List.of(), dir, "card"));
        assertEquals("datacards: channel ch4e has no data_obs histogram; give the channel's data file", e.getMessage());
        Map<String, Map<String, Histogram1D>> u = templates();
        u.get("ch4mu").put("ggH", hist("ggH", 1, 2));
        StatsException b = assertThrows(StatsException.class, () -> ShapeDatacards.write(u, List.of("qqH"), Set.of("qqH"),
                Set.of(), List.of(), List.of(), dir, "card"));
        assertTrue(b.getMessage().startsWith("datacards: ch4mu/ggH has binning"), b.getMessage());
    }
}
