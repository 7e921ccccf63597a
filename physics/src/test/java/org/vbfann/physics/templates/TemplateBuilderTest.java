package org.vbfann.physics.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.Axis;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.core.Histogram1D;
import org.vbfann.physics.PhysicsException;
import org.vbfann.rootio.BranchSpec;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.TreeWriter;
import org.vbfann.rootio.WriteOptions;

class TemplateBuilderTest {
    static final int N = 500;

    /** A tree of N events with a score (some outside [0, 1]), an up/down variation, m4l, njets and weights. */
    static Columns write(Path file, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Columns c = new Columns(new float[N], new float[N], new float[N], new float[N], new int[N], new float[N]);
        for (int i = 0; i < N; i++) {
            c.score[i] = (float) (r.nextDouble() * 1.2 - 0.1);
            c.up[i] = c.score[i] + 0.05f;
            c.down[i] = c.score[i] - 0.05f;
            c.mass[i] = (float) (100 + 40 * r.nextDouble());
            c.njets[i] = r.nextInt(5);
            c.weight[i] = (float) (r.nextDouble() < 0.1 ? -0.5 : 0.2 + r.nextDouble());
        }
        try (RootFileWriter w = RootFileWriter.create(file, WriteOptions.defaults());
             TreeWriter t = w.tree("T", "test", List.of(BranchSpec.scalar("score", ElementType.FLOAT32),
                     BranchSpec.scalar("up", ElementType.FLOAT32), BranchSpec.scalar("down", ElementType.FLOAT32),
                     BranchSpec.scalar("f_mass4l", ElementType.FLOAT32), BranchSpec.scalar("njets", ElementType.INT32),
                     BranchSpec.scalar("f_weight", ElementType.FLOAT32)))) {
            t.fill(EventTable.of(N, List.of(Column.ofFloats("score", c.score), Column.ofFloats("up", c.up),
                    Column.ofFloats("down", c.down), Column.ofFloats("f_mass4l", c.mass), Column.ofInts("njets", c.njets),
                    Column.ofFloats("f_weight", c.weight))));
        }
        return c;
    }

    record Columns(float[] score, float[] up, float[] down, float[] mass, int[] njets, float[] weight) {
    }

    /** The slow reference: a plain loop with the selection and the edge-bin rule written out. */
    static double[] byHand(float[] x, Columns c, int bins, boolean njetsCut) {
        double[] h = new double[bins + 2];
        for (int i = 0; i < N; i++) {
            if (c.mass[i] < 118 || c.mass[i] > 130 || (njetsCut && c.njets[i] < 2)) {
                continue;
            }
            double v = x[i];
            int b = v < 0 ? 1 : v >= 1 ? bins : 1 + (int) (v * bins);
            h[b] += c.weight[i];
        }
        return h;
    }

    @Test
    void fillsWeightedTemplatesAndVariationsAsAPlainLoop(@TempDir Path dir) {
        Path a = dir.resolve("a.root");
        Path b = dir.resolve("b.root");
        Columns ca = write(a, 1);
        Columns cb = write(b, 2);
        TemplateBuilder tb = new TemplateBuilder("score", "f_mass4l >= 118 && f_mass4l <= 130", "f_weight",
                Axis.uniform(10, 0, 1, "score"))
                .variation(new TemplateBuilder.Variation("sh", "up", "down", Set.of("sig")));
        long[] seen = new long[2];
        TemplateBuilder.Templates t = tb.build(List.of(
                new TemplateBuilder.Sample("sig", "ch4mu", a, "T", null, null),
                new TemplateBuilder.Sample("bkg", "ch4mu", b, "T", "njets >= 2", null),
                new TemplateBuilder.Sample("sig", "ch4e", b, "T", null, null)), (done, total, s, entries, selected) -> {
                    seen[0] += entries;
                    seen[1] = done == total ? 1 : 0;
                });
        assertEquals(3L * N, seen[0]);
        assertEquals(1, seen[1]);
        // sums of at most 500 float weights in double: exact to far below 1e-9
        assertCells(byHand(ca.score, ca, 10, false), t.get("ch4mu", "sig"));
        assertCells(byHand(ca.up, ca, 10, false), t.get("ch4mu", "sig_shUp"));
        assertCells(byHand(ca.down, ca, 10, false), t.get("ch4mu", "sig_shDown"));
        assertCells(byHand(cb.score, cb, 10, true), t.get("ch4mu", "bkg"));
        assertCells(byHand(cb.score, cb, 10, false), t.get("ch4e", "sig"));
        assertNull(t.get("ch4mu", "bkg_shUp"), "the variation applies to sig only");
        assertEquals(0, t.get("ch4mu", "sig").content(0));
        assertEquals(0, t.get("ch4mu", "sig").content(11));
    }

    @Test
    void normalisedTemplatesKeepTheirShapeAndTakeTheYield(@TempDir Path dir) {
        Path a = dir.resolve("cr.root");
        Columns c = write(a, 3);
        TemplateBuilder.Templates t = new TemplateBuilder("score", "", "f_weight", Axis.uniform(4, 0, 1, "s"))
                .normalize("ch4e", "zjets", 2.5)
                .build(List.of(new TemplateBuilder.Sample("zjets", "ch4e", a, "T", "njets == 1", "1")),
                        TemplateBuilder.Listener.NONE);
        double[] count = new double[6];
        double total = 0;
        for (int i = 0; i < N; i++) {
            if (c.njets[i] == 1) {
                double v = c.score[i];
                count[v < 0 ? 1 : v >= 1 ? 4 : 1 + (int) (v * 4)]++;
                total++;
            }
        }
        Histogram1D h = t.get("ch4e", "zjets");
        assertEquals(2.5, h.integral(), 1e-12);
        for (int bin = 1; bin <= 4; bin++) {
            assertEquals(2.5 * count[bin] / total, h.content(bin), 1e-12, "bin " + bin);
        }
    }

    @Test
    void aTemplateToNormaliseWithoutEventsNamesItself(@TempDir Path dir) {
        Path a = dir.resolve("cr.root");
        write(a, 4);
        TemplateBuilder tb = new TemplateBuilder("score", "njets > 10", "f_weight", Axis.uniform(4, 0, 1, "s"))
                .normalize("ch4mu", "zjets", 1.0);
        PhysicsException e = assertThrows(PhysicsException.class, () -> tb.build(
                List.of(new TemplateBuilder.Sample("zjets", "ch4mu", a, "T", null, "1")), TemplateBuilder.Listener.NONE));
        assertTrue(e.getMessage().contains("zjets in ch4mu should be scaled to 1.0 but has no selected events"),
                e.getMessage());
        PhysicsException neg = assertThrows(PhysicsException.class, () -> tb.normalize("ch4mu", "zjets", -1));
        assertTrue(neg.getMessage().contains("expected a finite number >= 0"), neg.getMessage());
    }

    private static void assertCells(double[] expected, Histogram1D h) {
        for (int bin = 0; bin < expected.length; bin++) {
            assertEquals(expected[bin], h.content(bin), 1e-9, h.name() + " bin " + bin);
        }
    }
}
