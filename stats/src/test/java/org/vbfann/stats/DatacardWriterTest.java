package org.vbfann.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.testkit.Fixtures;

/** Writing cards back and combining them like combineCards.py. */
class DatacardWriterTest {
    private static final Path REALISTIC = Fixtures.path("stats/combine/docs_realistic_counting_experiment/realistic-counting-experiment.txt");
    private static final Path MULTI = Fixtures.path("stats/combine/ci_multi_signal_datacard5/datacard-5-multi-signal.txt");
    private static final Path HWW = Fixtures.path("stats/combine/refval_hww4ch-1fb-B-mH140/hww4ch-1fb-B-mH140.txt");

    /** A card written and read back gives the same likelihood at random points. */
    @Test
    void roundTripKeepsTheLikelihood(@TempDir Path tmp) {
        for (Path card : new Path[]{REALISTIC, MULTI, HWW}) {
            Datacard dc = DatacardReader.read(card);
            Path out = tmp.resolve(card.getFileName());
            DatacardWriter.write(dc, out);
            LikelihoodModel a = new DatacardModelBuilder(null).build(dc).model();
            LikelihoodModel b = new DatacardModelBuilder(null).build(out).model();
            assertEquals(a.parameterCount(), b.parameterCount());
            Random rnd = new Random(3);
            for (int k = 0; k < 5; k++) {
                double[] p = GradientTest.randomPoint(rnd, a);
                assertEquals(a.evaluator().nll(p), b.evaluator().nll(p), 1e-9, card.getFileName().toString());
            }
        }
    }

    /** Two cards with disjoint nuisances: the combined NLL is the sum of the two at the same r. */
    @Test
    void combinedLikelihoodIsTheSum(@TempDir Path tmp) {
        Map<String, Datacard> cards = new LinkedHashMap<>();
        cards.put("real", DatacardReader.read(REALISTIC));
        cards.put("multi", DatacardReader.read(MULTI));
        Datacard comb = DatacardWriter.combine(cards, tmp);
        Path out = tmp.resolve("combined.txt");
        DatacardWriter.write(comb, out);
        LikelihoodModel c = new DatacardModelBuilder(null).build(out).model();
        LikelihoodModel a = new DatacardModelBuilder(null).build(REALISTIC).model();
        LikelihoodModel b = new DatacardModelBuilder(null).build(MULTI).model();
        assertEquals(java.util.List.of("real", "multi_incl", "multi_dijet"), comb.channels());
        Random rnd = new Random(5);
        for (int k = 0; k < 5; k++) {
            double[] p = GradientTest.randomPoint(rnd, c);
            double want = a.evaluator().nll(pick(c, a, p)) + b.evaluator().nll(pick(c, b, p));
            assertEquals(want, c.evaluator().nll(p), 1e-9);
        }
    }

    private static double[] pick(LikelihoodModel from, LikelihoodModel to, double[] p) {
        double[] q = to.initialValues();
        for (int i = 0; i < q.length; i++) {
            q[i] = p[from.parameterIndex(to.parameterName(i))];
        }
        return q;
    }
}
