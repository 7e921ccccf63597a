package org.vbfann.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a pyhf JSON workspace ({@code channels}, {@code observations}, {@code measurements}) into a
 * {@link LikelihoodModel} with pyhf's semantics (scikit-hep/pyhf {@code src/pyhf/modifiers/*.py},
 * {@code pdf.py}): normfactor and shapefactor free in [0, 10]; normsys and histosys share one Gaussian alpha per
 * name in [-5, 5]; lumi Gaussian with the measurement's auxdata and sigma; staterror one Gaussian gamma per bin
 * with sigma = sqrt(sum unc^2) / sum nominal over the samples that carry it (fixed where zero); shapesys one
 * Poisson gamma per bin with tau = (nominal/unc)^2 (fixed where not positive). The measurement's parameter
 * configuration (inits, bounds, fixed, auxdata, sigmas) overrides those defaults. Channels are taken in
 * alphabetical order, as pyhf does.
 *
 * <p>A file that wraps a workspace (a top-level {@code "workspace"} object, as the reference cases do) is also
 * accepted; its {@code model.interpolation.effective_interpcodes} then give the interpolation codes unless the
 * caller sets them.
 */
public final class PyhfWorkspaceReader {
    /** pyhf's {@code pyhf.Model} default normsys code (since v0.6.0). */
    public static final Interpolation PYHF_DEFAULT_NORMSYS = Interpolation.PYHF_CODE4;
    /** pyhf's {@code pyhf.Model} default histosys code (since v0.6.0). */
    public static final Interpolation PYHF_DEFAULT_HISTOSYS = Interpolation.PYHF_CODE4P;
    /** pyhf's default bounds of normfactor and shapefactor ({@code modifiers/normfactor.py}). */
    public static final double[] PYHF_FACTOR_BOUNDS = {0, 10};
    /** pyhf's default bounds of normsys/histosys alphas. */
    public static final double[] PYHF_ALPHA_BOUNDS = {-5, 5};
    /** pyhf's default bounds of staterror and shapesys gammas. */
    public static final double[] PYHF_GAMMA_BOUNDS = {1e-10, 10};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TYPE_ORDER = {"histosys", "lumi", "normfactor", "normsys", "shapefactor",
            "shapesys", "staterror"};

    private Interpolation normsysCode;
    private Interpolation histosysCode;
    private String measurementName;
    private String testStatistic;

    /** Sets the normsys interpolation (default: the file's, else {@link #PYHF_DEFAULT_NORMSYS}). */
    public PyhfWorkspaceReader normsysCode(Interpolation code) {
        if (code == Interpolation.PYHF_CODE0 || code == Interpolation.PYHF_CODE2 || code == Interpolation.PYHF_CODE4P) {
            throw new StatsException("normsys takes code1 or code4 (as pyhf), not " + code.pyhfName());
        }
        this.normsysCode = code;
        return this;
    }

    /** Sets the histosys interpolation (default: the file's, else {@link #PYHF_DEFAULT_HISTOSYS}). */
    public PyhfWorkspaceReader histosysCode(Interpolation code) {
        if (!code.additive()) {
            throw new StatsException("histosys takes code0, code2 or code4p (as pyhf), not " + code.pyhfName());
        }
        this.histosysCode = code;
        return this;
    }

    /** Chooses the measurement by name (default: the first). */
    public PyhfWorkspaceReader measurement(String name) {
        this.measurementName = name;
        return this;
    }

    /** The test statistic a wrapped reference case asks for ("qtilde", "q", "q0"), or null. Valid after a read. */
    public String testStatistic() {
        return testStatistic;
    }

