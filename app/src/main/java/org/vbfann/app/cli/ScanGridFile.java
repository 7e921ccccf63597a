package org.vbfann.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vbfann.core.NameSuggestions;

/**
 * A scan grid written as YAML, the file form of {@code nn scan}'s options:
 * <pre>
 * inputs:                       # input sets: name -> features (or a list of lists, named set1, set2, ...)
 *   leptons+jets: [f_lept1_pt, f_lept1_eta, f_jets_highpt_pt[0], ...]
 * layers: ["36 18 9", "21 13 8", [30]]
 * batch-size: [32, 128]
 * patience: [10, 100]
 * weighting: [event, yield]
 * activation: [relu, selu]
 * learning-rate: 0.001
 * max-epochs: 200               # fixed settings: max-epochs, optimizer, dropout, l2, negative-weights,
 * seed: 1                       #   standardize, seed, groups
 * </pre>
 * Each axis is a value or a list of values, written as on the command line.
 */
final class ScanGridFile {
    /** The grid axes a file may list. */
    static final List<String> AXES = List.of("inputs", "layers", "batch-size", "patience", "weighting", "activation",
            "learning-rate");
    /** The fixed settings a file may give (options of the same names). */
    static final List<String> FIXED = List.of("max-epochs", "optimizer", "dropout", "l2", "negative-weights",
            "standardize", "seed", "groups");

    /** Input sets, name to features, in file order. */
    final Map<String, List<String>> inputs = new LinkedHashMap<>();
    /** Axis name to its values as text, in file order (for every axis but inputs). */
    final Map<String, List<String>> axes = new LinkedHashMap<>();
    /** Fixed option name to its value(s) as text. */
    final Map<String, List<String>> fixed = new LinkedHashMap<>();

    private ScanGridFile() {
    }

    /**
     * Reads a grid file.
     *
     * @throws CommandFailedException for invalid YAML or an unknown key (with the closest known keys)
     */
    static ScanGridFile read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new CommandFailedException(file + ": not a valid YAML grid: " + e.getMessage().split("\n")[0],
                    ExitCodes.BAD_INPUT, e);
        }
        ScanGridFile g = new ScanGridFile();
        if (root == null || !root.isObject()) {
            throw new CommandFailedException(file + ": a grid file is a YAML mapping of " + AXES + " and " + FIXED,
                    ExitCodes.BAD_INPUT);
        }
        List<String> known = new ArrayList<>(AXES);
        known.addAll(FIXED);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!known.contains(key)) {
                throw new CommandFailedException(file + ": unknown grid key '" + key + "'; keys are " + known
                        + NameSuggestions.didYouMean(key, known), ExitCodes.BAD_INPUT);
            }
            if (key.equals("inputs")) {
                readInputs(file, e.getValue(), g.inputs);
            } else {
                (AXES.contains(key) ? g.axes : g.fixed).put(key, values(e.getValue(), key.equals("layers")));
            }
        }
        return g;
    }

    private static void readInputs(Path file, JsonNode n, Map<String, List<String>> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> out.put(e.getKey(), values(e.getValue(), false)));
        } else if (n.isArray() && n.size() > 0 && n.get(0).isArray()) {
            int k = 1;
            for (JsonNode set : n) {
                out.put("set" + k++, values(set, false));
            }
        } else {
            throw new CommandFailedException(file + ": 'inputs' must map set names to feature lists, or list feature"
                    + " lists", ExitCodes.BAD_INPUT);
        }
    }

    /** A scalar or a list as text values; with {@code layers}, a list of numbers is one layout "36 18 9". */
    private static List<String> values(JsonNode n, boolean layers) {
        List<String> out = new ArrayList<>();
        if (!n.isArray()) {
            out.add(n.asText());
            return out;
        }
        for (JsonNode v : n) {
            if (v.isArray()) {
                List<String> units = new ArrayList<>();
                v.forEach(u -> units.add(u.asText()));
                out.add(String.join(" ", units));
            } else {
                out.add(v.asText());
            }
        }
        if (layers && !out.isEmpty() && n.get(0).isNumber()) {
            return List.of(String.join(" ", out));
        }
        return out;
    }
}
