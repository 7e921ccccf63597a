package org.vbfann.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vbfann.testkit.Fixtures;

/** The pyhf reference cases of ../shared/fixtures/stats/pyhf, each within its recommended tolerance. */
class PyhfReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode read(Path p) throws IOException {
        return JSON.readTree(Files.readAllBytes(p));
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(Fixtures.path("stats/pyhf"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static AsymptoticCalculator calculator(Path file) {
        PyhfWorkspaceReader reader = new PyhfWorkspaceReader();
        LikelihoodModel m = reader.read(file);
        return new AsymptoticCalculator(new Fitter(m), AsymptoticCalculator.Convention.PYHF,
                AsymptoticCalculator.TestStatistic.ofPyhfName(reader.testStatistic()));
    }

    /** Every asymptotic hypotest case: CLs (p0 for q0) observed and the five expected values. */
    @Test
    void everyAsymptoticHypotestCase() throws IOException {
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Path p : cases()) {
            JsonNode c = read(p);
            if (!c.path("kind").asText().equals("hypotest") || c.path("test").path("calctype").asText().equals("toybased")) {
                continue;
            }
            JsonNode exp = c.path("expected").has("asymptotics") ? c.path("expected").path("asymptotics") : c.path("expected");
            JsonNode tol = c.path("tolerance").path("recommended_independent_engine");
            double poiTest = c.path("test").path("poi_test").asDouble();
            AsymptoticCalculator.HypoTest h = calculator(p).hypoTest(poiTest);
            String name = c.path("name").asText();
            if (tol.has("accept_either")) {
                // Multimodal case (README caveat): pyhf's local minima or the global ones.
                boolean any = false;
                for (JsonNode alt : tol.path("accept_either")) {
                    any |= close(h.clsObserved(), alt.path("CLs_obs").asDouble(), tol.path("rel").asDouble());
                }
                if (!any) {
                    failures.add(name + ": CLs_obs " + h.clsObserved() + " matches neither minimum");
                }
                checked++;
                continue;
            }
            double rel = tol.path("rel").asDouble();
            String obsKey = exp.has("p0_obs") ? "p0_obs" : "CLs_obs";
            String expKey = exp.has("p0_exp") ? "p0_exp" : "CLs_exp";
            check(failures, name + " " + obsKey, h.clsObserved(), exp.path(obsKey).asDouble(), rel);
            if (exp.has(expKey)) {
                for (int k = 0; k < 5; k++) {
                    check(failures, name + " " + expKey + "[" + k + "]", h.clsExpected()[k],
                            exp.path(expKey).get(k).asDouble(), rel);
                }
            }
            if (exp.has("CLs_exp_median")) {
                check(failures, name + " CLs_exp_median", h.clsExpected()[2], exp.path("CLs_exp_median").asDouble(), rel);
            }
            checked++;
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(12, checked, "asymptotic hypotest cases");
    }

    /** pyhf's upper limits by toms748 root finding: the exact CLs = 0.05 crossings, observed and expected. */
    @Test
    void upperLimitsAsToms748() throws IOException {
        Path p = Fixtures.path("stats/pyhf/infer_upper_limit_linear_scan_and_toms748.json");
        JsonNode c = read(p);
        JsonNode exp = c.path("expected").path("toms748");
        double rel = c.path("tolerance").path("recommended_independent_engine").path("rel").asDouble();
        AsymptoticCalculator.Limits l = calculator(p).upperLimits(c.path("test").path("level").asDouble());
        List<String> failures = new ArrayList<>();
        check(failures, "observed", l.observed(), exp.path("observed_limit").asDouble(), rel);
        for (int k = 0; k < 5; k++) {
            check(failures, "expected[" + k + "]", l.expected()[k], exp.path("expected_limits").get(k).asDouble(), rel);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** pyhf's absolute twice_nll of a fixed-POI fit (all constants included) and its Hesse error. */
    @Test
    void twiceNllAndHesseAtFixedPoi() throws IOException {
        Path p = Fixtures.path("stats/pyhf/optim_fixed_mu_nll_and_hesse_2bin_histosys.json");
        JsonNode c = read(p);
        LikelihoodModel m = new PyhfWorkspaceReader().read(p);
        Fitter f = new Fitter(m);
        FitResult r = Fitter.requireConverged(f.fitFixed(m.poi(), 1.0, f.initialValues()), "fit");
        JsonNode tol = c.path("tolerance").path("recommended_independent_engine");
        double want = c.path("expected").path("twice_nll_at_mu1_min").asDouble();
        assertEquals(want, 2 * r.nll(), tol.path("twice_nll_rel").asDouble() * want, "twice_nll");
        f.setFixed(m.poi(), true);
        double[] cov = f.covariance(r.parameters());
        int alpha = m.parameterIndex("bkg_norm");
        double wantErr = c.path("expected").path("uncertainties_at_mu1").get(0).asDouble();
        assertEquals(wantErr, Math.sqrt(cov[alpha * m.parameterCount() + alpha]), tol.path("hesse_rel").asDouble() * wantErr,
                "Hesse error of bkg_norm");
    }

    /** The unconditional MLE of the 1-bin shapesys case against its closed form [mu, gamma] = [0.5, 1.0]. */
    @Test
    void mleOfOneBinShapesysMatchesClosedForm() throws IOException {
        Path p = Fixtures.path("stats/pyhf/optim_mle_1bin_shapesys.json");
        LikelihoodModel m = new PyhfWorkspaceReader().read(p);
        FitResult r = Fitter.requireConverged(new Fitter(m).fit(), "fit");
        JsonNode analytic = read(p).path("expected").path("analytic");
        for (int k = 0; k < analytic.size(); k++) {
            // The case suggests abs 1e-4 (optimizer-limited); the exact MLE is reached far closer.
            assertEquals(analytic.get(k).asDouble(), r.parameters()[k], 1e-6, m.parameterName(k));
        }
    }

    /** The unit values of pyhf's test_interpolate.py for code0, code1 and code2. */
    @Test
    void interpolationCodeUnitValues() throws IOException {
        JsonNode c = read(Fixtures.path("stats/pyhf/interpolation_codes_unit.json"));
        double rel = c.path("tolerance").path("rel").asDouble();
        for (JsonNode k : c.path("cases")) {
            String code = k.path("code").asText().split(" ")[0];
            double down = k.path("down_nom_up").get(0).asDouble();
            double nom = k.path("down_nom_up").get(1).asDouble();
            double up = k.path("down_nom_up").get(2).asDouble();
            for (int i = 0; i < k.path("alphas").size(); i++) {
                double a = k.path("alphas").get(i).asDouble();
                double got = switch (code) {
                    case "code0" -> nom + Interpolation.code0(a, up - nom, down - nom);
                    case "code1" -> nom * Interpolation.code1(a, up / nom, down / nom);
                    case "code2" -> nom + Interpolation.code2(a, up - nom, down - nom);
                    default -> throw new AssertionError(code);
                };
                double want = k.path("expected_values").get(i).asDouble();
                assertEquals(want, got, rel * Math.abs(want), code + " at alpha " + a);
            }
        }
    }

    /**
     * The fits behind pyhf's AsymptoticCalculator on the 1-bin case, against their closed forms: the mu = 0 fit to
     * data (gamma = 1.5), the free fit (mu, gamma) = (1, 1), and the mu = 1 fit to the Asimov dataset built from the
     * mu = 0 fit (gamma = (1 + sqrt 13)/4).
     */
    @Test
    void calculatorFitsMatchTheirClosedForms() throws IOException {
        Path p = Fixtures.path("stats/pyhf/calculator_fitted_pars_1bin.json");
        LikelihoodModel m = new PyhfWorkspaceReader().read(p);
        Fitter f = new Fitter(m);
        int mu = m.poi();
        int gamma = 1 - mu;
        double tol = read(p).path("tolerance").path("recommended_independent_engine").path("abs").asDouble();
        FitResult zero = Fitter.requireConverged(f.fitFixed(mu, 0, f.initialValues()), "mu = 0 fit");
        assertEquals(1.5, zero.parameters()[gamma], tol, "gamma of the mu = 0 fit");
        FitResult free = Fitter.requireConverged(f.fit(), "free fit");
        assertEquals(1.0, free.parameters()[mu], tol, "mu hat");
        assertEquals(1.0, free.parameters()[gamma], tol, "gamma hat");
        Fitter asimov = f.withModel(m.asimov(zero.parameters()));
        FitResult one = Fitter.requireConverged(asimov.fitFixed(mu, 1, zero.parameters()), "mu = 1 fit to Asimov");
        assertEquals((1 + Math.sqrt(13)) / 4, one.parameters()[gamma], 1e-7, "gamma of the mu = 1 Asimov fit");
    }

    /** pyhf's simplemodels.uncorrelated_background as a workspace, with observed main counts. */
    private static LikelihoodModel uncorrelatedBackground(double signal, double bkg, double unc, double obs) throws IOException {
        String ws = "{\"channels\": [{\"name\": \"singlechannel\", \"samples\": ["
                + "{\"name\": \"signal\", \"data\": [" + signal + "], \"modifiers\": [{\"name\": \"mu\", \"type\": \"normfactor\", \"data\": null}]},"
                + "{\"name\": \"background\", \"data\": [" + bkg + "], \"modifiers\": [{\"name\": \"uncorr_bkguncrt\", \"type\": \"shapesys\", \"data\": [" + unc + "]}]}]}],"
                + "\"observations\": [{\"name\": \"singlechannel\", \"data\": [" + obs + "]}],"
                + "\"measurements\": [{\"name\": \"m\", \"config\": {\"poi\": \"mu\", \"parameters\": []}}], \"version\": \"1.0.0\"}";
        return new PyhfWorkspaceReader().read(JSON.readTree(ws), "uncorrelated_background");
    }

    /** pyhf's NaN guards (test_infer.py): q~ at mu = 0 is 0, a tiny signal gives finite CLs, CLs(0) = 1. */
    @Test
    void edgeCases() throws IOException {
        JsonNode cases = read(Fixtures.path("stats/pyhf/infer_edge_cases.json")).path("cases");
        AsymptoticCalculator.HypoTest zero = new AsymptoticCalculator(new Fitter(uncorrelatedBackground(1, 1, 1, 2)),
                AsymptoticCalculator.Convention.PYHF, AsymptoticCalculator.TestStatistic.QTILDE).hypoTest(0);
        assertEquals(cases.get(0).path("checks").path("qmu_tilde(mu=0)").asDouble(), zero.q(),
                cases.get(0).path("tolerance").path("abs").asDouble());
        AsymptoticCalculator.HypoTest tiny = new AsymptoticCalculator(new Fitter(uncorrelatedBackground(0.005, 28, 5, 28)),
                AsymptoticCalculator.Convention.PYHF, AsymptoticCalculator.TestStatistic.QTILDE).hypoTest(1);
        assertTrue(Double.isFinite(tiny.clsObserved()), "CLs_obs " + tiny.clsObserved());
        for (double v : tiny.clsExpected()) {
            assertTrue(Double.isFinite(v), "CLs_exp " + v);
        }
        AsymptoticCalculator.HypoTest hello = calculator(Fixtures.path("stats/pyhf/readme_hello_world_qtilde.json")).hypoTest(0);
        assertEquals(1.0, hello.clsObserved(), cases.get(2).path("tolerance").path("abs").asDouble());
    }

    private static boolean close(double got, double want, double rel) {
        return Math.abs(got - want) <= rel * Math.abs(want);
    }

    private static void check(List<String> failures, String what, double got, double want, double rel) {
        if (!close(got, want, rel)) {
            failures.add(what + ": got " + got + ", expected " + want + " (rel " + rel + ", off by "
                    + Math.abs(got - want) / Math.abs(want) + ")");
        }
    }
}
