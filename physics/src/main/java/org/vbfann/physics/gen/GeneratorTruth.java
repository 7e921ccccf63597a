package org.vbfann.physics.gen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vbfann.physics.PhysicsException;

/**
 * What the generator knows and an analysis must recover (truth.json): expected yields per process, final state
 * and category, the true Z+X yields, the true fake-rate functions, the pseudo-data counts, seed and settings.
 */
public final class GeneratorTruth {
    /** Expected yields of one process in one final state. */
    public record ProcessYields(double selected, Map<Category, Double> category, Map<Category, Integer> mcEvents, long mcTotal) {
    }

    private final GeneratorSettings settings;
    private final Map<Process, Map<FinalState, ProcessYields>> processes = new EnumMap<>(Process.class);
    private final Map<ZxChannel, ZplusXGenerator.ZxYields> zplusx = new EnumMap<>(ZxChannel.class);
    private final Map<FinalState, Integer> dataEvents = new EnumMap<>(FinalState.class);
    private final Map<FinalState, Integer> dataVbfSr = new EnumMap<>(FinalState.class);

    GeneratorTruth(GeneratorSettings settings) {
        this.settings = settings;
    }

    /** Adds a sample's expectations (datasets of one process and final state are summed). */
    synchronized void add(GeneratedSample s) {
        Map<FinalState, ProcessYields> m = processes.computeIfAbsent(s.spec().process(), k -> new EnumMap<>(FinalState.class));
        ProcessYields old = m.get(s.spec().finalState());
        Map<Category, Double> cat = new EnumMap<>(s.expected());
        Map<Category, Integer> ev = new EnumMap<>(s.mcEvents());
        double sel = s.expectedSelected();
        long n = s.table().entries();
        if (old != null) {
            for (Category c : Category.values()) {
                cat.merge(c, old.category().get(c), Double::sum);
                ev.merge(c, old.mcEvents().get(c), Integer::sum);
            }
            sel += old.selected();
            n += old.mcTotal();
        }
        m.put(s.spec().finalState(), new ProcessYields(sel, cat, ev, n));
    }

    void setZplusX(Map<ZxChannel, ZplusXGenerator.ZxYields> yields) {
        zplusx.putAll(yields);
    }

    void setData(FinalState fs, int events, int vbfSr) {
        dataEvents.put(fs, events);
        dataVbfSr.put(fs, vbfSr);
    }

    /** Expected yield of a process in a final state and category (0 if not generated). */
    public double expected(Process p, FinalState fs, Category c) {
        Map<FinalState, ProcessYields> m = processes.get(p);
        return m == null || m.get(fs) == null ? 0.0 : m.get(fs).category().get(c);
    }

    /** Expected yield of all selected events (m4ℓ &gt; 70 GeV) of a process in a final state. */
    public double expectedSelected(Process p, FinalState fs) {
        Map<FinalState, ProcessYields> m = processes.get(p);
        return m == null || m.get(fs) == null ? 0.0 : m.get(fs).selected();
    }

    /** The true Z+X yield of a channel in a category. */
    public double zplusx(ZxChannel c, Category cat) {
        return zplusx.get(c).get(cat);
    }

    /** The true Z+X yield of a channel over the whole selection (the "smhiggs" region). */
    public double zplusxSelected(ZxChannel c) {
        return zplusx.get(c).total();
    }

    /** Pseudo-data events in a final state. */
    public int dataEvents(FinalState fs) {
        return dataEvents.getOrDefault(fs, 0);
    }

    /** Pseudo-data events in the VBF-SR of a final state. */
    public int dataVbfSr(FinalState fs) {
        return dataVbfSr.getOrDefault(fs, 0);
    }

    /** truth.json. */
    public String toJson() {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.put("generator", "vbfann synthetic H->ZZ->4l ntuples (docs/generator.md)");
        ObjectNode set = root.putObject("settings");
        set.put("seed", settings.seed());
        set.put("lumi_fb", settings.lumiInvFb());
        set.put("scale", settings.scale());
        ObjectNode procs = root.putObject("processes");
        for (Map.Entry<Process, Map<FinalState, ProcessYields>> e : processes.entrySet()) {
            Process p = e.getKey();
            ObjectNode pn = procs.putObject(p.key());
            pn.put("sigma_pb", p.sigmaPb());
            pn.put("calibration_k", Calibration.factor(p));
            if (!Double.isNaN(p.vbfSrTarget())) {
                pn.put("published_vbf_sr_4l", p.vbfSrTarget());
            }
            ArrayNode ds = pn.putArray("datasets");
            for (Process.Dataset d : p.datasets()) {
                ds.add(d.namePattern());
            }
            Map<Category, Double> sum = new EnumMap<>(Category.class);
            double selected = 0;
            ObjectNode fsn = pn.putObject("final_states");
            for (Map.Entry<FinalState, ProcessYields> f : e.getValue().entrySet()) {
                ObjectNode o = fsn.putObject(f.getKey().label());
                o.put("selected", f.getValue().selected());
                selected += f.getValue().selected();
                for (Category c : Category.values()) {
                    o.put(c.label(), f.getValue().category().get(c));
                    sum.merge(c, f.getValue().category().get(c), Double::sum);
                }
                o.put("mc_events", f.getValue().mcTotal());
                o.put("mc_events_vbf_sr", f.getValue().mcEvents().get(Category.VBF_SR));
            }
            ObjectNode tot = pn.putObject("4l");
            tot.put("selected", selected);
            for (Category c : Category.values()) {
                tot.put(c.label(), sum.get(c));
            }
        }
        ObjectNode zx = root.putObject("zplusx");
        zx.put("fake_rates", FakeRateModel.describe());
        zx.put("published_vbf_sr_4l", 5.08);
        Map<String, Map<String, Double>> byFs = new LinkedHashMap<>();
        for (Map.Entry<ZxChannel, ZplusXGenerator.ZxYields> e : zplusx.entrySet()) {
            ObjectNode o = zx.putObject(e.getKey().label());
            o.put("population_35.9fb", Calibration.zplusxPopulation(e.getKey()));
            o.put("selected", e.getValue().total());
            for (Category c : Category.values()) {
                o.put(c.label(), e.getValue().get(c));
            }
            for (Category c : Category.values()) {
                o.put(c.label() + "_mc_error", e.getValue().error(c));
            }
            Map<String, Double> f = byFs.computeIfAbsent(e.getKey().finalState().label(), k -> new LinkedHashMap<>());
            f.merge("selected", e.getValue().total(), Double::sum);
            for (Category c : Category.values()) {
                f.merge(c.label(), e.getValue().get(c), Double::sum);
            }
        }
        ObjectNode zfs = zx.putObject("final_states");
        byFs.forEach((k, v) -> {
            ObjectNode o = zfs.putObject(k);
            v.forEach(o::put);
        });
        ObjectNode data = root.putObject("data_obs");
        for (FinalState fs : FinalState.values()) {
            ObjectNode o = data.putObject(fs.label());
            o.put("events", dataEvents(fs));
            o.put("VBF-SR", dataVbfSr(fs));
        }
        try {
            return om.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new PhysicsException("cannot write truth.json: " + e.getMessage(), e);
        }
    }
}
