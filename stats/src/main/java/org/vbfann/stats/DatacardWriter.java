package org.vbfann.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Datacard} as a Combine text datacard that {@link DatacardReader} and Combine read back, and
 * combines cards as {@code combineCards.py} does ({@link #combine}).
 */
public final class DatacardWriter {
    private DatacardWriter() {
    }

    /** The card as text. */
    public static String text(Datacard dc) {
        StringBuilder sb = new StringBuilder();
        String sep = "-".repeat(80) + "\n";
        List<String> procs = new ArrayList<>();
        for (Datacard.Entry e : dc.entries()) {
            if (!procs.contains(e.process())) {
                procs.add(e.process());
            }
        }
        sb.append("imax ").append(dc.channels().size()).append(" number of channels\n");
        sb.append("jmax ").append(procs.size() - 1).append(" number of processes minus 1\n");
        sb.append("kmax * number of nuisance parameters\n").append(sep);
        for (Datacard.Shapes s : dc.shapes()) {
            sb.append("shapes ").append(s.process()).append(' ').append(s.channel()).append(' ').append(s.file());
            if (s.histogram() != null) {
                sb.append(' ').append(s.histogram());
            }
            if (s.systematicHistogram() != null) {
                sb.append(' ').append(s.systematicHistogram());
            }
            sb.append('\n');
        }
        if (!dc.shapes().isEmpty()) {
            sb.append(sep);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(row("bin", dc.channels()));
        List<String> obs = new ArrayList<>();
        for (String c : dc.channels()) {
            double o = dc.observations().get(c);
            obs.add(Double.isNaN(o) ? "-1" : number(o));
        }
        rows.add(row("observation", obs));
        sb.append(table(rows)).append(sep);
        Map<String, Integer> ids = processIds(dc, procs);
        List<String> bins = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> idv = new ArrayList<>();
        List<String> rates = new ArrayList<>();
        for (Datacard.Entry e : dc.entries()) {
            bins.add(e.channel());
            names.add(e.process());
            idv.add(String.valueOf(ids.get(e.process())));
            rates.add(number(e.rate()));
        }
        rows.clear();
        rows.add(row("bin", bins));
        rows.add(row("process", names));
        rows.add(row("process", idv));
        rows.add(row("rate", rates));
        for (Datacard.Systematic s : dc.systematics()) {
            List<String> v = new ArrayList<>();
            for (double[] x : s.values()) {
                v.add(x == null ? "-" : x.length == 2 ? number(x[0]) + "/" + number(x[1]) : number(x[0]));
            }
            String head = s.name() + " " + s.type() + (s.type().equals("gmN") ? " " + s.gmnN() : "");
            rows.add(row(head, v));
        }
        String block = table(rows);
        String[] lines = block.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            sb.append(lines[i]).append('\n');
            if (i == 3) {
                sb.append(sep);
            }
        }
        for (Datacard.RateParam r : dc.rateParams()) {
            sb.append(r.name()).append(" rateParam ").append(r.channel()).append(' ').append(r.process()).append(' ')
                    .append(number(r.init()));
            if (Double.isFinite(r.min()) || Double.isFinite(r.max())) {
                sb.append(" [").append(number(r.min())).append(',').append(number(r.max())).append(']');
            }
            sb.append('\n');
        }
        for (Datacard.Param p : dc.params()) {
            sb.append(p.name()).append(" param ").append(number(p.mean())).append(' ')
                    .append(p.sigmaLow() == p.sigmaHigh() ? number(p.sigmaLow())
                            : "-" + number(p.sigmaLow()) + "/+" + number(p.sigmaHigh()))
                    .append(" [").append(number(p.min())).append(',').append(number(p.max())).append("]\n");
        }
        for (Map.Entry<String, List<String>> g : dc.groups().entrySet()) {
            sb.append(g.getKey()).append(" group = ").append(String.join(" ", g.getValue())).append('\n');
        }
        for (Map.Entry<String, Datacard.AutoMcStats> a : dc.autoMcStats().entrySet()) {
            sb.append(a.getKey()).append(" autoMCStats ").append(number(a.getValue().threshold())).append(' ')
                    .append(a.getValue().includeSignal() ? 1 : 0).append('\n');
        }
        return sb.toString();
    }

    /** Writes the card atomically (a temporary file in the same folder, then a rename). */
    public static void write(Datacard dc, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, text(dc), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Combines cards as {@code combineCards.py name1=card1 name2=card2}: a one-channel card's channel becomes
     * {@code name}, a channel of a several-channel card becomes {@code name_channel}; processes and systematics
     * of the same name are shared (a systematic must keep its type); shapes lines are expanded per channel with
     * {@code $CHANNEL} replaced by the original channel name and file paths made relative to {@code outputDir}.
     */
    public static Datacard combine(Map<String, Datacard> cards, Path outputDir) {
        List<String> channels = new ArrayList<>();
        Map<String, Double> obs = new LinkedHashMap<>();
        List<Datacard.Entry> entries = new ArrayList<>();
        List<Datacard.Shapes> shapes = new ArrayList<>();
        List<Datacard.RateParam> rateParams = new ArrayList<>();
        List<Datacard.Param> params = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, Datacard.AutoMcStats> auto = new LinkedHashMap<>();
        Map<String, String> systType = new LinkedHashMap<>();
        Map<String, Integer> systN = new LinkedHashMap<>();
        Map<String, Integer> systLine = new LinkedHashMap<>();
        List<Integer> cardStart = new ArrayList<>();
        Path out = outputDir.toAbsolutePath().normalize();
        for (Map.Entry<String, Datacard> ce : cards.entrySet()) {
            String label = ce.getKey();
            Datacard dc = ce.getValue();
            Map<String, String> rename = new LinkedHashMap<>();
            for (String c : dc.channels()) {
                String n = dc.channels().size() == 1 ? label : label + "_" + c;
                if (channels.contains(n)) {
                    throw new StatsException("combine-cards: channel '" + n + "' appears twice; give the cards distinct labels");
                }
                rename.put(c, n);
                channels.add(n);
                obs.put(n, dc.observations().get(c));
            }
            cardStart.add(entries.size());
            for (Datacard.Entry e : dc.entries()) {
                for (Datacard.Entry prev : entries) {
                    if (prev.process().equals(e.process()) && prev.signal() != e.signal()) {
                        throw new StatsException("combine-cards: process '" + e.process() + "' is "
                                + (prev.signal() ? "signal" : "background") + " in '" + prev.channel() + "' but "
                                + (e.signal() ? "signal" : "background") + " in card '" + label + "'; rename it in one card");
                    }
                }
                entries.add(new Datacard.Entry(rename.get(e.channel()), e.process(), e.signal(), e.rate()));
            }
            Path dir = dc.file().toAbsolutePath().getParent();
            for (String c : dc.channels()) {
                for (Datacard.Shapes s : dc.shapes()) {
                    if (!s.channel().equals("*") && !s.channel().equals(c)) {
                        continue;
                    }
                    String file = s.fake() ? s.file() : relative(out, dir.resolve(s.file().replace("$CHANNEL", c)));
                    shapes.add(new Datacard.Shapes(s.process(), rename.get(c), file, sub(s.histogram(), c),
                            sub(s.systematicHistogram(), c), s.line()));
                }
            }
            for (Datacard.Systematic s : dc.systematics()) {
                String prev = systType.putIfAbsent(s.name(), s.type());
                if (prev != null && (!prev.equals(s.type()) || systN.get(s.name()) != s.gmnN())) {
                    throw new StatsException("combine-cards: systematic '" + s.name() + "' is " + prev + " in one card and "
                            + s.type() + " in card '" + label + "'");
                }
                systN.put(s.name(), s.gmnN());
                systLine.putIfAbsent(s.name(), s.line());
            }
            for (Datacard.RateParam r : dc.rateParams()) {
                rateParams.add(new Datacard.RateParam(r.name(), rename.get(r.channel()), r.process(), r.init(), r.min(),
                        r.max(), r.line()));
            }
            for (Datacard.Param p : dc.params()) {
                if (params.stream().noneMatch(q -> q.name().equals(p.name()))) {
                    params.add(p);
                }
            }
            dc.groups().forEach((g, m) -> {
                List<String> l = groups.computeIfAbsent(g, k -> new ArrayList<>());
                for (String x : m) {
                    if (!l.contains(x)) {
                        l.add(x);
                    }
                }
            });
            dc.autoMcStats().forEach((c, a) -> auto.put(rename.get(c), a));
        }
        List<Datacard.Systematic> systs = new ArrayList<>();
        for (String name : systType.keySet()) {
            double[][] values = new double[entries.size()][];
            int ci = 0;
            for (Datacard dc : cards.values()) {
                for (Datacard.Systematic s : dc.systematics()) {
                    if (s.name().equals(name)) {
                        System.arraycopy(s.values(), 0, values, cardStart.get(ci), s.values().length);
                    }
                }
                ci++;
            }
            systs.add(new Datacard.Systematic(name, systType.get(name), systN.get(name), values, systLine.get(name)));
        }
        return new Datacard(out.resolve("combined.txt"), channels, obs, entries, systs, shapes, rateParams, params,
                groups, auto);
    }

    private static String sub(String pattern, String channel) {
        return pattern == null ? null : pattern.replace("$CHANNEL", channel);
    }

    private static String relative(Path base, Path file) {
        return base.relativize(file.toAbsolutePath().normalize()).toString();
    }

    /** Combine's process ids: signals 0, -1, -2, ... and backgrounds 1, 2, ... in order of appearance. */
    private static Map<String, Integer> processIds(Datacard dc, List<String> procs) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        int sig = 0;
        int bkg = 1;
        for (String p : procs) {
            boolean s = false;
            for (Datacard.Entry e : dc.entries()) {
                if (e.process().equals(p)) {
                    s = e.signal();
                }
            }
            ids.put(p, s ? sig-- : bkg++);
        }
        return ids;
    }

    private static String[] row(String head, List<String> cells) {
        String[] r = new String[cells.size() + 1];
        r[0] = head;
        for (int i = 0; i < cells.size(); i++) {
            r[i + 1] = cells.get(i);
        }
        return r;
    }

    private static String table(List<String[]> rows) {
        int cols = 0;
        for (String[] r : rows) {
            cols = Math.max(cols, r.length);
        }
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                sb.append(r[i]);
                if (i < r.length - 1) {
                    sb.append(" ".repeat(w[i] - r[i].length() + 2));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The shortest text that reads back as the same double (Double.toString), integers without ".0". */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return Double.toString(v);
    }
}
