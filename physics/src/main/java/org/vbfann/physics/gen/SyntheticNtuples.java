package org.vbfann.physics.gen;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.vbfann.physics.PhysicsException;

/**
 * The synthetic, calibrated H→ZZ→4ℓ ntuple generator (docs/generator.md): MC samples of every process and
 * final state in the reduced-ntuple layout, the Z+X inputs, Poisson pseudo-data and the truth. Deterministic
 * for a seed: each sample draws from its own random stream, so the thread count does not matter.
 */
public final class SyntheticNtuples {
    private final GeneratorSettings settings;

    public SyntheticNtuples(GeneratorSettings settings) {
        this.settings = settings;
    }

    public GeneratorSettings settings() {
        return settings;
    }

    /**
     * Simulated events per dataset and final state at scale 1: enough VBF-SR events of the processes that
     * matter for training (qqH, ggH, qqZZ) while keeping the default run near 330 000 events.
     */
    static int baseEvents(Process p) {
        return switch (p) {
            case QQH -> 20000;
            case GGH, QQZZ -> 30000;
            case WH -> 4000;
            case ZH, ZZJJ, GGZZ -> 5000;
            case TTH, TTZ -> 3000;
        };
    }

    /** Every MC sample of the run, in a fixed order. */
    public List<SampleSpec> mcSamples() {
        List<SampleSpec> out = new ArrayList<>();
        for (Process p : Process.values()) {
            for (int d = 0; d < p.datasets().size(); d++) {
                for (FinalState fs : FinalState.values()) {
                    int n = Math.max(10, (int) Math.round(baseEvents(p) * settings.scale()));
                    out.add(new SampleSpec(p, p.datasets().get(d), fs, n, p.ordinal() * 100L + d * 10L + fs.ordinal()));
                }
            }
        }
        return out;
    }

    /** Generates one MC sample. */
    public GeneratedSample generate(SampleSpec spec) {
        return SampleGenerator.generate(spec, settings);
    }

    /** Folder of the Z+X inputs inside the output folder. */
    public static final String ZPLUSX_DIRECTORY = "ZplusX";
    /** The Z+X data file's name carries the spec's ZX tag (§2.0), so FormatROOTs-style tag matching works. */
    public static final String ZPLUSX_DATA_FILE = ZPLUSX_DIRECTORY + "/ZplusX_DataRunIISummer16_03Feb2017.root";
    public static final String ZPLUSX_WZ_FILE = ZPLUSX_DIRECTORY + "/ZplusX_prompt_WZTo3LNu.root";
    public static final String ZPLUSX_ZZ_FILE = ZPLUSX_DIRECTORY + "/ZplusX_prompt_ZZTo4L.root";
    /** Stream ids of the pseudo-data, one per final state and process. */
    private static final long DATA_STREAM = 30_000;

