package org.vbfann.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses CMS Combine text datacards with the rules of {@code python/DatacardParser.py}
 * (cms-analysis/HiggsAnalysis-CombinedLimit): {@code #} comments, {@code imax/jmax/kmax}, {@code shapes},
 * {@code bin}+{@code observation}, the {@code bin}/{@code process}/{@code process}/{@code rate} block (the
 * process line of integers gives the ids, id &le; 0 is signal), then one line per systematic. Supported
 * systematic types: lnN (symmetric or kDown/kUp), lnU, gmN, gmM, shape, shape?, shapeN (parsed; the model
 * builder refuses it), param,
 * rateParam (with * and ? wildcards), group, autoMCStats. Tokens after the last column are comments.
 * Errors name the file and line: {@code card.txt:14: ...}.
 */
public final class DatacardReader {
    private static final Set<String> VALUE_TYPES = Set.of("lnN", "lnU", "gmN", "gmM", "shape", "shape?", "shapeN");
    private static final Set<String> UNSUPPORTED = Set.of("trG", "unif", "dFD", "dFD2", "constr", "discrete",
            "extArg", "flatParam", "shapeU", "edit");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private DatacardReader() {
    }

    /** Reads a datacard file. */
    public static Datacard read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(file, lines);
    }

    /** Parses the lines of a datacard; {@code file} names it in messages and locates shape files. */
    public static Datacard parse(Path file, List<String> lines) {
        return new Parser(file, lines).parse();
    }

    private static final class Parser {
        private final Path file;
        private final String where;
        private final List<String> lines;
        private final List<String> channels = new ArrayList<>();
        private final Map<String, Double> observations = new LinkedHashMap<>();
        private final List<Datacard.Entry> entries = new ArrayList<>();
        private final List<Datacard.Systematic> systematics = new ArrayList<>();
        private final List<Datacard.Shapes> shapes = new ArrayList<>();
        private final List<Datacard.RateParam> rateParams = new ArrayList<>();
        private final List<Datacard.Param> params = new ArrayList<>();
        private final Map<String, List<String>> groups = new LinkedHashMap<>();
        private final Map<String, Datacard.AutoMcStats> autoMcStats = new LinkedHashMap<>();
        private final Set<String> systNames = new LinkedHashSet<>();

        Parser(Path file, List<String> lines) {
            this.file = file;
            this.where = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            this.lines = lines;
        }

        private DatacardException error(int line, String message) {
            return new DatacardException(where, line, message);
        }

        Datacard parse() {
            List<String> binLine = null;
            int binLineNo = 0;
            double[] obs = null;
            List<String> obsBins = null;
            int obsLine = 0;
            List<String> procBins = null;
            List<String> procNames = null;
            List<String> procIds = null;
            int procLine = 0;
            int i = 0;
            boolean rateSeen = false;
            for (; i < lines.size() && !rateSeen; i++) {
                int ln = i + 1;
                String[] f = tokens(lines.get(i));
                if (f.length == 0 || f[0].startsWith("-")) {
                    continue;
                }
                switch (f[0]) {
                    case "imax", "jmax", "kmax" -> checkCount(f, ln);
                    case "shapes" -> {
                        if (f.length < 4 || (f.length < 5 && !f[3].equals("FAKE"))) {
                            throw error(ln, "shapes line needs 'shapes process channel file histogram"
                                    + " [systematic-histogram]', found " + (f.length - 1) + " fields");
                        }
                        for (Datacard.Shapes s : shapes) {
                            if (s.process().equals(f[1]) && s.channel().equals(f[2])) {
                                throw error(ln, "duplicate shapes line for process '" + f[1] + "', channel '" + f[2]
                                        + "' (first at line " + s.line() + ")");
                            }
                        }
                        shapes.add(new Datacard.Shapes(f[1], f[2], f[3], f.length > 4 ? f[4] : null,
                                f.length > 5 ? f[5] : null, ln));
                    }
                    case "bin" -> {
                        if (procNames != null) {
                            throw error(ln, "a 'bin' line after the 'process' lines; expected 'process' or 'rate'");
                        }
                        binLine = List.of(f).subList(1, f.length);
                        binLineNo = ln;
                    }
                    case "observation", "Observation" -> {
                        obs = new double[f.length - 1];
                        for (int k = 1; k < f.length; k++) {
                            obs[k - 1] = number(f[k], ln, "observation");
                        }
                        obsLine = ln;
                        if (binLine != null && binLine.size() != obs.length) {
                            throw error(ln, obs.length + " observations but the 'bin' line at line " + binLineNo
                                    + " has " + binLine.size() + " bins");
                        }
                        obsBins = binLine;
                        binLine = null;
                    }
                    case "process" -> {
                        if (procBins == null) {
                            if (binLine == null) {
                                throw error(ln, "'process' line without a 'bin' line before it");
                            }
                            procBins = binLine;
                            procLine = binLineNo;
                        }
                        List<String> vals = List.of(f).subList(1, f.length);
                        if (vals.size() != procBins.size()) {
                            throw error(ln, "'process' line has " + vals.size() + " columns, the 'bin' line at line "
                                    + procLine + " has " + procBins.size());
                        }
                        if (procNames == null) {
                            procNames = vals;
                        } else if (procIds == null) {
                            procIds = vals;
                            if (INTEGER.matcher(procNames.get(0)).matches() && !INTEGER.matcher(procIds.get(0)).matches()) {
                                List<String> t = procNames;
                                procNames = procIds;
                                procIds = t;
                            }
                        } else {
                            throw error(ln, "a third 'process' line; expected 'rate'");
                        }
                    }
                    case "rate" -> {
                        if (procNames == null || procIds == null) {
                            throw error(ln, "'rate' line before the two 'process' lines (names and ids)");
                        }
                        if (f.length - 1 != procNames.size()) {
                            throw error(ln, "'rate' line has " + (f.length - 1) + " columns, the process lines have "
                                    + procNames.size());
                        }
                        buildEntries(procBins, procNames, procIds, f, ln);
                        rateSeen = true;
                    }
                    default -> {
                        // Combine ignores other lines of the header (titles, dates).
                    }
                }
            }
            if (!rateSeen) {
                throw new DatacardException(where + ": no 'rate' line: a datacard needs the bin/process/process/rate block");
            }
            if (obs == null) {
                throw new DatacardException(where + ": no 'observation' line");
            }
            if (obsBins == null) {
                obsBins = channels;
            }
            if (obsBins.size() != obs.length) {
                throw error(obsLine, obs.length + " observations for " + channels.size() + " channels " + channels);
            }
            for (int k = 0; k < obs.length; k++) {
                if (!channels.contains(obsBins.get(k))) {
                    throw error(obsLine, "observation for channel '" + obsBins.get(k)
                            + "', which has no processes in the rate block");
                }
                observations.put(obsBins.get(k), obs[k] < 0 ? Double.NaN : obs[k]);
            }
            for (String c : channels) {
                if (!observations.containsKey(c)) {
                    throw error(obsLine, "no observation for channel '" + c + "'");
                }
            }
            for (; i < lines.size(); i++) {
                systematicLine(i + 1, tokens(lines.get(i)));
            }
            return new Datacard(file, List.copyOf(channels), observations, List.copyOf(entries), List.copyOf(systematics),
                    List.copyOf(shapes), List.copyOf(rateParams), List.copyOf(params), groups, autoMcStats);
        }

        private void checkCount(String[] f, int ln) {
            if (f.length < 2 || !(f[1].equals("*") || INTEGER.matcher(f[1]).matches())) {
                throw error(ln, "'" + f[0] + "' needs a count or '*', found '" + (f.length < 2 ? "" : f[1]) + "'");
            }
        }

        private void buildEntries(List<String> bins, List<String> names, List<String> ids, String[] f, int ln) {
            Map<String, Boolean> signal = new LinkedHashMap<>();
            for (int k = 0; k < names.size(); k++) {
                String id = ids.get(k);
                if (!INTEGER.matcher(id).matches()) {
                    throw error(ln, "process id '" + id + "' of '" + names.get(k) + "' is not an integer");
                }
                boolean sig = Integer.parseInt(id) <= 0;
                Boolean prev = signal.putIfAbsent(names.get(k), sig);
                if (prev != null && prev != sig) {
                    throw error(ln, "process '" + names.get(k) + "' is signal in some channels and background in others");
                }
                String ch = bins.get(k);
                if (!channels.contains(ch)) {
                    channels.add(ch);
                }
                for (Datacard.Entry e : entries) {
                    if (e.channel().equals(ch) && e.process().equals(names.get(k))) {
                        throw error(ln, "process '" + names.get(k) + "' appears twice in channel '" + ch + "'");
                    }
                }
                double rate = number(f[k + 1], ln, "rate of '" + names.get(k) + "' in '" + ch + "'");
                entries.add(new Datacard.Entry(ch, names.get(k), sig, rate));
            }
            if (!signal.containsValue(true)) {
                throw error(ln, "no signal process: a process id must be <= 0");
            }
        }

        private void systematicLine(int ln, String[] f) {
            if (f.length == 0 || f[0].startsWith("-") || f.length == 1) {
                return;
            }
            String name = f[0];
            String type = f[1];
            if (UNSUPPORTED.contains(type) || (f.length > 2 && f[1].equals("edit"))) {
                throw error(ln, "'" + name + " " + type + "' is not supported; supported types: lnN, lnU, gmN, gmM,"
                        + " shape, shape?, shapeN, param, rateParam, group, autoMCStats");
            }
            switch (type) {
                case "rateParam" -> rateParam(ln, f);
                case "param" -> param(ln, f);
                case "group" -> group(ln, f);
                case "autoMCStats" -> autoMcStats(ln, f);
                default -> {
                    if (!VALUE_TYPES.contains(type)) {
                        throw error(ln, "unknown systematic type '" + type + "' for '" + name + "'; expected lnN, lnU,"
                                + " gmN, shape, shape?, shapeN, param, rateParam, group or autoMCStats");
                    }
                    valueLine(ln, f);
                }
            }
        }

        private void valueLine(int ln, String[] f) {
            String name = INTEGER.matcher(f[0]).lookingAt() && Character.isDigit(f[0].charAt(0)) ? "theta" + f[0] : f[0];
            String type = f[1];
            int first = 2;
            int n = 0;
            if (type.equals("gmN")) {
                if (f.length < 3 || !INTEGER.matcher(f[2]).matches() || f[2].startsWith("-")) {
                    throw error(ln, "gmN '" + name + "' needs the number of events N (an integer >= 0) after 'gmN',"
                            + " found '" + (f.length < 3 ? "" : f[2]) + "'");
                }
                n = Integer.parseInt(f[2]);
                first = 3;
            }
            if (f.length - first < entries.size()) {
                throw error(ln, "'" + name + "' has " + (f.length - first) + " values, the rate block has "
                        + entries.size() + " columns");
            }
            if (!systNames.add(name)) {
                throw error(ln, "systematic '" + name + "' is defined twice");
            }
            double[][] values = new double[entries.size()][];
            boolean any = false;
            for (int k = 0; k < entries.size(); k++) {
                String v = f[first + k];
                Datacard.Entry e = entries.get(k);
                String col = "'" + name + "' " + type + " value '" + v + "' for '" + e.process() + "' in '" + e.channel() + "'";
                if (v.chars().allMatch(c -> c == '-')) {
                    continue;
                }
                if (v.contains("/")) {
                    if (!type.equals("lnN") && !type.equals("lnU") && !type.endsWith("?")) {
                        throw error(ln, col + ": asymmetric a/b values are allowed only for lnN and lnU");
                    }
                    String[] ab = v.split("/", -1);
                    if (ab.length != 2) {
                        throw error(ln, col + " is not a number or a/b");
                    }
                    double lo = parseOrNaN(ab[0]);
                    double hi = parseOrNaN(ab[1]);
                    if (Double.isNaN(lo) || Double.isNaN(hi)) {
                        throw error(ln, col + " is not a number or a/b");
                    }
                    if (lo <= 0 || hi <= 0) {
                        throw error(ln, col + ": both kappas must be positive");
                    }
                    values[k] = new double[]{lo, hi};
                    any = true;
                    continue;
                }
                double x = parseOrNaN(v);
                if (Double.isNaN(x)) {
                    throw error(ln, col + " is not a number" + (type.equals("lnN") ? " or a/b" : ""));
                }
                if (x < 0) {
                    throw error(ln, col + " is negative");
                }
                boolean nullEffect = x == 0 || (type.equals("lnN") && x == 1);
                if (!nullEffect) {
                    values[k] = new double[]{x};
                    any = true;
                }
            }
            if (any) {
                systematics.add(new Datacard.Systematic(name, type, n, values, ln));
            }
        }

        private void rateParam(int ln, String[] f) {
            if (f.length < 5) {
                throw error(ln, "rateParam needs 'name rateParam channel process value [min,max]'");
            }
            String name = f[0];
            if (f[4].contains("@") || f[4].contains(":")) {
                throw error(ln, "rateParam '" + name + "': formulas and workspace imports are not supported, only a number");
            }
            double init = number(f[4], ln, "rateParam '" + name + "' initial value");
            double min = Double.NEGATIVE_INFINITY;
            double max = Double.POSITIVE_INFINITY;
            if (f.length > 5) {
                double[] r = range(f[5], ln, "rateParam '" + name + "'");
                min = r[0];
                max = r[1];
            }
            boolean found = false;
            for (Datacard.Entry e : entries) {
                if (glob(f[2], e.channel()) && glob(f[3], e.process())) {
                    rateParams.add(new Datacard.RateParam(name, e.channel(), e.process(), init, min, max, ln));
                    found = true;
                }
            }
            if (!found) {
                throw error(ln, "rateParam '" + name + "' with channel '" + f[2] + "' and process '" + f[3]
                        + "' matches no column of the rate block");
            }
        }

        private void param(int ln, String[] f) {
            if (f.length < 4) {
                throw error(ln, "param '" + f[0] + "' needs a mean and a sigma (or -a/+b)");
            }
            double mean = number(f[2], ln, "param '" + f[0] + "' mean");
            double lo;
            double hi;
            if (f[3].contains("/")) {
                String[] ab = f[3].split("/", -1);
                if (ab.length != 2 || !ab[0].startsWith("-") || !ab[1].startsWith("+")) {
                    throw error(ln, "param '" + f[0] + "' asymmetric sigma must read -a/+b, found '" + f[3] + "'");
                }
                lo = number(ab[0].substring(1), ln, "param '" + f[0] + "' sigma");
                hi = number(ab[1].substring(1), ln, "param '" + f[0] + "' sigma");
            } else {
                lo = number(f[3], ln, "param '" + f[0] + "' sigma");
                hi = lo;
            }
            if (!(lo > 0) || !(hi > 0)) {
                throw error(ln, "param '" + f[0] + "' sigma must be positive, found '" + f[3] + "'");
            }
            double min = mean - 4 * lo;
            double max = mean + 4 * hi;
            if (f.length > 4 && f[4].startsWith("[")) {
                double[] r = range(f[4], ln, "param '" + f[0] + "'");
                min = r[0];
                max = r[1];
            }
            params.add(new Datacard.Param(f[0], mean, lo, hi, min, max, ln));
        }

        private void group(int ln, String[] f) {
            if (f.length < 4 || !(f[2].equals("=") || f[2].equals("+="))) {
                throw error(ln, "group '" + f[0] + "' needs '= name1 name2 ...' or '+= ...'");
            }
            List<String> members = List.of(f).subList(3, f.length);
            List<String> g = groups.get(f[0]);
            if (f[2].equals("=")) {
                if (g != null) {
                    throw error(ln, "group '" + f[0] + "' is defined twice; use '+=' to add to it");
                }
                groups.put(f[0], new ArrayList<>(members));
            } else {
                if (g == null) {
                    throw error(ln, "group '" + f[0] + "': '+=' before the group is defined");
                }
                g.addAll(members);
            }
        }

        private void autoMcStats(int ln, String[] f) {
            if (f.length < 3 || f.length > 5) {
                throw error(ln, "autoMCStats needs 'channel autoMCStats threshold [include-signal] [hist-mode]'");
            }
            double thr = number(f[2], ln, "autoMCStats threshold");
            boolean sig = f.length > 3 && number(f[3], ln, "autoMCStats include-signal") != 0;
            boolean found = false;
            for (String c : channels) {
                if (glob(f[0], c)) {
                    autoMcStats.put(c, new Datacard.AutoMcStats(thr, sig, ln));
                    found = true;
                }
            }
            if (!found) {
                throw error(ln, "autoMCStats for channel '" + f[0] + "', which is not in the card; channels: " + channels);
            }
        }

        private double[] range(String s, int ln, String what) {
            if (!s.startsWith("[") || !s.endsWith("]") || !s.contains(",")) {
                throw error(ln, what + " range must read [min,max], found '" + s + "'");
            }
            String[] ab = s.substring(1, s.length() - 1).split(",", -1);
            double a = number(ab[0].trim(), ln, what + " range");
            double b = number(ab[1].trim(), ln, what + " range");
            if (!(a < b)) {
                throw error(ln, what + " range [" + a + "," + b + "] is empty");
            }
            return new double[]{a, b};
        }

        private double number(String s, int ln, String what) {
            double v = parseOrNaN(s);
            if (Double.isNaN(v)) {
                throw error(ln, what + " '" + s + "' is not a number");
            }
            return v;
        }
    }

    private static double parseOrNaN(String s) {
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Splits a line into tokens, dropping a '#' comment. */
    static String[] tokens(String line) {
        int hash = line.indexOf('#');
        String l = hash >= 0 ? line.substring(0, hash) : line;
        l = l.strip();
        return l.isEmpty() ? new String[0] : l.split("\\s+");
    }

    /** fnmatch-style matching with * and ?, as Combine's rateParam and autoMCStats wildcards. */
    static boolean glob(String pattern, String s) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return s.matches(re.toString());
    }
}
