package org.vbfann.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.testkit.Fixtures;

/** Datacards written as pyhf workspaces and read back. */
class PyhfJsonWriterTest {
    /** The four-channel lnN card: same yields at the nominal point, and limits within 1% (code4 vs log-normal). */
    @Test
    void countingCardRoundTrip(@TempDir Path tmp) {
        Path card = Fixtures.path("stats/combine/refval_hww4ch-1fb-B-mH140/hww4ch-1fb-B-mH140.txt");
        Datacard dc = DatacardReader.read(card);
        Path out = tmp.resolve("ws.json");
        PyhfJsonWriter.write(PyhfJsonWriter.workspace(dc, null, "120"), out);
        LikelihoodModel pyhf = new PyhfWorkspaceReader().read(out);
        LikelihoodModel combine = new DatacardModelBuilder(null).build(dc).model();
        double[] a = new double[combine.binCount()];
        double[] b = new double[pyhf.binCount()];
        combine.evaluator().expected(combine.initialValues(), a);
        pyhf.evaluator().expected(pyhf.initialValues(), b);
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            // pyhf sorts channels by name; the card's channels 1..4 are already in that order.
            assertEquals(a[i], b[i], 1e-12, "bin " + i);
        }
        double la = new AsymptoticCalculator(new Fitter(combine), AsymptoticCalculator.Convention.COMBINE,
                AsymptoticCalculator.TestStatistic.QTILDE).upperLimits(0.05).observed();
        double lb = new AsymptoticCalculator(new Fitter(pyhf), AsymptoticCalculator.Convention.COMBINE,
                AsymptoticCalculator.TestStatistic.QTILDE).upperLimits(0.05).observed();
        assertEquals(la, lb, 0.01 * la);
    }
}
