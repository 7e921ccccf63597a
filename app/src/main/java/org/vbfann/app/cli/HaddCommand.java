package org.vbfann.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vbfann.core.Histogram1D;
import org.vbfann.core.Histogram2D;
import org.vbfann.rootio.KeyInfo;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.TreeCopier;
import org.vbfann.rootio.TreeWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vbfann root hadd OUT IN...}: merges files like ROOT's hadd. */
@Command(name = "hadd",
        header = "Merge ROOT files: trees concatenated, histograms of the same path summed.",
        description = {
            "Writes OUT with every directory, tree and histogram found in the inputs (the highest cycle of each "
                + "key). A tree present in several inputs is concatenated in input order, its baskets copied as "
                + "stored; its branches must be the same in every input. TH1 and TH2 histograms of the same path "
                + "are added bin by bin, with their squared weights. Other objects are left out and listed."})
public final class HaddCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<out>", description = "The merged file to write.")
    Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<in>", description = "The files to merge.")
    List<Path> inputs;

    @CommandLine.Mixin
    RootOutputOptions output;

    private final List<Map<String, Object>> trees = new ArrayList<>();
    private final List<String> histograms = new ArrayList<>();
    private final List<Map<String, Object>> skipped = new ArrayList<>();

    @Override
    public Integer call() {
        output.checkOutput(out);
        List<RootFile> files = new ArrayList<>();
        try {
            for (Path p : inputs) {
                files.add(RootFile.open(p));
            }
            RootFileWriter w = RootFileWriter.create(out, output.writeOptions());
            try {
                merge("", files, w);
                w.close();
            } catch (RuntimeException e) {
                w.abort();
                throw e;
            }
        } finally {
            for (RootFile f : files) {
                f.close();
            }
        }
        report();
        return ExitCodes.OK;
    }

    private void merge(String dir, List<RootFile> files, RootFileWriter w) {
        Map<String, String> classes = new LinkedHashMap<>();
        for (RootFile f : files) {
            if (dir.isEmpty() || f.has(dir)) {
                for (KeyInfo k : f.directory(dir).keys()) {
                    classes.putIfAbsent(k.name(), k.className());
                }
            }
        }
        for (Map.Entry<String, String> e : classes.entrySet()) {
            String path = dir.isEmpty() ? e.getKey() : dir + "/" + e.getKey();
            List<RootFile> having = new ArrayList<>();
            for (RootFile f : files) {
                if (f.has(path)) {
                    having.add(f);
                }
            }
            KeyInfo first = having.get(0).key(path);
            String cls = first.className();
            for (RootFile f : having) {
                KeyInfo k = f.key(path);
                if (k.isDirectory() != first.isDirectory() || k.isTree() != first.isTree()
                        || !first.isDirectory() && !first.isTree() && !k.className().equals(cls)) {
                    throw new CommandFailedException("cannot merge '" + path + "': it is a " + cls + " in "
                            + having.get(0).name() + " but a " + k.className() + " in " + f.name(),
                            ExitCodes.BAD_INPUT);
                }
            }
            if (first.isDirectory()) {
                w.mkdirs(path);
                merge(path, having, w);
            } else if (first.isTree()) {
                mergeTree(path, having, w);
            } else if (cls.startsWith("TH1") || cls.startsWith("TH2")) {
                mergeHistogram(path, cls, having, w);
            } else {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("path", path);
                s.put("class", cls);
                skipped.add(s);
            }
        }
    }

    private void mergeTree(String path, List<RootFile> having, RootFileWriter w) {
        long entries = 0;
        int copied = 0;
        int rewritten = 0;
        TreeCopier firstCopier = new TreeCopier(having.get(0), path);
        try (TreeWriter t = w.tree(path, having.get(0).tree(path).title(), firstCopier.specs())) {
            for (RootFile f : having) {
                TreeCopier.Result r = new TreeCopier(f, path)
                        .listener(output.progress(spec.commandLine().getErr(), "hadd " + f.name() + ":" + path))
                        .appendTo(t);
                entries += r.entries();
                copied += r.basketsCopied();
                rewritten += r.basketsRewritten();
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("path", path);
        s.put("inputs", having.size());
        s.put("entries", entries);
        s.put("baskets_copied", copied);
        s.put("baskets_rewritten", rewritten);
        trees.add(s);
    }

    private void mergeHistogram(String path, String cls, List<RootFile> having, RootFileWriter w) {
        boolean asFloat = cls.equals("TH1F") || cls.equals("TH2F");
        if (cls.startsWith("TH1")) {
            Histogram1D sum = having.get(0).histogram1D(path);
            for (int i = 1; i < having.size(); i++) {
                sum.add(having.get(i).histogram1D(path));
            }
            w.put(path, sum, asFloat);
        } else {
            Histogram2D sum = having.get(0).histogram2D(path);
            for (int i = 1; i < having.size(); i++) {
                sum.add(having.get(i).histogram2D(path));
            }
            w.put(path, sum, asFloat);
        }
        histograms.add(path);
    }

    private void report() {
        if (output.json) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("output", out.toString());
            r.put("inputs", inputs.stream().map(Path::toString).toList());
            r.put("trees", trees);
            r.put("histograms", histograms);
            r.put("skipped", skipped);
            JsonOutput.print(spec.commandLine().getOut(), r);
            return;
        }
        var o = spec.commandLine().getOut();
        for (Map<String, Object> t : trees) {
            o.printf("tree %s: %d entries from %d files (%d baskets copied, %d re-encoded)%n", t.get("path"),
                    t.get("entries"), t.get("inputs"), t.get("baskets_copied"), t.get("baskets_rewritten"));
        }
        for (String h : histograms) {
            o.printf("histogram %s: summed%n", h);
        }
        for (Map<String, Object> s : skipped) {
            o.printf("skipped %s (%s): not merged by vbfann%n", s.get("path"), s.get("class"));
        }
        o.printf("wrote %s%n", out);
        o.flush();
    }
}
