package org.vbfann.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vbfann.testkit.Fixtures;

/** Shape datacards with templates from ROOT files. */
class ShapeCardTest {
    /** The Combine template-analysis CI case: MultiDimFit --algo singles, r in [-5, 5], mass 200. */
    @Test
    void templateAnalysisBestFitAndInterval() throws Exception {
        Path dir = Fixtures.path("stats/combine/ci_template_analysis_htt_tt_9_13TeV");
        JsonNode ref = PyhfReferenceTest.read(dir.resolve("expected.json")).path("results").get(0);
        DatacardModel dm;
        try (RootShapeSource src = new RootShapeSource()) {
            dm = new DatacardModelBuilder(src).mass("200").rRange(-5, 5).build(dir.resolve(ref.path("datacard").asText()));
        }
        Fitter f = new Fitter(dm.model());
        FitResult fit = Fitter.requireConverged(f.fit(), "fit");
        int r = dm.model().poi();
        ProfileLikelihood.Interval iv = new ProfileLikelihood(f, fit).interval(r, 1);
        JsonNode v = ref.path("values").path("r");
        JsonNode tol = ref.path("tolerance");
        assertEquals(v.path("bestfit").asDouble(), iv.best(), tol.path("bestfit_abs").asDouble(), "r best fit");
        assertEquals(-v.path("err_lo").asDouble(), iv.errorLow(), tol.path("err_abs").asDouble(), "r error low");
        assertEquals(v.path("err_hi").asDouble(), iv.errorHigh(), tol.path("err_abs").asDouble(), "r error high");
    }
}
