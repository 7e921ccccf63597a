package org.vbfann.physics.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vbfann.core.AtomicFiles;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.rootio.BranchSpec;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.TreeReader;
import org.vbfann.rootio.TreeWriter;
import org.vbfann.rootio.WriteOptions;

/**
 * The dataset on disk: {@value #ROOT_FILE} with one flat tree per split ({@code train}, {@code validation},
 * {@code test}; branches: one float per feature, {@code weight} (double), {@code process} and
 * {@code final_state} (int ids) and the reference discriminants as doubles) and {@value #JSON_FILE}
 * (format {@value #FORMAT}): the spec, feature names and columns, processes with their yields, and the
 * reference discriminants. Both files are written to temporary names and renamed, JSON last, so a folder with
 * {@value #JSON_FILE} holds a complete dataset.
 */
public final class DatasetFiles {
    /** The trees' file in a dataset folder. */
    public static final String ROOT_FILE = "dataset.root";
    /** The metadata file in a dataset folder. */
    public static final String JSON_FILE = "dataset.json";
    /** The {@code format} field of {@value #JSON_FILE}. */
    public static final String FORMAT = "vbfann-dataset";
    /** The {@code formatVersion} field written. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DatasetFiles() {
    }

    /**
     * Writes {@code d} into folder {@code dir} (created if needed).
     *
     * @throws UncheckedIOException if a file cannot be written (no complete dataset is left then)
     */
    public static void write(Dataset d, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot create dataset folder: " + e.getMessage(), e);
        }
        Path json = dir.resolve(JSON_FILE);
        try {
            Files.deleteIfExists(json);
        } catch (IOException e) {
            throw new UncheckedIOException(json + ": cannot replace: " + e.getMessage(), e);
        }
        List<BranchSpec> specs = new ArrayList<>();
        for (Dataset.Feature f : d.features()) {
            specs.add(BranchSpec.scalar(f.column(), ElementType.FLOAT32));
        }
        specs.add(BranchSpec.scalar("weight", ElementType.FLOAT64));
        specs.add(BranchSpec.scalar("process", ElementType.INT32));
        specs.add(BranchSpec.scalar("final_state", ElementType.INT32));
        for (String r : d.references()) {
            specs.add(BranchSpec.scalar(r, ElementType.FLOAT64));
        }
        try (RootFileWriter w = RootFileWriter.create(dir.resolve(ROOT_FILE), WriteOptions.defaults())) {
            for (Dataset.Split s : d.splits()) {
                try (TreeWriter t = w.tree(s.name(), s.name() + " split of a vbfann dataset", specs)) {
                    t.fill(table(d, s));
                }
            }
        }
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(toJson(d));
        } catch (IOException e) {
            throw new UncheckedIOException(json + ": cannot encode: " + e.getMessage(), e);
        }
        AtomicFiles.write(json, bytes);
    }

    private static EventTable table(Dataset d, Dataset.Split s) {
        int nf = d.features().size();
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < nf; j++) {
            float[] v = new float[s.rows()];
            for (int r = 0; r < s.rows(); r++) {
                v[r] = s.x()[r * nf + j];
            }
            cols.add(Column.ofFloats(d.features().get(j).column(), v));
        }
        cols.add(Column.ofDoubles("weight", s.weight()));
        cols.add(Column.ofInts("process", s.process()));
        cols.add(Column.ofInts("final_state", s.finalState()));
        for (int q = 0; q < d.references().size(); q++) {
            cols.add(Column.ofDoubles(d.references().get(q), s.reference()[q]));
        }
        return EventTable.of(s.rows(), cols);
    }

    /** The metadata document of a dataset. */
    public static ObjectNode toJson(Dataset d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        root.put("file", ROOT_FILE);
        DatasetSpec s = d.spec();
        ObjectNode spec = root.putObject("spec");
        spec.set("keys", JSON.valueToTree(s.keys()));
        spec.set("tags", JSON.valueToTree(s.tags()));
        spec.set("signal", JSON.valueToTree(s.signal()));
        spec.put("selection", s.selection() == null ? "" : s.selection());
        spec.put("njetsMin", s.njetsMin());
        spec.put("njetsExact", s.njetsExact());
        spec.set("split", JSON.valueToTree(s.split()));
        spec.put("seed", s.seed());
        spec.put("tree", s.tree());
        spec.put("weight", s.weight());
        if (s.maxEventsPerKey() != DatasetSpec.ALL_EVENTS) {
            spec.put("maxEventsPerKey", s.maxEventsPerKey());
        }
        if (s.zplusX() != null) {
            spec.putObject("zplusX").put("key", s.zplusX().key()).put("fakeRates", s.zplusX().fakeRates().toString())
                    .put("yield", s.zplusX().yield());
        }
        ArrayNode feats = root.putArray("features");
        for (Dataset.Feature f : d.features()) {
            feats.addObject().put("name", f.name()).put("column", f.column());
        }
        root.set("references", JSON.valueToTree(d.references()));
        root.set("finalStates", JSON.valueToTree(FileAssignment.FINAL_STATES));
        ArrayNode procs = root.putArray("processes");
        for (Dataset.ProcessSummary p : d.processes()) {
            ObjectNode o = procs.addObject();
            o.put("key", p.key()).put("signal", p.signal()).put("files", p.files())
                    .put("eventsBefore", p.eventsBefore()).put("sumWeightsBefore", p.sumWBefore())
                    .put("eventsAfter", p.eventsAfter()).put("sumWeightsAfter", p.sumWAfter());
            ObjectNode splits = o.putObject("splits");
            for (int k = 0; k < 3; k++) {
                splits.putObject(DatasetSpec.SPLITS.get(k)).put("events", p.splitEvents()[k])
                        .put("sumWeights", p.splitSumW()[k]);
            }
        }
        return root;
    }

    /**
     * Reads the dataset in folder {@code dir}.
     *
     * @throws DatasetException if the folder holds no dataset or its files disagree
     */
    public static Dataset read(Path dir) {
        Path json = dir.resolve(JSON_FILE);
        if (!Files.isRegularFile(json)) {
            throw new DatasetException(dir + ": no " + JSON_FILE + " here; build a dataset with 'vbfann dataset build'");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new DatasetException(json + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(root.path("format").asText()) || root.path("formatVersion").asInt() != VERSION) {
            throw new DatasetException(json + ": format '" + root.path("format").asText() + "' version "
                    + root.path("formatVersion").asText() + ", expected '" + FORMAT + "' version " + VERSION);
        }
        JsonNode s = root.path("spec");
        double[] split = new double[3];
        for (int k = 0; k < 3; k++) {
            split[k] = s.path("split").path(k).asDouble();
        }
        List<Dataset.Feature> feats = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            feats.add(new Dataset.Feature(f.path("name").asText(), f.path("column").asText()));
        }
        DatasetSpec spec = new DatasetSpec(strings(s.path("keys")), strings(s.path("tags")), strings(s.path("signal")),
                s.path("selection").asText(), s.path("njetsMin").asInt(), s.path("njetsExact").asBoolean(),
                feats.stream().map(Dataset.Feature::name).toList(), split, s.path("seed").asLong(),
                s.path("tree").asText(), s.path("weight").asText(),
                s.has("maxEventsPerKey") ? s.path("maxEventsPerKey").asLong() : DatasetSpec.ALL_EVENTS,
                s.has("zplusX") ? new ZplusXTraining(s.path("zplusX").path("key").asText(),
                        Path.of(s.path("zplusX").path("fakeRates").asText()), s.path("zplusX").path("yield").asDouble())
                        : null);
        List<Dataset.ProcessSummary> procs = new ArrayList<>();
        for (JsonNode p : root.path("processes")) {
            long[] se = new long[3];
            double[] sw = new double[3];
            for (int k = 0; k < 3; k++) {
                JsonNode sp = p.path("splits").path(DatasetSpec.SPLITS.get(k));
                se[k] = sp.path("events").asLong();
                sw[k] = sp.path("sumWeights").asDouble();
            }
            procs.add(new Dataset.ProcessSummary(p.path("key").asText(), p.path("signal").asBoolean(),
                    p.path("files").asInt(), p.path("eventsBefore").asLong(), p.path("sumWeightsBefore").asDouble(),
                    p.path("eventsAfter").asLong(), p.path("sumWeightsAfter").asDouble(), se, sw));
        }
        List<String> refs = strings(root.path("references"));
        List<Dataset.Split> splits = new ArrayList<>();
        try (RootFile rf = RootFile.open(dir.resolve(root.path("file").asText(ROOT_FILE)))) {
            for (String name : DatasetSpec.SPLITS) {
                splits.add(readSplit(rf, name, feats, refs));
            }
        }
        return new Dataset(spec, feats, procs, refs, splits);
    }

    private static Dataset.Split readSplit(RootFile rf, String name, List<Dataset.Feature> feats, List<String> refs) {
        if (!rf.has(name)) {
            throw new DatasetException(rf.name() + ": no tree '" + name + "'; a dataset has trees " + DatasetSpec.SPLITS);
        }
        TreeReader t = rf.tree(name);
        List<String> cols = new ArrayList<>();
        feats.forEach(f -> cols.add(f.column()));
        cols.addAll(List.of("weight", "process", "final_state"));
        cols.addAll(refs);
        for (String c : cols) {
            if (!t.has(c)) {
                throw new DatasetException(rf.name() + ": tree '" + name + "' has no branch '" + c + "', which "
                        + JSON_FILE + " lists; rebuild the dataset");
            }
        }
        EventTable table = t.read(cols);
        int n = table.entries();
        int nf = feats.size();
        float[] x = new float[n * nf];
        for (int j = 0; j < nf; j++) {
            float[] v = table.column(feats.get(j).column()).floats();
            for (int r = 0; r < n; r++) {
                x[r * nf + j] = v[r];
            }
        }
        double[][] ref = new double[refs.size()][];
        for (int q = 0; q < ref.length; q++) {
            ref[q] = table.column(refs.get(q)).doubles();
        }
        return new Dataset.Split(name, n, x, table.column("weight").doubles(), table.column("process").ints(),
                table.column("final_state").ints(), ref);
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }
}
