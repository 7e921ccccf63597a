package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.EventTable;
import org.vbfann.physics.gen.FinalState;
import org.vbfann.physics.gen.GeneratedSample;
import org.vbfann.physics.gen.GeneratorSettings;
import org.vbfann.physics.gen.NtupleSchema;
import org.vbfann.physics.gen.SampleSpec;
import org.vbfann.physics.gen.SyntheticNtuples;
import org.vbfann.rootio.BranchInfo;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.TreeReader;

/** {@code vbfann generate} writes the original layout, and the files read back as generated. */
class GenerateCommandTest {
    private static final double SCALE = 0.01;
    private static final double LUMI = 3.59;
    @TempDir
    static Path dir;
    private static CliRunner.Result run;

    @BeforeAll
    static void generate() {
        // a tenth of 2016's luminosity keeps the Z+X data (whose size is physical, not scaled) small
        run = CliRunner.run("generate", "--out", dir.toString(), "--scale", String.valueOf(SCALE), "--seed", "5",
                "--lumi", String.valueOf(LUMI), "--json");
    }

    @Test
    void writesEveryFileOfTheLayoutAndASummary() throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        JsonNode o = NnFiles.JSON.readTree(run.out());
        assertEquals(36, o.get("files").asInt(), "10 datasets x 3 final states, 3 Z+X files, 3 data_obs");
        // yields scale with the luminosity: Z+X 5.08 at 35.9/fb (spec §3.5)
        assertEquals(0.508, o.get("vbf_sr_expected").get("ZX").asDouble(), 0.06);
        assertEquals(0.302, o.get("vbf_sr_expected").get("qqH").asDouble(), 0.1);
        for (FinalState fs : FinalState.values()) {
            assertTrue(Files.isRegularFile(dir.resolve(fs.directory()).resolve("output_data_obs.root")), fs.label());
            assertTrue(Files.isRegularFile(dir.resolve(fs.directory())
                    .resolve("output_VBF_HToZZTo4L_M125_13TeV_powheg2_JHUgenV6_pythia8.root")));
        }
        assertTrue(Files.isRegularFile(dir.resolve("histos4e_25ns/output_GluGluToContinToZZTo4e_13TeV_MCFM701_pythia8.root")));
        JsonNode truth = NnFiles.JSON.readTree(dir.resolve("truth.json").toFile());
        assertEquals(5, truth.get("settings").get("seed").asLong());
        assertEquals(3.02, truth.get("processes").get("qqH").get("published_vbf_sr_4l").asDouble());
        assertTrue(truth.get("zplusx").get("fake_rates").asText().startsWith("electron:"));
        try (var list = Files.list(dir)) {
            assertTrue(list.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void aWrittenTreeReadsBackAsTheGeneratedTable() {
        SyntheticNtuples gen = new SyntheticNtuples(new GeneratorSettings(LUMI, 5, SCALE, 1));
        SampleSpec spec = gen.mcSamples().get(0);
        GeneratedSample expected = gen.generate(spec);
        Path file = dir.resolve(spec.finalState().directory()).resolve("output_" + spec.datasetName() + ".root");
        try (RootFile f = RootFile.open(file)) {
            TreeReader t = f.tree(NtupleSchema.REDUCED_TREE);
            assertEquals(expected.table().entries(), t.entries());
            List<BranchInfo> branches = t.branches();
            assertEquals(NtupleSchema.reducedTree().size(), branches.size());
            for (int i = 0; i < branches.size(); i++) {
                NtupleSchema.Branch b = NtupleSchema.reducedTree().get(i);
                assertEquals(b.name(), branches.get(i).name());
                assertEquals(b.type(), branches.get(i).type(), b.name());
                assertArrayEquals(b.shape(), branches.get(i).fixedShape(), b.name());
            }
            EventTable back = t.read(List.of("f_mass4l", "f_jets_highpt_pt", "f_weight", "f_outlier", NtupleSchema.TRUTH_LR));
            assertArrayEquals(expected.table().column("f_mass4l").floats(), back.column("f_mass4l").floats());
            assertArrayEquals(expected.table().column("f_jets_highpt_pt").floats(), back.column("f_jets_highpt_pt").floats());
            assertArrayEquals(expected.table().column("f_weight").floats(), back.column("f_weight").floats());
            assertArrayEquals(expected.table().column("f_outlier").bytes(), back.column("f_outlier").bytes());
            assertArrayEquals(expected.table().column(NtupleSchema.TRUTH_LR).doubles(), back.column(NtupleSchema.TRUTH_LR).doubles());
        }
        try (RootFile f = RootFile.open(dir.resolve("ZplusX/ZplusX_DataRunIISummer16_03Feb2017.root"))) {
            // 4 × (20 000 fake + 300 prompt) probes and ~48 000 control-region candidates at 35.9/fb, a tenth here
            assertEquals(8120, f.tree(NtupleSchema.FAKE_RATE_TREE).entries(), 5 * Math.sqrt(8120));
            assertTrue(f.tree(NtupleSchema.CONTROL_REGIONS_TREE).entries() > 3000);
        }
    }

    @Test
    void theSameSeedGivesByteIdenticalFiles(@TempDir Path again) throws Exception {
        CliRunner.Result second = CliRunner.run("generate", "--out", again.toString(), "--scale",
                String.valueOf(SCALE), "--seed", "5", "--lumi", String.valueOf(LUMI), "--json");
        assertEquals(0, second.exitCode(), second.err());
        List<Path> files;
        try (var walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".root")).sorted().toList();
        }
        assertTrue(files.size() > 30, "files: " + files.size());
        for (Path f : files) {
            Path other = again.resolve(dir.relativize(f));
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), "differs: " + dir.relativize(f));
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("truth.json")), Files.readAllBytes(again.resolve("truth.json")));
    }

    @Test
    void badSettingsAreUsageErrorsWithTheValue() {
        CliRunner.Result r = CliRunner.run("generate", "--out", dir.resolve("x").toString(), "--scale", "-1");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("vbfann: scale must be a positive number, got -1.0\n", r.err());
    }
}
