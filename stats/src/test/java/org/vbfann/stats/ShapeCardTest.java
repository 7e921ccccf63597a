package org.vbfann.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /**
     * The original analysis's 4mu card (no reference fit exists): yields equal the rate line, and a fit to the
     * Asimov dataset at r = 1 with nominal nuisances returns r = 1 and every nuisance at 0.
     */
    @Test
    void fourMuonCardYieldsAndAsimovClosure() {
        Path card = Fixtures.path("stats/cms-an-18-120-ch4mu/datacard_Higgs125GeV_VBFStudy_k57nj2_ch4mu.txt");
        DatacardModel dm;
        try (RootShapeSource src = new RootShapeSource()) {
            dm = new DatacardModelBuilder(src).build(card);
        }
        LikelihoodModel m = dm.model();
        double[] p = m.initialValues();
        LikelihoodModel.Evaluator ev = m.evaluator();
        double[] y = new double[m.binCount()];
        for (Datacard.Entry e : dm.card().entries()) {
            int s = sampleIndex(m, e.process());
            ev.sampleExpected(p, s, y);
            double sum = 0;
            for (double v : y) {
                sum += v;
            }
            assertEquals(e.rate(), sum, 1e-9 * e.rate(), "yield of " + e.process());
        }
        assertEquals(24, m.binCount(), "bins of the NN-score templates");
        LikelihoodModel asimov = m.asimov(p);
        FitResult fit = Fitter.requireConverged(new Fitter(asimov).fit(), "Asimov fit");
        assertEquals(1, fit.parameters()[m.poi()], 1e-6, "r");
        for (int i = 0; i < m.parameterCount(); i++) {
            if (i != m.poi()) {
                assertEquals(p[i], fit.parameters()[i], 1e-5, m.parameterName(i));
            }
        }
    }

    /**
     * autoMCStats with a threshold above the effective event counts of the 4mu templates: per-process parameters
     * (Poisson where a process is Poisson-like, Gaussian otherwise) instead of one Gaussian per bin; the Asimov fit
     * at r = 1 still returns r = 1.
     */
    @Test
    void autoMcStatsBelowThresholdGivesPerProcessParameters(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.path("stats/cms-an-18-120-ch4mu");
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(
                dir.resolve("datacard_Higgs125GeV_VBFStudy_k57nj2_ch4mu.txt")));
        lines.add("ch4mu autoMCStats 1000");
        Path card = tmp.resolve("card.txt");
        java.nio.file.Files.write(card, lines);
        java.nio.file.Files.copy(dir.resolve("datacard_Higgs125GeV_VBFStudy_k57nj2_ch4mu.root"),
                tmp.resolve("datacard_Higgs125GeV_VBFStudy_k57nj2_ch4mu.root"));
        DatacardModel dm;
        try (RootShapeSource src = new RootShapeSource()) {
            dm = new DatacardModelBuilder(src).build(card);
        }
        LikelihoodModel m = dm.model();
        int perProcess = 0;
        for (int p = 0; p < m.parameterCount(); p++) {
            if (m.parameterName(p).startsWith("prop_binch4mu_bin") && m.parameterName(p).split("_").length > 3) {
                perProcess++;
            }
        }
        assertTrue(perProcess > 24, "per-process autoMCStats parameters: " + perProcess);
        FitResult fit = Fitter.requireConverged(new Fitter(m.asimov(m.initialValues())).fit(), "Asimov fit");
        assertEquals(1, fit.parameters()[m.poi()], 1e-5, "r");
    }

    private static int sampleIndex(LikelihoodModel m, String name) {
        for (int s = 0; s < m.sampleCount(); s++) {
            if (m.sampleName(s).equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name);
    }
}
