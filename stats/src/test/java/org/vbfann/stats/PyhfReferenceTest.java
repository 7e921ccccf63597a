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
