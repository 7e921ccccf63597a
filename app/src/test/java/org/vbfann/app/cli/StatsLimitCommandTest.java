package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.testkit.Fixtures;

/** {@code vbfann stats limit}: the JSON contract on the reference cases, and its errors. */
class StatsLimitCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode runJson(String... args) throws IOException {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.out());
    }

    /** Every asymptotic pyhf hypotest case through the CLI: cls_observed and cls_expected within tolerance. */
    @Test
    void atPoiValueOnEveryPyhfCase() throws IOException {
        int n = 0;
        try (Stream<Path> files = Files.list(Fixtures.path("stats/pyhf"))) {
            for (Path p : files.sorted().toList()) {
                JsonNode c = JSON.readTree(p.toFile());
                JsonNode tol = c.path("tolerance").path("recommended_independent_engine");
                if (!c.path("kind").asText().equals("hypotest") || tol.has("accept_either")
                        || c.path("test").path("calctype").asText().equals("toybased")) {
                    continue;
                }
                JsonNode exp = c.path("expected").has("asymptotics") ? c.path("expected").path("asymptotics") : c.path("expected");
                String poi = c.path("test").path("poi_test").asText();
                JsonNode out = runJson("stats", "limit", "--workspace", p.toString(), "--at", "r=" + poi, "--json");
                double rel = tol.path("rel").asDouble();
                double want = exp.has("p0_obs") ? exp.path("p0_obs").asDouble() : exp.path("CLs_obs").asDouble();
                assertEquals(want, out.path("cls_observed").asDouble(), rel * want, p.getFileName() + " cls_observed");
                JsonNode wantExp = exp.has("p0_exp") ? exp.path("p0_exp") : exp.path("CLs_exp");
                for (int k = 0; k < wantExp.size(); k++) {
                    double w = wantExp.get(k).asDouble();
                    assertEquals(w, out.path("cls_expected").get(k).asDouble(), rel * w, p.getFileName() + " cls_expected " + k);
                }
                n++;
            }
        }
        assertEquals(11, n);
    }

    /** The Combine documentation's realistic counting experiment: the limit JSON with its five band keys. */
    @Test
    void asymptoticLimitsOfTheRealisticCountingExperiment() throws IOException {
        Path dir = Fixtures.path("stats/combine/docs_realistic_counting_experiment");
        JsonNode ref = null;
        for (JsonNode r : JSON.readTree(dir.resolve("expected.json").toFile()).path("results")) {
            if (r.path("method").asText().equals("AsymptoticLimits")) {
                ref = r;
            }
        }
        JsonNode v = ref.path("tree_values");
        double rel = ref.path("tolerance").path("rel").asDouble();
        JsonNode out = runJson("stats", "limit", "--method", "asymptotic", "--datacard",
                dir.resolve("realistic-counting-experiment.txt").toString(), "--json");
        assertEquals(v.path("observed").asDouble(), out.path("observed").asDouble(), rel * v.path("observed").asDouble());
        String[] keys = {"0.025", "0.16", "0.5", "0.84", "0.975"};
        String[] refKeys = {"expected_2.5", "expected_16", "expected_50", "expected_84", "expected_97.5"};
        for (int k = 0; k < 5; k++) {
            double w = v.path(refKeys[k]).asDouble();
            assertEquals(w, out.path("expected").path(keys[k]).asDouble(), rel * w, keys[k]);
        }
    }

    /** A datacard syntax error is one line naming the file, the line and what was expected; exit code 3. */
    @Test
    void datacardErrorNamesFileAndLine(@TempDir Path tmp) throws IOException {
        Path card = tmp.resolve("card.txt");
        Files.writeString(card, String.join("\n", "imax 1", "jmax 1", "kmax 1", "bin a", "observation 3",
                "bin a a", "process s b", "process 0 1", "rate 1 2", "unc lnN 1.0x 1.1", ""));
        CliRunner.Result r = CliRunner.run("stats", "limit", "--datacard", card.toString(), "--json");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("vbfann: card.txt:10: 'unc' lnN value '1.0x' for 's' in 'a' is not a number or a/b", r.err().strip());
        assertEquals("", r.out());
    }

    /** A fit that cannot start (a negative yield where data are) says so, prints no result, exits with 1. */
    @Test
    void failedFitIsReportedNotPrinted(@TempDir Path tmp) throws IOException {
        Path ws = tmp.resolve("ws.json");
        Files.writeString(ws, "{\"channels\": [{\"name\": \"c\", \"samples\": ["
                + "{\"name\": \"s\", \"data\": [1.0], \"modifiers\": [{\"name\": \"mu\", \"type\": \"normfactor\", \"data\": null}]},"
                + "{\"name\": \"b\", \"data\": [-5.0], \"modifiers\": []}]}],"
                + "\"observations\": [{\"name\": \"c\", \"data\": [3.0]}],"
                + "\"measurements\": [{\"name\": \"m\", \"config\": {\"poi\": \"mu\", \"parameters\": []}}], \"version\": \"1.0.0\"}");
        CliRunner.Result r = CliRunner.run("stats", "limit", "--workspace", ws.toString(), "--json");
        assertEquals(ExitCodes.FAILED_RESULT, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("vbfann: free fit to data did not converge: not_finite_at_start"), r.err());
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path tmp) {
        CliRunner.Result r = CliRunner.run("stats", "limit", "--datacard", tmp.resolve("none.txt").toString());
        assertEquals(ExitCodes.IO, r.exitCode());
        assertTrue(r.err().contains("none.txt: no such file"), r.err());
    }

    @Test
    void unknownMethodIsAUsageError(@TempDir Path tmp) throws IOException {
        CliRunner.Result r = CliRunner.run("stats", "limit", "--method", "hybridnew", "--workspace",
                Fixtures.path("stats/pyhf/validation_1bin_shapesys_mu1.json").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--method hybridnew is not available"), r.err());
    }
}
