package org.vbfann.app.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vbfann.core.Column;
import org.vbfann.core.EventTable;
import org.vbfann.rootio.RootFile;
import org.vbfann.rootio.TreeReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vbfann root dump FILE:TREE}: print tree entries. */
@Command(name = "dump",
        header = "Print the entries of a tree as a table, CSV or JSON.",
        description = "Reads the chosen branches of a TTree, TNtuple or TNtupleD and prints the first entries, one "
            + "row per entry. Arrays print as [a, b, c]; leaf-list leaves as branch.leaf columns.")
public final class RootDumpCommand implements Runnable {
    /** Output formats. */
    enum Format { table, csv, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file:tree>",
            description = "The file and the tree path inside it, e.g. data.root:events or f.root:dir/tree;2.")
    String target;

    @Option(names = "--branches", split = ",", paramLabel = "<branch>",
            description = "The branches to print (comma-separated or repeated); all readable ones by default.")
    List<String> branches = new ArrayList<>();

    @Option(names = "--entries", paramLabel = "<n>", defaultValue = "20",
            description = "How many entries to print from the start (default: ${DEFAULT-VALUE}); 0 for all.")
    long entries;

    @Option(names = "--start", paramLabel = "<entry>", defaultValue = "0",
            description = "The first entry to print (default: ${DEFAULT-VALUE}).")
    long start;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Override
    public void run() {
        RootInputs.FileAndPath fp = RootInputs.split(target, "TREE");
        if (entries < 0 || start < 0) {
            throw new CommandFailedException("--entries and --start must be >= 0", ExitCodes.USAGE);
        }
        try (RootFile f = RootFile.open(fp.file())) {
            TreeReader t = f.tree(fp.path());
            long from = Math.min(start, t.entries());
            long stop = entries == 0 ? t.entries() : Math.min(t.entries(), from + entries);
            EventTable table = t.read(branches, from, stop);
            PrintWriter out = spec.commandLine().getOut();
            Format fmt = json ? Format.json : format;
            switch (fmt) {
                case json -> printJson(out, fp, t, table, from);
                case csv -> printCsv(out, table);
                default -> printTable(out, table, from, t.entries());
            }
            out.flush();
        }
    }

    private static void printJson(PrintWriter out, RootInputs.FileAndPath fp, TreeReader t, EventTable table,
                                  long from) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", fp.file().toString());
        o.put("tree", fp.path());
        o.put("entries", t.entries());
        o.put("start", from);
        o.put("shown", table.entries());
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column c : table.columns()) {
            List<Object> per = new ArrayList<>(c.entries());
            for (int e = 0; e < c.entries(); e++) {
                per.add(value(c, e));
            }
            values.put(c.name(), per);
        }
        o.put("values", values);
        JsonOutput.print(out, o);
    }

    private static void printCsv(PrintWriter out, EventTable table) {
        List<Column> cols = table.columns();
        List<String> header = new ArrayList<>();
        for (Column c : cols) {
            header.add(csv(c.name()));
        }
        out.println(String.join(",", header));
        for (int e = 0; e < table.entries(); e++) {
            List<String> row = new ArrayList<>();
            for (Column c : cols) {
                row.add(csv(text(value(c, e))));
            }
            out.println(String.join(",", row));
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void printTable(PrintWriter out, EventTable table, long from, long total) {
        List<Column> cols = table.columns();
        String[][] cells = new String[table.entries() + 1][cols.size() + 1];
        cells[0][0] = "entry";
        for (int c = 0; c < cols.size(); c++) {
            cells[0][c + 1] = cols.get(c).name();
        }
        for (int e = 0; e < table.entries(); e++) {
            cells[e + 1][0] = Long.toString(from + e);
            for (int c = 0; c < cols.size(); c++) {
                cells[e + 1][c + 1] = text(value(cols.get(c), e));
            }
        }
        int[] width = new int[cols.size() + 1];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : cells) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    sb.append("  ");
                }
                sb.append(String.format("%" + (c == 0 ? "" : "-") + width[c] + "s", row[c]));
            }
            out.println(sb.toString().stripTrailing());
        }
        out.println("(" + table.entries() + " of " + total + " entries)");
    }

    /** Entry {@code e} of a column as a JSON-ready value: a number, boolean, string or list of them. */
    static Object value(Column c, int e) {
        if (!c.isJagged() && c.itemsPerEntry() == 1 && c.fixedShape().length == 0) {
            return item(c, e);
        }
        List<Object> list = new ArrayList<>(c.length(e));
        for (int i = 0; i < c.length(e); i++) {
            list.add(item(c, c.start(e) + i));
        }
        return list;
    }

    private static Object item(Column c, int i) {
        return switch (c.type()) {
            case STRING -> c.strings()[i];
            case BOOL -> c.bytes()[i] != 0;
            case FLOAT32 -> Float.isFinite(c.floats()[i]) ? new BigDecimal(Float.toString(c.floats()[i]))
                    : Float.toString(c.floats()[i]);
            case FLOAT64 -> Double.isFinite(c.doubles()[i]) ? new BigDecimal(Double.toString(c.doubles()[i]))
                    : Double.toString(c.doubles()[i]);
            case UINT64 -> new java.math.BigInteger(Long.toUnsignedString(c.getLong(i)));
            default -> c.getLong(i);
        };
    }

    private static String text(Object v) {
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object x : l) {
                parts.add(text(x));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return v instanceof BigDecimal b ? plain(b) : String.valueOf(v);
    }

    private static String plain(BigDecimal b) {
        String s = b.toString();
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
