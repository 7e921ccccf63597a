package org.vbfann.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;

/** Shape cards written with their ROOT file and read back through the ROOT reader. */
class ShapeCardWriterTest {
    private static Histogram1D hist(String name, double[] v, double relErr) {
        double[] cells = new double[v.length + 2];
        double[] w2 = new double[v.length + 2];
        for (int b = 0; b < v.length; b++) {
            cells[b + 1] = v[b];
            w2[b + 1] = Math.pow(relErr * v[b], 2);
        }
        return Histogram1D.of(name, "", Axis.uniform(v.length, 0, 1, "score"), cells, w2, 100);
    }

    @Test
    void writtenCardReadsBackWithTheSameYields(@TempDir Path tmp) {
        Random rnd = new Random(1);
        List<ShapeCardWriter.Channel> channels = new ArrayList<>();
        for (String ch : new String[]{"ch4mu", "ch4e"}) {
            List<ShapeCardWriter.Process> procs = new ArrayList<>();
            double[] total = new double[6];
            for (String p : new String[]{"qqH", "qqZZ", "zjets"}) {
                double[] v = new double[6];
                double[] up = new double[6];
                double[] dn = new double[6];
                for (int b = 0; b < 6; b++) {
                    v[b] = 0.5 + 3 * rnd.nextDouble();
                    up[b] = v[b] * (1 + 0.05 * (b - 2.5) / 2.5);
                    dn[b] = v[b] * (1 - 0.04 * (b - 2.5) / 2.5);
                    total[b] += v[b];
                }
                procs.add(new ShapeCardWriter.Process(p, p.equals("qqH"), hist(p, v, 0.1),
                        p.equals("zjets") ? Map.of() : Map.of("jes", new Histogram1D[]{hist("u", up, 0), hist("d", dn, 0)}),
                        p.equals("zjets") ? Map.of("fr", new double[]{1.35}) : Map.of("lumi", new double[]{1.026},
                                "qcd", new double[]{0.96, 1.04})));
            }
            double[] data = new double[6];
            for (int b = 0; b < 6; b++) {
                data[b] = Math.round(total[b]);
            }
            channels.add(new ShapeCardWriter.Channel(ch, hist("data_obs", data, 0), procs));
        }
        Path card = tmp.resolve("card.txt");
        ShapeCardWriter.write(card, tmp.resolve("shapes.root"), channels, 0);
        DatacardModel dm;
        try (RootShapeSource src = new RootShapeSource()) {
            dm = new DatacardModelBuilder(src).build(card);
        }
        LikelihoodModel m = dm.model();
        double[] y = new double[6];
        for (int s = 0; s < m.sampleCount(); s++) {
            ShapeCardWriter.Process p = channels.get(m.sampleChannel(s)).processes().get(s % 3);
            m.evaluator().sampleExpected(m.initialValues(), s, y);
            for (int b = 0; b < 6; b++) {
                assertEquals(p.nominal().content(b + 1), y[b], 1e-9, m.sampleName(s) + " bin " + b);
            }
        }
        assertEquals(java.util.Set.of("jes", "lumi", "qcd", "fr"), new java.util.HashSet<>(dm.nuisances().subList(0, 4)));
        assertEquals(12, dm.nuisances().stream().filter(n -> n.startsWith("prop_bin")).count(), "autoMCStats parameters");
        FitResult fit = Fitter.requireConverged(new Fitter(m.asimov(m.initialValues())).fit(), "Asimov fit");
        assertEquals(1, fit.parameters()[m.poi()], 1e-5);
    }
}