    /** Reads a workspace file. */
    public LikelihoodModel read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StatsException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(root, file.getFileName().toString());
    }

    /** Reads a parsed workspace; {@code where} names it in messages. */
    public LikelihoodModel read(JsonNode root, String where) {
        JsonNode ws = root;
        Interpolation ns = normsysCode;
        Interpolation hs = histosysCode;
        if (root.has("workspace") && root.get("workspace").isObject()) {
            ws = root.get("workspace");
            JsonNode codes = root.path("model").path("interpolation").path("effective_interpcodes");
            if (ns == null && codes.has("normsys")) {
                ns = Interpolation.ofPyhfName(codes.get("normsys").asText());
            }
            if (hs == null && codes.has("histosys")) {
                hs = Interpolation.ofPyhfName(codes.get("histosys").asText());
            }
            JsonNode ts = root.path("test").path("test_stat");
            testStatistic = ts.isTextual() ? ts.asText() : null;
        }
        return new Build(ws, where, ns == null ? PYHF_DEFAULT_NORMSYS : ns,
                hs == null ? PYHF_DEFAULT_HISTOSYS : hs, measurementName).model();
    }

    private static final class Build {
        private final String where;
        private final Interpolation normsys;
        private final Interpolation histosys;
        private final ModelBuilder mb = new ModelBuilder(false);
        private final Map<String, JsonNode> config = new HashMap<>();
        /** Parameter name to its modifier type and bin count, in pyhf's order (type, then name). */
        private final Map<String, TreeMap<String, Integer>> byType = new LinkedHashMap<>();
        private final Map<String, String> typeOf = new HashMap<>();
        private final Map<String, Integer> firstIndex = new HashMap<>();
        private String poiName;

        Build(JsonNode ws, String where, Interpolation normsys, Interpolation histosys, String measurementName) {
            this.where = where;
            this.normsys = normsys;
            this.histosys = histosys;
            for (String t : TYPE_ORDER) {
                byType.put(t, new TreeMap<>());
            }
            JsonNode meas = pickMeasurement(ws, measurementName);
            JsonNode cfg = meas.path("config");
            poiName = cfg.path("poi").asText(null);
            if (poiName == null) {
                throw new StatsException(where + ": measurement '" + meas.path("name").asText() + "' has no config.poi");
            }
            for (JsonNode p : cfg.path("parameters")) {
                config.put(p.path("name").asText(), p);
            }
            List<JsonNode> channels = new ArrayList<>();
            ws.path("channels").forEach(channels::add);
            if (channels.isEmpty()) {
                throw new StatsException(where + ": no channels");
            }
            channels.sort((a, b) -> a.path("name").asText().compareTo(b.path("name").asText()));
            Map<String, JsonNode> obs = new HashMap<>();
            for (JsonNode o : ws.path("observations")) {
                obs.put(o.path("name").asText(), o.path("data"));
            }
            // Pass 1: declare parameters in pyhf's order. A name used by histosys and normsys is one alpha.
            Map<String, Integer> bins = new LinkedHashMap<>();
            for (JsonNode ch : channels) {
                int nb = binsOf(ch);
                for (JsonNode s : ch.path("samples")) {
                    for (JsonNode m : s.path("modifiers")) {
                        String type = m.path("type").asText();
                        String name = m.path("name").asText();
                        if (!byType.containsKey(type)) {
                            throw new StatsException(where + ": channel '" + ch.path("name").asText() + "' sample '"
                                    + s.path("name").asText() + "' modifier '" + name + "': unknown type '" + type
                                    + "'; expected one of " + String.join(", ", TYPE_ORDER));
                        }
                        String prev = typeOf.get(name);
                        boolean alpha = type.equals("histosys") || type.equals("normsys");
                        boolean prevAlpha = "histosys".equals(prev) || "normsys".equals(prev);
                        if (prev != null && !prev.equals(type) && !(alpha && prevAlpha)) {
                            throw new StatsException(where + ": modifier '" + name + "' is used as " + prev
                                    + " and as " + type);
                        }
                        if (prev == null || type.equals("histosys")) {
                            typeOf.put(name, type);
                        }
                        boolean perBin = type.equals("shapefactor") || type.equals("shapesys") || type.equals("staterror");
                        bins.put(name, perBin ? nb : 1);
                    }
                }
            }
            for (Map.Entry<String, Integer> e : bins.entrySet()) {
                byType.get(typeOf.get(e.getKey())).put(e.getKey(), e.getValue());
            }
            if (!byType.get("normfactor").containsKey(poiName)) {
                throw new StatsException(where + ": the POI '" + poiName + "' is not a normfactor of any sample");
            }
            for (Map.Entry<String, TreeMap<String, Integer>> e : byType.entrySet()) {
                for (Map.Entry<String, Integer> p : e.getValue().entrySet()) {
                    declare(e.getKey(), p.getKey(), p.getValue());
                }
            }
            mb.setPoi(firstIndex.get(poiName));
            // Pass 2: channels, samples, modifiers.
            staterrorConstraints(channels);
            for (int ci = 0; ci < channels.size(); ci++) {
                JsonNode ch = channels.get(ci);
                String cname = ch.path("name").asText();
                JsonNode od = obs.get(cname);
                if (od == null) {
                    throw new StatsException(where + ": no observations for channel '" + cname + "'");
                }
                double[] observed = numbers(od, "observations of channel '" + cname + "'");
                int nb = binsOf(ch);
                if (observed.length != nb) {
                    throw new StatsException(where + ": observations of channel '" + cname + "' have "
                            + observed.length + " bins, its samples have " + nb);
                }
                int c = mb.channel(cname, observed, null);
                for (JsonNode s : ch.path("samples")) {
                    addSample(c, cname, s, nb);
                }
            }
        }

        LikelihoodModel model() {
            return mb.build();
        }

        private JsonNode pickMeasurement(JsonNode ws, String name) {
            JsonNode ms = ws.path("measurements");
            if (!ms.isArray() || ms.isEmpty()) {
                throw new StatsException(where + ": no measurements");
            }
            if (name == null) {
                return ms.get(0);
            }
            List<String> names = new ArrayList<>();
            for (JsonNode m : ms) {
                if (name.equals(m.path("name").asText())) {
                    return m;
                }
                names.add(m.path("name").asText());
            }
            throw new StatsException(where + ": no measurement '" + name + "'; found " + names);
        }

        private int binsOf(JsonNode ch) {
            JsonNode samples = ch.path("samples");
            if (!samples.isArray() || samples.isEmpty()) {
                throw new StatsException(where + ": channel '" + ch.path("name").asText() + "' has no samples");
            }
            return samples.get(0).path("data").size();
        }

        private void declare(String type, String name, int n) {
            JsonNode cfg = config.get(name);
            for (int i = 0; i < n; i++) {
                double init;
                double[] bounds;
                switch (type) {
                    case "normfactor", "shapefactor" -> {
                        init = 1;
                        bounds = PYHF_FACTOR_BOUNDS;
                    }
                    case "lumi" -> {
                        init = 1;
                        bounds = PYHF_FACTOR_BOUNDS;
                    }
                    case "shapesys", "staterror" -> {
                        init = 1;
                        bounds = PYHF_GAMMA_BOUNDS;
                    }
                    default -> {
                        init = 0;
                        bounds = PYHF_ALPHA_BOUNDS;
                    }
                }
                double lo = bounds[0];
                double hi = bounds[1];
                boolean fixed = false;
                if (cfg != null) {
                    if (cfg.has("inits")) {
                        init = cfg.get("inits").get(i).asDouble();
                    }
                    if (cfg.has("bounds")) {
                        lo = cfg.get("bounds").get(i).get(0).asDouble();
                        hi = cfg.get("bounds").get(i).get(1).asDouble();
                    }
                    fixed = cfg.path("fixed").asBoolean(false);
                }
                String pname = n == 1 && !type.equals("shapefactor") && !type.equals("shapesys")
                        && !type.equals("staterror") ? name : name + "[" + i + "]";
                int p = mb.parameter(pname, Math.min(hi, Math.max(lo, init)), lo, hi, fixed);
                if (i == 0) {
                    firstIndex.put(name, p);
                }
            }
            if (type.equals("normsys") || type.equals("histosys")) {
                mb.constraint(firstIndex.get(name), ConstraintKind.GAUSSIAN, auxOr(cfg, 0, 0), sigmaOr(cfg, 0, 1), 0);
            } else if (type.equals("lumi")) {
                if (cfg == null || !cfg.has("sigmas")) {
                    throw new StatsException(where + ": lumi modifier '" + name
                            + "' needs a measurement parameter entry with 'sigmas' (and 'auxdata')");
                }
                mb.constraint(firstIndex.get(name), ConstraintKind.GAUSSIAN, auxOr(cfg, 0, 1), sigmaOr(cfg, 0, 1), 0);
            }
        }

        private static double auxOr(JsonNode cfg, int i, double dflt) {
            return cfg != null && cfg.has("auxdata") ? cfg.get("auxdata").get(i).asDouble() : dflt;
        }

        private static double sigmaOr(JsonNode cfg, int i, double dflt) {
            return cfg != null && cfg.has("sigmas") ? cfg.get("sigmas").get(i).asDouble() : dflt;
        }

        /** Gaussian constraints of the staterror gammas, with sigma per bin as pyhf's staterror builder computes it. */
        private void staterrorConstraints(List<JsonNode> channels) {
            Map<String, double[]> nomSum = new HashMap<>();
            Map<String, double[]> errSum = new HashMap<>();
            for (JsonNode ch : channels) {
                int nb = binsOf(ch);
                for (JsonNode s : ch.path("samples")) {
                    double[] nom = numbers(s.path("data"), "sample data");
                    for (JsonNode m : s.path("modifiers")) {
                        if (m.path("type").asText().equals("staterror")) {
                            String name = m.path("name").asText();
                            double[] unc = numbers(m.path("data"), "staterror '" + name + "' data");
                            checkBins(unc.length, nb, ch, s, m);
                            double[] ns = nomSum.computeIfAbsent(name, k -> new double[nb]);
                            double[] es = errSum.computeIfAbsent(name, k -> new double[nb]);
                            for (int b = 0; b < nb; b++) {
                                ns[b] += nom[b];
                                es[b] += unc[b] * unc[b];
                            }
                        }
                    }
                }
            }
            for (Map.Entry<String, double[]> e : nomSum.entrySet()) {
                double[] ns = e.getValue();
                double[] es = errSum.get(e.getKey());
                double[] sg = new double[ns.length];
                for (int b = 0; b < ns.length; b++) {
                    sg[b] = ns[b] > 0 ? Math.sqrt(es[b]) / ns[b] : 0;
                }
                int p0 = firstIndex.get(e.getKey());
                JsonNode cfg = config.get(e.getKey());
                for (int b = 0; b < sg.length; b++) {
                    boolean zero = sg[b] == 0;
                    if (zero) {
                        // pyhf fixes a gamma whose sigma is zero and gives it sigma 1 (staterror.py).
                        mb.setParameter(p0 + b, mb.parameterInit(p0 + b), mb.parameterLower(p0 + b),
                                mb.parameterUpper(p0 + b), true);
                    }
                    mb.constraint(p0 + b, ConstraintKind.GAUSSIAN, auxOr(cfg, b, 1), zero ? 1 : sigmaOr(cfg, b, sg[b]), 0);
                }
            }
        }

        private void addSample(int c, String cname, JsonNode s, int nb) {
            String sname = s.path("name").asText();
            double[] nom = numbers(s.path("data"), "data of sample '" + sname + "' in channel '" + cname + "'");
            if (nom.length != nb) {
                throw new StatsException(where + ": channel '" + cname + "' sample '" + sname + "' has "
                        + nom.length + " bins, the first sample has " + nb);
            }
            boolean signal = false;
            for (JsonNode m : s.path("modifiers")) {
                if (m.path("name").asText().equals(poiName)) {
                    signal = true;
                }
            }
            int si = mb.sample(c, sname, nom, signal);
            for (JsonNode m : s.path("modifiers")) {
                String type = m.path("type").asText();
                String name = m.path("name").asText();
                int p = firstIndex.get(name);
                JsonNode d = m.path("data");
                switch (type) {
                    case "normfactor", "lumi" -> mb.factor(si, p, FactorKind.LINEAR, 1, 0, 0);
                    case "normsys" -> {
                        double hi = d.path("hi").asDouble(Double.NaN);
                        double lo = d.path("lo").asDouble(Double.NaN);
                        if (!(hi > 0) || !(lo > 0)) {
                            throw new StatsException(where + ": channel '" + cname + "' sample '" + sname
                                    + "' normsys '" + name + "': hi and lo must be positive numbers, found " + d);
                        }
                        mb.factor(si, p, normsys == Interpolation.PYHF_CODE1 ? FactorKind.PYHF_CODE1
                                : FactorKind.PYHF_CODE4, 1, hi, lo);
                    }
                    case "histosys" -> {
                        double[] hi = numbers(d.path("hi_data"), "histosys '" + name + "' hi_data");
                        double[] lo = numbers(d.path("lo_data"), "histosys '" + name + "' lo_data");
                        checkBins(hi.length, nb, null, s, m);
                        checkBins(lo.length, nb, null, s, m);
                        double[] up = new double[nb];
                        double[] dn = new double[nb];
                        for (int b = 0; b < nb; b++) {
                            up[b] = hi[b] - nom[b];
                            dn[b] = lo[b] - nom[b];
                        }
                        mb.shift(si, p, histosys, up, dn);
                    }
                    case "shapefactor" -> {
                        for (int b = 0; b < nb; b++) {
                            mb.binFactor(si, b, p + b, 1);
                        }
                    }
                    case "staterror" -> {
                        for (int b = 0; b < nb; b++) {
                            mb.binFactor(si, b, p + b, 1);
                        }
                    }
                    case "shapesys" -> addShapesys(si, p, name, nom, numbers(d, "shapesys '" + name + "' data"), s, m);
                    default -> throw new IllegalStateException(type);
                }
            }
        }

        private void addShapesys(int si, int p, String name, double[] nom, double[] unc, JsonNode s, JsonNode m) {
            checkBins(unc.length, nom.length, null, s, m);
            if (mb.hasConstraint(p)) {
                // Shared by several samples: pyhf keeps the tau of the first one (required_parsets.setdefault).
                for (int b = 0; b < nom.length; b++) {
                    mb.binFactor(si, b, p + b, 1);
                }
                return;
            }
            for (int b = 0; b < nom.length; b++) {
                boolean valid = nom[b] > 0 && unc[b] > 0;
                double tau = valid ? nom[b] * nom[b] / (unc[b] * unc[b]) : 1;
                if (!valid) {
                    mb.setParameter(p + b, mb.parameterInit(p + b), mb.parameterLower(p + b), mb.parameterUpper(p + b), true);
                }
                JsonNode cfg = config.get(name);
                mb.constraint(p + b, ConstraintKind.POISSON, auxOr(cfg, b, tau), tau, 0);
                mb.binFactor(si, b, p + b, 1);
            }
        }

        private void checkBins(int n, int nb, JsonNode ch, JsonNode s, JsonNode m) {
            if (n != nb) {
                throw new StatsException(where + ": " + (ch == null ? "" : "channel '" + ch.path("name").asText() + "' ")
                        + "sample '" + s.path("name").asText() + "' " + m.path("type").asText() + " '"
                        + m.path("name").asText() + "': " + n + " values, the sample has " + nb + " bins");
            }
        }

        private double[] numbers(JsonNode arr, String what) {
            if (!arr.isArray()) {
                throw new StatsException(where + ": " + what + " is not an array of numbers");
            }
            double[] v = new double[arr.size()];
            for (int i = 0; i < v.length; i++) {
                if (!arr.get(i).isNumber()) {
                    throw new StatsException(where + ": " + what + " [" + i + "] is '" + arr.get(i) + "', not a number");
                }
                v[i] = arr.get(i).asDouble();
            }
            return v;
        }
    }
}
