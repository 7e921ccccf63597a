package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.testkit.Fixtures;

/** {@code vbfann root ls|dump|hist} on the fixtures, checked against their manifests, and their errors. */
class RootCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String fixture(String name) {
        return Fixtures.path("root/" + name).toString();
    }

    private static JsonNode manifest(String name) throws IOException {
        return JSON.readTree(Fixtures.path("root/" + name + ".json").toFile());
    }

    @Test
    void lsListsTreesWithBranchTypes() {
        CliRunner.Result r = CliRunner.run("root", "ls", fixture("uproot-HZZ.root"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("TTree        events;1"), r.out());
        assertTrue(r.out().contains("2421 entries"), r.out());
        assertTrue(r.out().matches("(?s).*\\n\\s+Muon_Px\\s+float\\[NMuon\\]\\s+Float_t\\n.*"), r.out());
    }

    @Test
    void lsJsonAgreesWithTheManifest() throws IOException {
        CliRunner.Result r = CliRunner.run("root", "ls", fixture("uproot-nesteddirs.root"), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = JSON.readTree(r.out());
        JsonNode m = manifest("uproot-nesteddirs.root");
        for (JsonNode t : m.get("trees")) {
            JsonNode key = null;
            for (JsonNode k : out.get("keys")) {
                if (k.get("path").asText().equals(t.get("path").asText())) {
                    key = k;
                }
            }
            assertTrue(key != null, "no key " + t.get("path"));
            assertEquals(t.get("entries").asLong(), key.get("entries").asLong());
            assertEquals(t.get("class").asText(), key.get("class").asText());
        }
    }

    @Test
    void dumpJsonGivesTheManifestValues() throws IOException {
        CliRunner.Result r = CliRunner.run("root", "dump", fixture("uproot-simple.root") + ":tree", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode values = JSON.readTree(r.out()).get("values");
        JsonNode expected = manifest("uproot-simple.root").get("trees").get(0).get("values");
        assertEquals(expected.get("one"), values.get("one"));
        assertEquals(expected.get("three"), values.get("three"));
        for (int i = 0; i < expected.get("two").size(); i++) {
            assertEquals((float) expected.get("two").get(i).asDouble(), (float) values.get("two").get(i).asDouble());
        }
    }

    @Test
    void dumpCsvAndTableShowChosenBranches() {
        CliRunner.Result csv = CliRunner.run("root", "dump", fixture("uproot-HZZ.root") + ":events", "--branches",
                "NMuon,Muon_Charge", "--entries", "3", "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        String[] lines = csv.out().split("\n");
        assertEquals("NMuon,Muon_Charge", lines[0]);
        assertEquals(4, lines.length);
        assertEquals("2,\"[1, -1]\"", lines[1]);
        CliRunner.Result table = CliRunner.run("root", "dump", fixture("uproot-leaflist.root") + ":tree");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().startsWith("entry  leaflist.x  leaflist.y  leaflist.z\n"), table.out());
        assertTrue(table.out().endsWith("(5 of 5 entries)\n"), table.out());
    }

    @Test
    void histJsonGivesTheManifestBins() throws IOException {
        CliRunner.Result r = CliRunner.run("root", "hist", fixture("uproot-issue-222.root") + ":hist", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = JSON.readTree(r.out());
        JsonNode h = manifest("uproot-issue-222.root").get("histograms").get(0);
        JsonNode edges = h.get("x_axis").get("variable_edges");
        assertEquals(edges.size(), out.get("x_axis").get("edges").size());
        for (int i = 0; i < edges.size(); i++) {
            assertEquals(edges.get(i).asDouble(), out.get("x_axis").get("edges").get(i).asDouble());
        }
        for (int i = 0; i < h.get("contents").size(); i++) {
            assertEquals(h.get("contents").get(i).asDouble(), out.get("contents").get(i).asDouble());
        }
        CliRunner.Result table = CliRunner.run("root", "hist", fixture("uproot-issue-222.root") + ":hist");
        assertTrue(table.out().contains("under  -inf     0"), table.out());
    }

    private static void assertOneLineError(CliRunner.Result r, int code, String start) {
        assertEquals(code, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("vbfann: " + start), r.err());
        assertEquals(1, r.err().split("\n").length, r.err());
        assertEquals("", r.out());
    }

    @Test
    void badInputGivesOneLineAndANonZeroExit(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.root");
        Files.writeString(text, "these are not ROOT bytes\n", StandardCharsets.US_ASCII);
        assertOneLineError(CliRunner.run("root", "ls", text.toString()), ExitCodes.BAD_INPUT,
                "notes.root: not a ROOT file (starts with 74 68 65 73");
        byte[] full = Files.readAllBytes(Fixtures.path("root/uproot-simple.root"));
        Path cut = dir.resolve("cut.root");
        Files.write(cut, Arrays.copyOf(full, 3000));
        assertOneLineError(CliRunner.run("root", "ls", cut.toString()), ExitCodes.BAD_INPUT,
                "cut.root: truncated ROOT file: the header says it ends at byte 5614, the file has 3000 bytes");
        assertOneLineError(CliRunner.run("root", "ls", dir.resolve("missing.root").toString()), ExitCodes.IO,
                dir.resolve("missing.root") + ": no such file");
        assertOneLineError(CliRunner.run("root", "dump", fixture("uproot-HZZ.root") + ":event"), ExitCodes.BAD_INPUT,
                "uproot-HZZ.root: no key 'event' in directory '/'; closest: events");
        assertOneLineError(CliRunner.run("root", "dump", fixture("uproot-HZZ.root") + ":events", "--branches",
                "Muon_PX"), ExitCodes.BAD_INPUT, "uproot-HZZ.root: tree 'events' has no branch 'Muon_PX'; closest: Muon_Px");
        assertOneLineError(CliRunner.run("root", "hist", fixture("uproot-HZZ.root") + ":events"), ExitCodes.BAD_INPUT,
                "uproot-HZZ.root: 'events' is a TTree; root hist prints TH1, TH2 and TProfile");
        assertOneLineError(CliRunner.run("root", "dump", fixture("uproot-HZZ.root")), ExitCodes.USAGE,
                "'" + fixture("uproot-HZZ.root") + "': expected FILE:TREE");
    }

    @Test
    void corruptedBasketIsReportedWithItsBranch(@TempDir Path dir) throws IOException {
        byte[] b = Files.readAllBytes(Fixtures.path("root/uproot-HZZ.root"));
        JsonNode nmuon = null;
        for (JsonNode br : manifest("uproot-HZZ.root").get("trees").get(0).get("branches")) {
            if (br.get("name").asText().equals("NMuon")) {
                nmuon = br;
            }
        }
        int seek = nmuon.get("basket_seek").get(0).asInt();
        int bytes = nmuon.get("basket_bytes").get(0).asInt();
        b[seek + bytes - 20] ^= 0x33;
        Path bad = dir.resolve("bad.root");
        Files.write(bad, b);
        assertOneLineError(CliRunner.run("root", "dump", bad + ":events", "--branches", "NMuon"), ExitCodes.BAD_INPUT,
                "bad.root: tree 'events' branch 'NMuon' basket 0 @" + seek);
    }
}
