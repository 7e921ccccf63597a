package org.vbfann.ml.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vbfann.ml.Activation;
import org.vbfann.ml.MlException;
import org.vbfann.ml.TrainingConfig;
import org.vbfann.ml.Weighting;

class ScanTest {
    static final TrainingConfig BASE = TrainingConfig.builder().maxEpochs(5).build();

    static ScanGrid grid() {
        return new ScanGrid(BASE).inputSet("leptons", List.of("a", "b")).inputSet("jets", List.of("a", "b", "c"))
                .layers(36, 18, 9).layers(21, 13, 8).layers(30).batchSizes(List.of(32, 128)).patience(List.of(10, 100))
                .weightings(List.of(Weighting.EVENT, Weighting.YIELD)).activations(List.of(Activation.RELU))
                .learningRates(List.of(1e-3));
    }

    @Test
    void gridIsTheFullProductInNestingOrderWithStableDistinctIds() {
        List<ScanPoint> pts = grid().points(List.of());
        assertEquals(2 * 3 * 2 * 2 * 2, pts.size());
        Set<String> ids = new HashSet<>();
        pts.forEach(p -> ids.add(p.id()));
        assertEquals(pts.size(), ids.size());
        // the last axis varies fastest: weighting, then patience, then batch size
        assertEquals(Weighting.EVENT, pts.get(0).config().weighting());
        assertEquals(Weighting.YIELD, pts.get(1).config().weighting());
        assertEquals(100, pts.get(2).config().patience());
        assertEquals(128, pts.get(4).config().batchSize());
        assertEquals("21-13-8", pts.get(8).layersLabel());
        assertEquals("jets", pts.get(24).inputSet());
        // ids depend on the settings only: the same point from another grid has the same id
        List<ScanPoint> again = new ScanGrid(BASE).inputSet("renamed", List.of("a", "b")).layers(36, 18, 9)
                .batchSizes(List.of(32)).patience(List.of(10)).points(List.of());
        assertEquals(pts.get(0).id(), again.get(0).id());
        assertNotEquals(pts.get(0).id(), pts.get(1).id());
        assertEquals(10, pts.get(0).id().length());
    }

    @Test
    void emptyAxesKeepTheBaseAndBadValuesAreNamed() {
        List<ScanPoint> one = new ScanGrid(BASE).points(List.of("x", "y"));
        assertEquals(1, one.size());
        assertEquals("all", one.get(0).inputSet());
        assertEquals(List.of("x", "y"), one.get(0).inputs());
        MlException bad = assertThrows(MlException.class,
                () -> new ScanGrid(BASE).batchSizes(List.of(32, 0)).points(List.of("x")));
        assertTrue(bad.getMessage().startsWith("scan grid: training: batch size, max epochs, patience and threads"
                + " must be positive, got 0"), bad.getMessage());
        MlException twice = assertThrows(MlException.class,
                () -> new ScanGrid(BASE).patience(List.of(10, 10)).points(List.of("x")));
        assertTrue(twice.getMessage().endsWith("appears twice in the grid; remove the repeated value"));
    }

    @Test
    void runnerSkipsFinishedConfigurationsAndSurvivesAFailingOne() {
        List<ScanPoint> pts = grid().points(List.of());
        Set<String> done = Collections.synchronizedSet(new HashSet<>(List.of(pts.get(3).id())));
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        List<ScanRunner.Outcome> out = ScanRunner.run(pts, 2, new ScanRunner.Task() {
            @Override
            public boolean isDone(ScanPoint p) {
                return done.contains(p.id());
            }

            @Override
            public void run(ScanPoint p) {
                if (p == pts.get(5)) {
                    throw new MlException("training: loss became NaN");
                }
                done.add(p.id());
            }
        }, (finished, total, o) -> seen.add(finished));
        assertEquals(pts.size(), out.size());
        assertEquals(ScanRunner.Status.SKIPPED, out.get(3).status());
        assertEquals(ScanRunner.Status.FAILED, out.get(5).status());
        assertEquals("training: loss became NaN", out.get(5).error());
        assertEquals(ScanRunner.Status.DONE, out.get(6).status());
        assertNull(out.get(6).error());
        assertEquals(pts.size() - 1, done.size());
        List<Integer> sorted = new ArrayList<>(seen);
        Collections.sort(sorted);
        assertEquals(pts.size(), sorted.get(sorted.size() - 1));
        assertEquals(pts.size(), new HashSet<>(seen).size());
    }

    @Test
    void rankingDropsOvertrainedConfigurationsAndSortsBestFirst() {
        List<Ranking.Entry> e = List.of(new Ranking.Entry("a", 0.30, 0.2, 0.001), new Ranking.Entry("b", 0.50, 0.2, 0.02),
                new Ranking.Entry("c", 0.40, 0.2, 0.005), new Ranking.Entry("d", 0.40, 0.2, -0.01),
                new Ranking.Entry("e", Double.NaN, 0.2, 0));
        List<Ranking.Entry> r = Ranking.rank(e, 0.01, 0);
        assertEquals(List.of("c", "d", "a"), r.stream().map(Ranking.Entry::id).toList());
        assertEquals(0.2, r.get(0).advantage(), 1e-15);
        assertEquals(List.of("c", "d"), Ranking.rank(e, 0.01, 2).stream().map(Ranking.Entry::id).toList());
        assertEquals("b", Ranking.rank(e, 1, 1).get(0).id());
        assertEquals(Ranking.Metric.EPS_PURITY, Ranking.Metric.fromId("eps-purity"));
        assertEquals("unknown ranking metric 'z'; use eps-purity, significance or auc",
                assertThrows(MlException.class, () -> Ranking.Metric.fromId("z")).getMessage());
    }
}
