package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vbfann.ml.scan.Ranking;
import org.vbfann.plot.ChartFiles;
import org.vbfann.plot.RankingPlot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vbfann nn rank}: order the configurations of a scan (the guide's checkTrainings). */
@Command(name = "rank",
        header = "Rank the configurations of a scan by a test-split metric.",
        description = {
            "Reads every finished configuration of SCAN_DIR (a folder with metrics.json), drops those whose"
                + " training AUC exceeds the test AUC by more than --max-auc-gap (the guide's overtraining filter),"
                + " sorts the rest by --by (eps-purity: best signal efficiency x purity; significance: Asimov Z at"
                + " that cut from expected yields; auc) and prints the best --top with the same metric of the"
                + " reference discriminant beside it. Writes SCAN_DIR/ranking.csv (every kept configuration, best"
                + " first) and SCAN_DIR/ranking.png (the metric of every configuration in scan order)."})
public final class NnRankCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCAN_DIR", description = "The scan folder ('vbfann nn scan --out').")
    Path scan;

    @Option(names = "--by", defaultValue = "eps-purity", paramLabel = "eps-purity|significance|auc",
            description = "The metric (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--top", defaultValue = "10", paramLabel = "N", description = "Rows printed (default: ${DEFAULT-VALUE}; 0 for all).")
    int top;

    @Option(names = "--max-auc-gap", defaultValue = "0.01", paramLabel = "X",
            description = "Largest training-minus-test AUC kept (default: ${DEFAULT-VALUE}, the guide's 2-jet filter; 0.02 for 3 jets).")
    double maxAucGap;

    @Option(names = "--reference", defaultValue = "f_Djet_VAJHU", paramLabel = "NAME",
            description = "The reference discriminant compared with (default: ${DEFAULT-VALUE}, MELA; or f_D_jet).")
    String reference;

    @Option(names = "--json", description = "Print the ranking as a JSON object.")
    boolean json;

    /** A finished configuration: its folder name, settings and metrics. */
    private record Row(String id, JsonNode config, JsonNode training, JsonNode metrics) {
    }

    @Override
    public Integer call() {
        Ranking.Metric metric = Ranking.Metric.fromId(by);
        List<Row> rows = read();
        List<Ranking.Entry> entries = new ArrayList<>();
        Map<String, Row> byId = new HashMap<>();
        for (Row r : rows) {
            entries.add(new Ranking.Entry(r.id(), value(r.metrics().path("test").path("nn"), metric),
                    value(r.metrics().path("test").path(reference), metric), r.metrics().path("aucTrainMinusTest").asDouble()));
            byId.put(r.id(), r);
        }
        List<Ranking.Entry> kept = Ranking.rank(entries, maxAucGap, 0);
        writeCsv(kept, byId, metric);
        double[] values = new double[entries.size()];
        boolean[] keep = new boolean[entries.size()];
        double ref = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            values[i] = entries.get(i).value();
            keep[i] = kept.contains(entries.get(i));
            ref = Double.isNaN(ref) ? entries.get(i).reference() : ref;
        }
        ChartFiles.save(RankingPlot.chart("Scan " + scan.getFileName(), metric.id() + " (test)", values, keep, ref,
                reference), scan.resolve("ranking.png"));
        List<Ranking.Entry> shown = top > 0 && kept.size() > top ? kept.subList(0, top) : kept;
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = NnFiles.JSON.createObjectNode();
            o.put("by", metric.id()).put("reference", reference).put("configurations", rows.size())
                    .put("kept", kept.size());
            ArrayNode a = o.putArray("ranking");
            for (Ranking.Entry e : shown) {
                a.addObject().put("id", e.id()).put("value", e.value()).put("reference", e.reference())
                        .put("aucGap", e.aucGap());
            }
            JsonOutput.print(stdout, o);
        } else {
            stdout.printf(Locale.ROOT, "%d finished configurations, %d kept (train-test AUC gap <= %s), ranked by %s%n",
                    rows.size(), kept.size(), maxAucGap, metric.id());
            stdout.printf(Locale.ROOT, "%4s  %-10s %9s %9s %8s %7s %7s  %-12s %-10s %-6s %5s %5s %-8s %s%n", "rank", "id",
                    metric.id(), "ref", "delta", "AUC", "gap", "inputs", "layers", "act", "batch", "pat", "weight", "lr");
            for (int i = 0; i < shown.size(); i++) {
                Ranking.Entry e = shown.get(i);
                Row r = byId.get(e.id());
                JsonNode t = r.training();
                stdout.printf(Locale.ROOT, "%4d  %-10s %9.4f %9.4f %+8.4f %7.4f %7.4f  %-12s %-10s %-6s %5d %5d %-8s %s%n",
                        i + 1, e.id(), e.value(), e.reference(), e.advantage(),
                        r.metrics().path("test").path("nn").path("auc").asDouble(), e.aucGap(),
                        r.config().path("inputSet").asText("-"), layers(t), t.path("activation").asText(),
                        t.path("batchSize").asInt(), t.path("patience").asInt(), t.path("weighting").asText(),
                        t.path("learningRate").asText());
            }
            stdout.printf("wrote %s and %s%n", scan.resolve("ranking.csv"), scan.resolve("ranking.png"));
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    private static double value(JsonNode n, Ranking.Metric m) {
        JsonNode v = n.path(switch (m) {
            case EPS_PURITY -> "epsPurity";
            case SIGNIFICANCE -> "asimovZ";
            case AUC -> "auc";
        });
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static String layers(JsonNode training) {
        List<String> u = new ArrayList<>();
        training.path("hiddenLayers").forEach(v -> u.add(v.asText()));
        return String.join("-", u);
    }

    private List<Row> read() {
        if (!Files.isDirectory(scan)) {
            throw new CommandFailedException(scan + ": no such scan folder", ExitCodes.IO);
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(scan)) {
            dirs = s.filter(p -> Files.isRegularFile(p.resolve(TrainingRun.METRICS_FILE))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(scan + ": cannot list: " + e.getMessage(), e);
        }
        if (dirs.isEmpty()) {
            throw new CommandFailedException(scan + ": no finished configuration (no */" + TrainingRun.METRICS_FILE
                    + "); run 'vbfann nn scan' first", ExitCodes.BAD_INPUT);
        }
        List<Row> rows = new ArrayList<>();
        for (Path d : inScanOrder(dirs)) {
            JsonNode config = NnScanCommand.readJson(d.resolve(NnScanCommand.CONFIG_FILE));
            JsonNode model = NnScanCommand.readJson(d.resolve("model.json"));
            rows.add(new Row(d.getFileName().toString(), config, model.path("training"),
                    NnScanCommand.readMetrics(d)));
        }
        return rows;
    }

    /** The folders in the order of summary.csv (the scan's grid order) when there is one, else by name. */
    private List<Path> inScanOrder(List<Path> dirs) {
        Path summary = scan.resolve("summary.csv");
        if (!Files.isRegularFile(summary)) {
            return dirs;
        }
        List<String> ids;
        try (Stream<String> lines = Files.lines(summary)) {
            ids = lines.skip(1).map(l -> l.substring(0, Math.max(0, l.indexOf(',')))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(summary + ": cannot read: " + e.getMessage(), e);
        }
        List<Path> out = new ArrayList<>(dirs);
        out.sort(java.util.Comparator.comparingInt(p -> {
            int i = ids.indexOf(p.getFileName().toString());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return out;
    }

    private void writeCsv(List<Ranking.Entry> kept, Map<String, Row> byId, Ranking.Metric metric) {
        StringBuilder sb = new StringBuilder("rank,id," + metric.id() + ",reference_" + metric.id()
                + ",delta,auc,auc_gap,input_set,layers,activation,batch_size,patience,weighting,learning_rate\n");
        for (int i = 0; i < kept.size(); i++) {
            Ranking.Entry e = kept.get(i);
            Row r = byId.get(e.id());
            JsonNode t = r.training();
            sb.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,%d,%d,%s,%s%n", i + 1, e.id(), e.value(),
                    e.reference(), e.advantage(), r.metrics().path("test").path("nn").path("auc").asDouble(), e.aucGap(),
                    NnScanCommand.csv(r.config().path("inputSet").asText("")), layers(t), t.path("activation").asText(),
                    t.path("batchSize").asInt(), t.path("patience").asInt(), t.path("weighting").asText(),
                    t.path("learningRate").asText()));
        }
        NnFiles.writeAtomically(scan.resolve("ranking.csv"), sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
