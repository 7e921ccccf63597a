package org.vbfann.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vbfann.core.Axis;
import org.vbfann.rootio.BranchInfo;
import org.vbfann.rootio.KeyInfo;
import org.vbfann.rootio.RootDirectory;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.RootIoException;
import org.vbfann.rootio.TreeReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vbfann root ls FILE}: the keys of a ROOT file, like {@code rootls -t}. */
@Command(name = "ls",
        header = "List the keys of a ROOT file: classes, trees with their branches, histograms.",
        description = "Lists every key of the file, directories included, with its class, cycle and title. Trees "
            + "show their entries and each branch with its type; histograms their binning. Works without ROOT.")
public final class RootLsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file>", description = "The ROOT file to list.")
    Path file;

    @Option(names = "--json", description = "Print the listing as one JSON object instead of text.")
    boolean json;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        try (RootFile f = RootFile.open(file)) {
            List<Map<String, Object>> keys = new ArrayList<>();
            walk(f, f.directory(""), keys);
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("file", file.toString());
                o.put("size", f.size());
                o.put("root_version", RootInputs.rootVersion(f.header().rootVersion()));
                o.put("compress", f.header().compress());
                o.put("keys", keys);
                JsonOutput.print(out, o);
                return;
            }
            out.println(file + "  (ROOT " + RootInputs.rootVersion(f.header().rootVersion()) + ", " + f.size()
                    + " bytes, compression " + f.header().compress() + ")");
            for (Map<String, Object> k : keys) {
                printKey(out, k);
            }
            out.flush();
        }
    }

    private static void walk(RootFile f, RootDirectory dir, List<Map<String, Object>> out) {
        for (KeyInfo k : dir.keys()) {
            String path = dir.path().isEmpty() ? k.name() : dir.path() + "/" + k.name();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("path", path);
            o.put("cycle", k.cycle());
            o.put("class", k.className());
            o.put("title", k.title());
            o.put("bytes", k.nbytes());
            out.add(o);
            String nameCycle = path + ";" + k.cycle();
            try {
                if (k.isDirectory()) {
                    walk(f, dir.directory(k.nameCycle()), out);
                } else if (k.isTree()) {
                    describeTree(f.tree(nameCycle), o);
                } else if (k.className().startsWith("TH2")) {
                    var h = f.histogram2D(nameCycle);
                    o.put("entries", h.entries());
                    o.put("x_axis", axis(h.xAxis()));
                    o.put("y_axis", axis(h.yAxis()));
                } else if (k.className().startsWith("TH1") || k.className().startsWith("TProfile")) {
                    var h = f.histogram1D(nameCycle);
                    o.put("entries", h.entries());
                    o.put("x_axis", axis(h.axis()));
                }
            } catch (RootIoException e) {
                o.put("error", e.getMessage());
            }
        }
    }

    private static void describeTree(TreeReader t, Map<String, Object> o) {
        o.put("entries", t.entries());
        List<Map<String, Object>> branches = new ArrayList<>();
        for (BranchInfo b : t.branches()) {
            Map<String, Object> bo = new LinkedHashMap<>();
            bo.put("name", b.name());
            bo.put("type", b.typeLabel());
            bo.put("kind", b.kind().label());
            bo.put("root_type", b.rootType());
            bo.put("leaf_class", b.leafClass());
            if (b.counter() != null) {
                bo.put("counter", b.counter());
            }
            if (b.unsupported() != null) {
                bo.put("unsupported", b.unsupported());
            }
            branches.add(bo);
        }
        o.put("branches", branches);
    }

    private static Map<String, Object> axis(Axis a) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("bins", a.bins());
        o.put("min", a.min());
        o.put("max", a.max());
        o.put("variable", a.isVariable());
        o.put("title", a.title());
        return o;
    }

    @SuppressWarnings("unchecked")
    private static void printKey(PrintWriter out, Map<String, Object> k) {
        String path = (String) k.get("path");
        int depth = path.split("/").length - 1;
        String indent = "  ".repeat(depth);
        StringBuilder line = new StringBuilder(indent).append(String.format("%-12s %s;%s", k.get("class"),
                path.substring(path.lastIndexOf('/') + 1), k.get("cycle")));
        if (!((String) k.get("title")).isEmpty()) {
            line.append("  \"").append(k.get("title")).append('"');
        }
        if (k.containsKey("branches")) {
            line.append("  ").append(k.get("entries")).append(" entries");
        }
        if (k.containsKey("x_axis")) {
            line.append("  ").append(axisText((Map<String, Object>) k.get("x_axis")));
            if (k.containsKey("y_axis")) {
                line.append(" x ").append(axisText((Map<String, Object>) k.get("y_axis")));
            }
            line.append(", ").append(number((Double) k.get("entries"))).append(" entries");
        }
        out.println(line);
        if (k.containsKey("error")) {
            out.println(indent + "  ! " + k.get("error"));
        }
        if (k.containsKey("branches")) {
            List<Map<String, Object>> bs = (List<Map<String, Object>>) k.get("branches");
            int width = 4;
            for (Map<String, Object> b : bs) {
                width = Math.max(width, ((String) b.get("name")).length());
            }
            for (Map<String, Object> b : bs) {
                out.println(indent + "  " + String.format("%-" + width + "s  %-18s %s", b.get("name"), b.get("type"),
                        b.get("root_type")) + (b.containsKey("unsupported") ? "  (" + b.get("unsupported") + ")" : ""));
            }
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String axisText(Map<String, Object> a) {
        return a.get("bins") + " bins [" + number((Double) a.get("min")) + ", " + number((Double) a.get("max")) + "]"
                + (Boolean.TRUE.equals(a.get("variable")) ? " variable" : "");
    }
}