    /**
     * The whole run: every MC file, the Z+X files and the pseudo-data, handed to {@code sink} one file at a
     * time in a fixed order (MC samples are generated on {@link GeneratorSettings#threads()} threads, at most
     * two per thread ahead of the sink).
     *
     * @return the truth (write it with {@link GeneratorTruth#toJson()})
     */
    public GeneratorTruth run(Consumer<OutputFile> sink, GeneratorListener listener) {
        List<SampleSpec> specs = mcSamples();
        int totalFiles = specs.size() + 3 + FinalState.values().length;
        int done = 0;
        GeneratorTruth truth = new GeneratorTruth(settings);
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread t = new Thread(runnable, "vbfann-generate");
            t.setDaemon(true);
            return t;
        });
        try {
            // Z+X first (the truth integration per channel and the data are long tasks), then the samples through a
            // window of 2 per thread, so that finished samples do not pile up in memory while the sink writes
            Map<ZxChannel, Future<ZplusXGenerator.ZxYields>> zxTruth = new EnumMap<>(ZxChannel.class);
            for (ZxChannel c : ZxChannel.values()) {
                zxTruth.put(c, pool.submit(() -> ZplusXGenerator.trueYields(c, settings)));
            }
            Future<ZplusXGenerator.Output> zxFuture = pool.submit(() -> ZplusXGenerator.generate(settings));
            java.util.ArrayDeque<Future<GeneratedSample>> window = new java.util.ArrayDeque<>();
            int next = 0;
            while (next < specs.size() || !window.isEmpty()) {
                while (next < specs.size() && window.size() < 2 * settings.threads()) {
                    SampleSpec spec = specs.get(next++);
                    window.add(pool.submit(() -> generate(spec)));
                }
                GeneratedSample g = get(window.poll());
                truth.add(g);
                String path = g.spec().finalState().directory() + "/output_" + g.spec().datasetName() + ".root";
                sink.accept(new OutputFile(path, List.of(reducedTree(g.table()))));
                listener.progress(++done, totalFiles, path);
            }
            ZplusXGenerator.Output zx = get(zxFuture);
            Map<ZxChannel, ZplusXGenerator.ZxYields> zxYields = new EnumMap<>(ZxChannel.class);
            zxTruth.forEach((c, f) -> zxYields.put(c, get(f)));
            truth.setZplusX(zxYields);
            sink.accept(new OutputFile(ZPLUSX_DATA_FILE, List.of(fakeRate(zx.dataFakeRate()), controlRegions(zx.dataControlRegions()))));
            listener.progress(++done, totalFiles, ZPLUSX_DATA_FILE);
            sink.accept(new OutputFile(ZPLUSX_WZ_FILE, List.of(fakeRate(zx.wzFakeRate()))));
            listener.progress(++done, totalFiles, ZPLUSX_WZ_FILE);
            sink.accept(new OutputFile(ZPLUSX_ZZ_FILE, List.of(controlRegions(zx.zzControlRegions()))));
            listener.progress(++done, totalFiles, ZPLUSX_ZZ_FILE);
            for (FinalState fs : FinalState.values()) {
                org.vbfann.core.EventTable data = pseudoData(fs, truth, zx);
                String path = fs.directory() + "/output_data_obs.root";
                sink.accept(new OutputFile(path, List.of(reducedTree(data))));
                listener.progress(++done, totalFiles, path);
            }
        } finally {
            pool.shutdownNow();
        }
        return truth;
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PhysicsException("generation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new PhysicsException("generation failed: " + e.getCause(), e.getCause());
        }
    }

    private static OutputFile.Tree reducedTree(org.vbfann.core.EventTable t) {
        return new OutputFile.Tree(NtupleSchema.REDUCED_TREE, NtupleSchema.REDUCED_TREE_TITLE, NtupleSchema.reducedTree(), t);
    }

    private static OutputFile.Tree fakeRate(org.vbfann.core.EventTable t) {
        return new OutputFile.Tree(NtupleSchema.FAKE_RATE_TREE, "Z+l fake-rate probes", NtupleSchema.fakeRateTree(), t);
    }

    private static OutputFile.Tree controlRegions(org.vbfann.core.EventTable t) {
        return new OutputFile.Tree(NtupleSchema.CONTROL_REGIONS_TREE, "Z+X control regions", NtupleSchema.controlRegionsTree(), t);
    }

    /**
     * Poisson pseudo-data of one final state: for every process n ~ Poisson(expected selected yield), events
     * drawn from the same model on a separate stream, plus the Z+X population's signal-region events;
     * rows in a seeded random order, weight 1, no generator truth (spec §1.1: f_weight is 1 for data).
     */
    org.vbfann.core.EventTable pseudoData(FinalState fs, GeneratorTruth truth, ZplusXGenerator.Output zx) {
        SplittableRandom r = Sampling.stream(settings.seed(), DATA_STREAM + fs.ordinal());
        Map<Process, Integer> counts = new EnumMap<>(Process.class);
        int zxCount = zx.signalCounts().get(fs);
        int total = zxCount;
        for (Process p : Process.values()) {
            int n = (int) Sampling.poisson(r, truth.expectedSelected(p, fs));
            counts.put(p, n);
            total += n;
        }
        int[] source = new int[total];
        int at = 0;
        for (Process p : Process.values()) {
            for (int k = 0; k < counts.get(p); k++) {
                source[at++] = p.ordinal();
            }
        }
        for (int k = 0; k < zxCount; k++) {
            source[at++] = -1 - k;
        }
        for (int i = total - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = source[i];
            source[i] = source[j];
            source[j] = t;
        }
        TreeBuffer buf = new TreeBuffer(NtupleSchema.reducedTree(), total);
        buf.fillSentinel();
        ReducedTreeFiller filler = new ReducedTreeFiller(buf, true);
        Map<Process, EventFactory> factories = new EnumMap<>(Process.class);
        for (Process p : Process.values()) {
            factories.put(p, EventFactory.forProcess(p, fs, EventFactory.Region.SIGNAL,
                    Sampling.stream(settings.seed(), DATA_STREAM + 100 + 10L * p.ordinal() + fs.ordinal())));
        }
        int vbfSr = 0;
        float[] m4l = buf.floats("f_mass4l");
        float[] nj = buf.floats("f_njets_pass");
        int[] nb = buf.ints("f_Nbjets");
        for (int i = 0; i < total; i++) {
            int src = source[i];
            if (src < 0) {
                buf.copyRow(zx.signalEvents().get(fs), -1 - src, i);
                buf.ints("f_event")[i] = i + 1;
            } else {
                EventFactory f = factories.get(Process.values()[src]);
                while (!f.generate()) {
                    // draw candidates until one passes the selection
                }
                filler.fill(i, f, r, ZplusXGenerator.dataRun(r), 1 + r.nextInt(1500), i + 1);
            }
            if (Category.inVbfSr((int) nj[i], nb[i], m4l[i])) {
                vbfSr++;
            }
        }
        SampleGenerator.setDataWeights(buf, total);
        truth.setData(fs, total, vbfSr);
        return buf.toTable(total);
    }
}
