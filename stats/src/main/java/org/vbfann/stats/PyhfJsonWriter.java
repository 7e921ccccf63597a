package org.vbfann.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the model of a Combine datacard as a pyhf JSON workspace. The mapping keeps every yield and nominal
 * constraint; the interpolations become pyhf's, so the likelihoods agree at the nominal point and to first order
 * around it (pyhf's code4 is not Combine's log-normal away from |theta| &lt; 1):
 * signal &rarr; normfactor {@code r}; lnN kappa &rarr; normsys {hi: kappa, lo: 1/kappa}, kDown/kUp &rarr;
 * {hi: kUp, lo: kDown}; shape &rarr; histosys with the full yields at theta = &plusmn;1 (morphing and normalisation);
 * rateParam &rarr; normfactor; gmN N &rarr; shapesys with tau = N. lnU, gmM, param and autoMCStats lines have no
 * exact pyhf counterpart and are refused.
 */
public final class PyhfJsonWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PyhfJsonWriter() {
    }

    /** The workspace of a datacard; {@code shapes} supplies its templates (null for counting cards). */
    public static ObjectNode workspace(Datacard dc, ShapeSource shapes, String mass) {
        for (Datacard.Systematic s : dc.systematics()) {
            if (s.type().equals("lnU") || s.type().equals("gmM")) {
                throw new StatsException(s.type() + " '" + s.name() + "' has no pyhf counterpart");
            }
        }
        if (!dc.params().isEmpty()) {
            throw new StatsException("param '" + dc.params().get(0).name() + "' has no pyhf counterpart");
        }
        if (!dc.autoMcStats().isEmpty()) {
            throw new StatsException("autoMCStats of channel '" + dc.autoMcStats().keySet().iterator().next()
                    + "' has no exact pyhf counterpart (Barlow-Beeston-lite on the total); drop it to convert");
        }
        DatacardModel dm = new DatacardModelBuilder(shapes).mass(mass).build(dc);
        LikelihoodModel m = dm.model();
        LikelihoodModel.Evaluator ev = m.evaluator();
        double[] init = m.initialValues();
        init[m.poi()] = 1;
        ObjectNode ws = JSON.createObjectNode();
        ArrayNode channels = ws.putArray("channels");
        ArrayNode observations = ws.putArray("observations");
        double[] data = m.data();
        for (int c = 0; c < m.channelCount(); c++) {
            String ch = m.channelName(c);
            int nb = m.channelBins(c);
            ObjectNode cn = channels.addObject();
            cn.put("name", ch);
            ArrayNode samples = cn.putArray("samples");
            for (int k = 0; k < dc.entries().size(); k++) {
                Datacard.Entry e = dc.entries().get(k);
                if (!e.channel().equals(ch)) {
                    continue;
                }
                int s = sampleIndex(m, c, e.process());
                double[] nom = new double[nb];
                ev.sampleExpected(init, s, nom);
                ObjectNode sn = samples.addObject();
                sn.put("name", e.process());
                sn.set("data", array(nom));
                ArrayNode mods = sn.putArray("modifiers");
                if (e.signal()) {
                    normfactor(mods, "r");
                }
                for (Datacard.RateParam rp : dc.rateParams()) {
                    if (rp.channel().equals(ch) && rp.process().equals(e.process())) {
                        normfactor(mods, rp.name());
                    }
                }
                for (Datacard.Systematic sy : dc.systematics()) {
                    double[] v = sy.values()[k];
                    if (v != null) {
                        modifier(mods, sy, v, m, init, s, nom);
                    }
                }
            }
            observations.addObject().put("name", ch).set("data", array(java.util.Arrays.copyOfRange(data,
                    m.channelStart(c), m.channelStart(c) + nb)));
        }
        ObjectNode meas = ws.putArray("measurements").addObject();
        meas.put("name", "combine");
        ObjectNode cfg = meas.putObject("config");
        cfg.put("poi", "r");
        cfg.putArray("parameters");
        ws.put("version", "1.0.0");
        return ws;
    }

    private static void modifier(ArrayNode mods, Datacard.Systematic sy, double[] v, LikelihoodModel m, double[] init,
                                 int s, double[] nom) {
        switch (sy.type()) {
            case "lnN" -> {
                ObjectNode d = mods.addObject().put("name", sy.name()).put("type", "normsys").putObject("data");
                d.put("hi", v.length == 2 ? v[1] : v[0]);
                d.put("lo", v.length == 2 ? v[0] : 1 / v[0]);
            }
            case "gmN" -> {
                double[] unc = new double[nom.length];
                for (int b = 0; b < nom.length; b++) {
                    unc[b] = sy.gmnN() > 0 ? nom[b] / Math.sqrt(sy.gmnN()) : 0;
                }
                mods.addObject().put("name", sy.name()).put("type", "shapesys").set("data", array(unc));
            }
            default -> {
                int p = m.parameterIndex(sy.name());
                double[] up = new double[nom.length];
                double[] dn = new double[nom.length];
                double[] x = init.clone();
                LikelihoodModel.Evaluator ev = m.evaluator();
                x[p] = 1;
                ev.sampleExpected(x, s, up);
                x[p] = -1;
                ev.sampleExpected(x, s, dn);
                ObjectNode d = mods.addObject().put("name", sy.name()).put("type", "histosys").putObject("data");
                d.set("hi_data", array(up));
                d.set("lo_data", array(dn));
            }
        }
    }

    /** Writes the workspace atomically. */
    public static void write(ObjectNode ws, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            JSON.writeValue(tmp.toFile(), ws);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void normfactor(ArrayNode mods, String name) {
        mods.addObject().put("name", name).put("type", "normfactor").putNull("data");
    }

    private static int sampleIndex(LikelihoodModel m, int channel, String process) {
        for (int s = 0; s < m.sampleCount(); s++) {
            if (m.sampleChannel(s) == channel && m.sampleName(s).equals(process)) {
                return s;
            }
        }
        throw new IllegalStateException(process);
    }

    private static ArrayNode array(double[] v) {
        ArrayNode a = JSON.createArrayNode();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }
}
