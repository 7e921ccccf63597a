package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.testkit.Fixtures;

/** The stats subcommands other than limit, on the Combine tutorial cards. */
class StatsCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String card(String dir, String file) {
        return Fixtures.path("stats/combine/" + dir + "/" + file).toString();
    }

    private static JsonNode runJson(String... args) throws IOException {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.out());
    }

    /** FitDiagnostics of the tutorial card: r = (6 - 5.4)/2.3 with nuisances at 0, yields add up to the totals. */
    @Test
    void fitWritesJsonAndPlots(@TempDir Path tmp) throws IOException {
        JsonNode o = runJson("stats", "fit", "--datacard", card("docs_stat_routines_datacard", "datacard.txt"),
                "--rmin", "-10", "--rmax", "10", "--plots", tmp.toString(), "--json");
        assertEquals((6 - 5.4) / 2.3, o.path("r").path("value").asDouble(), 1e-3);
        assertEquals(3, o.path("pulls_s").size());
        JsonNode y = o.path("yields").path("prefit").path("bin1");
        assertEquals(7.7, y.path("total").path("yield").get(0).asDouble(), 1e-9);
        assertEquals(2.3, y.path("ggH").path("yield").get(0).asDouble(), 1e-9);
        assertTrue(Files.size(tmp.resolve("pulls.png")) > 0);
        assertTrue(Files.size(tmp.resolve("stack_postfit_s_bin1.png")) > 0);
    }

    @Test
    void scanGivesIntervalsAndPoints(@TempDir Path tmp) throws IOException {
        JsonNode o = runJson("stats", "scan", "--datacard", card("docs_stat_routines_variants", "datacard_obs12.txt"),
                "--rmin", "-2", "--rmax", "8", "--points", "11", "--plot", tmp.resolve("scan.png").toString(), "--json");
        assertEquals(11, o.path("points").size());
        assertEquals(6.7, o.path("interval_95").get(1).asDouble(), 0.15);
        assertTrue(Files.size(tmp.resolve("scan.png")) > 0);
        JsonNode exp = runJson("stats", "scan", "--datacard", card("docs_stat_routines_variants", "datacard_obs12.txt"),
                "--rmin", "-2", "--rmax", "8", "--points", "3", "--expect-signal", "1", "--json");
        assertEquals(1, exp.path("best_fit").asDouble(), 1e-6, "Asimov at r = 1 fits r = 1");
    }

    @Test
    void scanIn2D(@TempDir Path tmp) throws IOException {
        JsonNode o = runJson("stats", "scan", "--datacard", card("docs_stat_routines_datacard", "datacard.txt"),
                "--points", "3", "--range", "0:2", "--parameter2", "lumi", "--range2", "-1:1", "--plot",
                tmp.resolve("scan2d.png").toString(), "--json");
        assertEquals(9, o.path("points").size());
        assertTrue(Files.size(tmp.resolve("scan2d.png")) > 0, "the 2D scan's contour plot");
    }

    @Test
    void compatOfTheMultiSignalCard() throws IOException {
        JsonNode o = runJson("stats", "compat", "--datacard", card("ci_multi_signal_datacard5", "datacard-5-multi-signal.txt"),
                "--json");
        assertEquals(1.5417, o.path("chi2").asDouble(), 0.005);
        assertEquals(2, o.path("channels").size());
    }

    @Test
    void impactsRankTheNuisances() throws IOException {
        JsonNode o = runJson("stats", "impacts", "--datacard", card("docs_stat_routines_datacard", "datacard.txt"),
                "--rmin", "-10", "--rmax", "10", "--json");
        assertEquals(3, o.path("params").size());
        double first = o.path("params").get(0).path("impact_r").asDouble();
        double last = o.path("params").get(2).path("impact_r").asDouble();
        assertTrue(first >= last && first > 0, o.toString());
    }

    @Test
    void significanceObservedAndExpected() throws IOException {
        JsonNode o = runJson("stats", "significance", "--datacard", card("docs_stat_routines_datacard", "datacard.txt"), "--json");
        assertEquals(0.24, o.path("significance").asDouble(), 0.01);
        JsonNode e = runJson("stats", "significance", "--datacard", card("docs_stat_routines_datacard", "datacard.txt"),
                "--expect-signal", "1", "--json");
        assertTrue(e.path("significance").asDouble() > 0.5, e.toString());
    }
}
