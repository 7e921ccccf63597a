package org.vbfann.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vbfann.core.Axis;
import org.vbfann.core.Histogram1D;
import org.vbfann.core.Histogram2D;
import org.vbfann.rootio.KeyInfo;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.RootUnsupportedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vbfann root hist FILE:PATH}: print a histogram's bins. */
@Command(name = "hist",
        header = "Print the bins of a histogram (TH1, TH2, TProfile) as a table or JSON.",
        description = "Prints every cell of the histogram, under- and overflow included, with its edges, content "
            + "and error (sqrt of the sum of squared weights). A TProfile prints bin means and their errors.")
public final class RootHistCommand implements Runnable {
    /** Output formats. */
    enum Format { table, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file:path>",
            description = "The file and the histogram path inside it, e.g. shapes.root:ggH or f.root:dir/h;2.")
    String target;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Override
    public void run() {
        RootInputs.FileAndPath fp = RootInputs.split(target, "PATH");
        PrintWriter out = spec.commandLine().getOut();
        try (RootFile f = RootFile.open(fp.file())) {
            KeyInfo k = f.key(fp.path());
            boolean asJson = json || format == Format.json;
            if (k.className().startsWith("TH2")) {
                Histogram2D h = f.histogram2D(fp.path());
                if (asJson) {
                    JsonOutput.print(out, json(k, h.title(), h.entries(), h.xAxis(), h.yAxis(), h.contents(),
                            h.sumw2(), h.integral()));
                } else {
                    table2(out, k, h);
                }
            } else if (k.className().startsWith("TH1") || k.className().equals("TProfile")) {
                Histogram1D h = f.histogram1D(fp.path());
                if (asJson) {
                    JsonOutput.print(out, json(k, h.title(), h.entries(), h.axis(), null, h.contents(),
                            h.sumw2(), h.integral()));
                } else {
                    table1(out, k, h);
                }
            } else {
                throw new RootUnsupportedException(f.name() + ": '" + fp.path() + "' is a " + k.className()
                        + "; root hist prints TH1, TH2 and TProfile");
            }
            out.flush();
        }
    }

    private static Map<String, Object> head(KeyInfo k, String title, double entries) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", k.name());
        o.put("class", k.className());
        o.put("title", title);
        o.put("entries", entries);
        return o;
    }

    private static Map<String, Object> axis(Axis a) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("bins", a.bins());
        o.put("title", a.title());
        o.put("edges", a.edges());
        return o;
    }

    private static Map<String, Object> json(KeyInfo k, String title, double entries, Axis x, Axis y,
                                            double[] contents, double[] sumw2, double integral) {
        Map<String, Object> o = head(k, title, entries);
        o.put("x_axis", axis(x));
        if (y != null) {
            o.put("y_axis", axis(y));
        }
        o.put("layout", y == null ? "cell 0 underflow, 1..bins, bins+1 overflow"
                : "cell ix + (nx+2)*iy, 0 underflow, n+1 overflow");
        o.put("contents", contents);
        o.put("sumw2", sumw2);
        o.put("integral", integral);
        return o;
    }

    private static String edge(Axis a, int bin) {
        if (bin == 0) {
            return "-inf";
        }
        if (bin > a.bins() + 1) {
            return "+inf";
        }
        return fmt(a.lowEdge(bin));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void table1(PrintWriter out, KeyInfo k, Histogram1D h) {
        out.println(k.className() + " " + k.name() + "  \"" + h.title() + "\"  " + fmt(h.entries()) + " entries, integral "
                + fmt(h.integral()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"bin", "low", "high", "content", "error"});
        Axis a = h.axis();
        for (int b = 0; b <= a.bins() + 1; b++) {
            String name = b == 0 ? "under" : b == a.bins() + 1 ? "over" : Integer.toString(b);
            rows.add(new String[] {name, edge(a, b), edge(a, b + 1), fmt(h.content(b)), fmt(h.error(b))});
        }
        print(out, rows);
    }

    private static void table2(PrintWriter out, KeyInfo k, Histogram2D h) {
        out.println(k.className() + " " + k.name() + "  \"" + h.title() + "\"  " + fmt(h.entries()) + " entries, integral "
                + fmt(h.integral()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ix", "iy", "x low", "x high", "y low", "y high", "content", "error"});
        Axis x = h.xAxis();
        Axis y = h.yAxis();
        for (int iy = 0; iy <= y.bins() + 1; iy++) {
            for (int ix = 0; ix <= x.bins() + 1; ix++) {
                rows.add(new String[] {Integer.toString(ix), Integer.toString(iy), edge(x, ix), edge(x, ix + 1),
                    edge(y, iy), edge(y, iy + 1), fmt(h.content(ix, iy)), fmt(h.error(ix, iy))});
            }
        }
        print(out, rows);
    }

    private static void print(PrintWriter out, List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(i == 0 ? "" : "  ").append(String.format("%" + w[i] + "s", r[i]));
            }
            out.println(sb);
        }
    }
}
