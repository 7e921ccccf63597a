package org.vbfann.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NnScanCommandTest {
    @TempDir
    static Path dir;
    static String dataset;

    @BeforeAll
    static void data() {
        dataset = NnTrainCommandTest.buildDataset(dir).toString();
    }

    static String[] scanArgs(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("nn", "scan", "--dataset", dataset, "--out", out.toString(),
                "--inputs", "leptons=f_lept1_pt f_lept1_eta", "--inputs", "jets=mjj,detajj,f_jets_highpt_eta[0]",
                "--layers", "6", "--batch-size", "64", "--learning-rate", "0.01,1e300", "--optimizer", "sgd",
                "--no-standardize", "--max-epochs", "3", "--jobs", "2"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void scanSurvivesFailingConfigurationsReportsThemAndResumes() throws IOException {
        Path out = dir.resolve("scan");
        CliRunner.Result r = CliRunner.run(scanArgs(out));
        assertEquals(ExitCodes.FAILED_RESULT, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("4 configurations: 2 trained, 0 finished before, 2 failed"), r.out());
        assertTrue(r.out().contains("lr=1.0E300") && r.out().contains("lower the learning rate"), r.out());
        assertTrue(r.err().contains("scan"), r.err());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(5, summary.size());
        assertTrue(summary.get(0).startsWith("id,status,input_set,inputs,layers,"), summary.get(0));
        int failed = 0;
        for (String line : summary.subList(1, 5)) {
            String id = line.substring(0, line.indexOf(','));
            boolean bad = line.contains(",failed,");
            failed += bad ? 1 : 0;
            assertEquals(bad, Files.exists(out.resolve(id).resolve("error.txt")), line);
            assertEquals(!bad, Files.exists(out.resolve(id).resolve("metrics.json")), line);
            assertTrue(Files.exists(out.resolve(id).resolve("config.json")));
        }
        assertEquals(2, failed);
        CliRunner.Result again = CliRunner.run(scanArgs(out, "--json"));
        JsonNode j = new ObjectMapper().readTree(again.out());
        assertEquals(2, j.path("skipped").asInt());
        assertEquals(0, j.path("trained").asInt());
        assertEquals(2, j.path("failed").asInt());

        CliRunner.Result rank = CliRunner.run("nn", "rank", out.toString(), "--by", "auc", "--max-auc-gap", "1");
        assertEquals(0, rank.exitCode(), rank.err());
        assertTrue(rank.out().startsWith("2 finished configurations, 2 kept"), rank.out());
        List<String> ranking = Files.readAllLines(out.resolve("ranking.csv"));
        assertEquals(3, ranking.size());
        assertTrue(ranking.get(0).startsWith("rank,id,auc,reference_auc,delta"));
        double first = Double.parseDouble(ranking.get(1).split(",")[2]);
        double second = Double.parseDouble(ranking.get(2).split(",")[2]);
        assertTrue(first >= second);
        assertTrue(Files.size(out.resolve("ranking.png")) > 0);
        CliRunner.Result strict = CliRunner.run("nn", "rank", out.toString(), "--by", "significance", "--top", "1", "--json");
        JsonNode s = new ObjectMapper().readTree(strict.out());
        assertTrue(s.path("ranking").size() <= 1);
        CliRunner.Result bad = CliRunner.run("nn", "rank", out.toString(), "--by", "speed");
        assertEquals("vbfann: unknown ranking metric 'speed'; use eps-purity, significance or auc\n",
                bad.err().replace("\r", ""));
        CliRunner.Result empty = CliRunner.run("nn", "rank", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, empty.exitCode());
        assertTrue(empty.err().contains("no finished configuration"), empty.err());
    }

    @Test
    void gridFromYamlWithOptionsOverridingIt() throws IOException {
        Path yaml = dir.resolve("grid.yaml");
        Files.writeString(yaml, "inputs:\n  jets: [mjj, detajj]\nlayers: [\"4\", [3, 2]]\nbatch-size: 128\n"
                + "patience: [2]\nweighting: [event, balanced]\nmax-epochs: 2\n");
        Path out = dir.resolve("yaml");
        CliRunner.Result r = CliRunner.run("nn", "scan", "--dataset", dataset, "--out", out.toString(), "--grid",
                yaml.toString(), "--weighting", "yield", "--jobs", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("2 configurations: 2 trained"), r.out());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertTrue(summary.get(1).contains(",jets,2,4,relu,128,2,yield,"), summary.get(1));
        assertTrue(summary.get(2).contains(",jets,2,3-2,relu,128,2,yield,"), summary.get(2));
        String id = summary.get(1).substring(0, 10);
        assertEquals(2, new ObjectMapper().readTree(out.resolve(id).resolve("metrics.json").toFile()).path("epochs").asInt());

        Files.writeString(yaml, "batchsize: [32]\n");
        CliRunner.Result bad = CliRunner.run("nn", "scan", "--dataset", dataset, "--out", out.toString(), "--grid",
                yaml.toString());
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("unknown grid key 'batchsize'") && bad.err().contains("did you mean batch-size?"),
                bad.err());
    }

    @Test
    void condorJobsRunTheSameTrainingAsTheScan() throws IOException {
        Path out = dir.resolve("farm");
        Path condor = dir.resolve("condor");
        CliRunner.Result r = CliRunner.run(scanArgs(out, "--emit-condor", condor.toString()));
        assertEquals(0, r.exitCode(), r.err());
        String sub = Files.readString(condor.resolve("scan.sub"));
        assertTrue(sub.contains("executable   = jobs/$(config).sh") && sub.contains("queue config from configs.txt"), sub);
        List<String> ids = Files.readAllLines(condor.resolve("configs.txt"));
        assertEquals(4, ids.size());
        assertTrue(!Files.exists(out.resolve(ids.get(0)).resolve("metrics.json")));
        // run one job's command in-process, then the same configuration through the scan: same metrics
        String script = Files.readString(condor.resolve("jobs").resolve(ids.get(0) + ".sh"));
        List<String> args = shellWords(script.substring(script.indexOf("exec ") + 5).strip());
        assertEquals("vbfann", args.get(0));
        CliRunner.Result job = CliRunner.run(args.subList(1, args.size()).toArray(new String[0]));
        assertEquals(0, job.exitCode(), job.err());
        JsonNode fromJob = new ObjectMapper().readTree(out.resolve(ids.get(0)).resolve("metrics.json").toFile());
        Path local = dir.resolve("local");
        CliRunner.run(scanArgs(local));
        JsonNode fromScan = new ObjectMapper().readTree(local.resolve(ids.get(0)).resolve("metrics.json").toFile());
        assertEquals(fromScan.path("test"), fromJob.path("test"));
    }

    @Test
    void everyNewCommandAnswersHelp() {
        String[][] cmds = {{"dataset", "build"}, {"nn", "train"}, {"nn", "scan"}, {"nn", "rank"}};
        String[] headers = {"Build a training dataset", "Train a network on a dataset", "Train a grid of network",
            "Rank the configurations"};
        for (int i = 0; i < cmds.length; i++) {
            CliRunner.Result r = CliRunner.run(cmds[i][0], cmds[i][1], "--help");
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().startsWith(headers[i]), r.out());
        }
    }

    /** Splits a line of single-quoted words as sh would. */
    private static List<String> shellWords(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("'((?:[^']|'\\\\'')*)'").matcher(line);
        while (m.find()) {
            out.add(m.group(1).replace("'\\''", "'"));
        }
        return out;
    }
}
