package org.vbfann.physics.gen;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.vbfann.core.EventTable;

/**
 * The reducible background: Z + two loose non-prompt lepton candidates whose pass probabilities are the true
 * fake rates of {@link FakeRateModel}. Candidates where both pass are signal-region Z+X (they go to the
 * pseudo-data); the others fill the 2P2F and 3P1F control regions (spec §3.3), together with prompt ZZ events
 * that lose a lepton. Also the Z + one probe events of the fake-rate measurement, with a prompt WZ part.
 */
final class ZplusXGenerator {
    /** Stream ids of the Z+X parts, apart from the MC samples' ids (below 10 000). */
    static final long TRUTH_STREAM = 20_000;
    static final long DATA_STREAM = 21_000;
    static final long ZZ_MC_STREAM = 22_000;
    static final long ZZ_DATA_STREAM = 23_000;
    static final long FAKE_RATE_STREAM = 24_000;
    /** Z + one fake probe events per Z flavour and probe flavour at 35.9 fb⁻¹ (our choice: ~1000 per rate bin). */
    static final double FAKE_PROBES = 20_000;
    /** Z + one prompt (WZ) probe events per Z flavour and probe flavour at 35.9 fb⁻¹ (our choice). */
    static final double PROMPT_PROBES = 300;
    /** Simulated ZZ control-region and WZ probe events per sample at scale 1. */
    private static final int PROMPT_MC_EVENTS = 3000;
    /** Candidates per channel of the truth integration at scale 1 (and below): ~3 % MC error on the VBF-SR. */
    private static final int TRUTH_EVENTS = 160_000;
    private static final Process[] ZZ_PROCESSES = {Process.QQZZ, Process.GGZZ};

    private ZplusXGenerator() {
    }

    /** Expected yields of one channel: all selected events (m4ℓ &gt; 70 GeV) and per category. */
    record ZxYields(double total, Map<Category, Double> category, Map<Category, Double> mcError) {
        double get(Category c) {
            return category.get(c);
        }

        /** The statistical error of the integration behind {@link #get}. */
        double error(Category c) {
            return mcError.get(c);
        }
    }

    /** Everything the Z+X part of a run produces. */
    record Output(EventTable dataControlRegions, EventTable dataFakeRate, EventTable zzControlRegions,
                  EventTable wzFakeRate, Map<FinalState, TreeBuffer> signalEvents, Map<FinalState, Integer> signalCounts,
                  Map<ZxChannel, Double> zzControlExpected) {
    }

    /**
     * The true expected Z+X yield of a channel, per category and in total: N_pop·⟨f_a f_b⟩ over a large
     * candidate sample, the fake rates evaluated at the measured leptons (no pass/fail randomness, so the MC
     * error is small).
     */
    static ZxYields trueYields(ZxChannel c, GeneratorSettings s) {
        SplittableRandom r = Sampling.stream(s.seed(), TRUTH_STREAM + c.ordinal());
        EventFactory f = EventFactory.forZplusX(c, r);
        // never below the scale-1 size: the truth must not get noisier when the MC statistics are scaled down
        int n = (int) Math.round(TRUTH_EVENTS * Math.max(1.0, s.scale()));
        double[] sum = new double[Category.values().length + 1];
        double[] sumSq = new double[Category.values().length];
        for (int i = 0; i < n; ) {
            if (!f.generate()) {
                continue;
            }
            double w = FakeRateModel.fakeRate(f.lFlavour[2], f.lPt[2], Math.abs(f.lEta[2]))
                    * FakeRateModel.fakeRate(f.lFlavour[3], f.lPt[3], Math.abs(f.lEta[3]));
            for (Category cat : Category.values()) {
                if (cat.contains(f.nJets, f.nBjets, f.mass4l)) {
                    sum[cat.ordinal()] += w;
                    sumSq[cat.ordinal()] += w * w;
                }
            }
            sum[sum.length - 1] += w;
            i++;
        }
        double norm = population(c, s) / n;
        Map<Category, Double> out = new EnumMap<>(Category.class);
        Map<Category, Double> err = new EnumMap<>(Category.class);
        for (Category cat : Category.values()) {
            int k = cat.ordinal();
            out.put(cat, sum[k] * norm);
            // the spread of w·1[cat] over the n candidates: Var(Σ) = Σw² − (Σw)²/n
            err.put(cat, Math.sqrt(Math.max(0, sumSq[k] - sum[k] * sum[k] / n)) * norm);
        }
        return new ZxYields(sum[sum.length - 1] * norm, out, err);
    }

    /** Expected number of Z + two loose candidates of a channel at the run's luminosity. */
    static double population(ZxChannel c, GeneratorSettings s) {
        return Calibration.zplusxPopulation(c) * s.lumiInvFb() / GeneratorSettings.LUMI_2016;
    }

    /** The channel of a control-region event: the flavours of its tight Z1 and loose pair. */
    static ZxChannel channelOf(EventFactory f) {
        boolean z1Electrons = f.lFlavour[0] == 11;
        boolean looseElectrons = f.lFlavour[2] == 11;
        if (z1Electrons == looseElectrons) {
            return z1Electrons ? ZxChannel.FOUR_E : ZxChannel.FOUR_MU;
        }
        return z1Electrons ? ZxChannel.TWO_E_TWO_MU : ZxChannel.TWO_MU_TWO_E;
    }

    /** Generates the Z+X data and the prompt simulation ({@link #trueYields} gives the truth, channel by channel). */
    static Output generate(GeneratorSettings s) {
        SplittableRandom r = Sampling.stream(s.seed(), DATA_STREAM);
        int[] counts = new int[ZxChannel.values().length];
        int total = 0;
        for (ZxChannel c : ZxChannel.values()) {
            counts[c.ordinal()] = (int) Sampling.poisson(r, population(c, s));
            total += counts[c.ordinal()];
        }
        // prompt ZZ that loses a lepton: simulated sample, expectation, then Poisson data counts
        int nMc = Math.max(10, (int) Math.round(PROMPT_MC_EVENTS * s.scale()));
        TreeBuffer zzMc = new TreeBuffer(NtupleSchema.controlRegionsTree(), nMc * ZZ_PROCESSES.length * FinalState.values().length);
        zzMc.fillSentinel();
        ControlRegionFiller zzFill = new ControlRegionFiller(zzMc);
        Map<ZxChannel, Double> zzExpected = new EnumMap<>(ZxChannel.class);
        for (ZxChannel c : ZxChannel.values()) {
            zzExpected.put(c, 0.0);
        }
        double[][] zzLambda = new double[ZZ_PROCESSES.length][FinalState.values().length];
        int zzRow = 0;
        for (int p = 0; p < ZZ_PROCESSES.length; p++) {
            for (FinalState fs : FinalState.values()) {
                SplittableRandom rm = Sampling.stream(s.seed(), ZZ_MC_STREAM + 10L * p + fs.ordinal());
                EventFactory f = EventFactory.forProcess(ZZ_PROCESSES[p], fs, EventFactory.Region.CONTROL, rm);
                long tried = 0;
                int first = zzRow;
                ZxChannel[] channel = new ZxChannel[nMc];
                for (int k = 0; k < nMc; ) {
                    tried++;
                    if (f.generate() && !f.allPass()) {
                        channel[k] = channelOf(f);
                        zzFill.fill(zzRow++, f, 0.0, 1, 1 + k / 1000, k + 1);
                        k++;
                    }
                }
                double base = ZZ_PROCESSES[p].sigmaBrFb(fs) * s.lumiInvFb() * Calibration.factor(ZZ_PROCESSES[p]) / tried;
                float[] w = zzMc.floats("f_weight");
                for (int k = 0; k < nMc; k++) {
                    w[first + k] = (float) base;
                    zzExpected.merge(channel[k], base, Double::sum);
                }
                zzLambda[p][fs.ordinal()] = base * nMc;
            }
        }
        int[][] zzCounts = new int[ZZ_PROCESSES.length][FinalState.values().length];
        SplittableRandom rz = Sampling.stream(s.seed(), ZZ_DATA_STREAM);
        for (int p = 0; p < ZZ_PROCESSES.length; p++) {
            for (FinalState fs : FinalState.values()) {
                zzCounts[p][fs.ordinal()] = (int) Sampling.poisson(rz, zzLambda[p][fs.ordinal()]);
                total += zzCounts[p][fs.ordinal()];
            }
        }
        TreeBuffer cr = new TreeBuffer(NtupleSchema.controlRegionsTree(), total);
        cr.fillSentinel();
        ControlRegionFiller crFill = new ControlRegionFiller(cr);
        Map<FinalState, TreeBuffer> sr = new EnumMap<>(FinalState.class);
        Map<FinalState, ReducedTreeFiller> srFill = new EnumMap<>(FinalState.class);
        Map<FinalState, Integer> srCount = new EnumMap<>(FinalState.class);
        for (FinalState fs : FinalState.values()) {
            int cap = 200;
            for (ZxChannel c : ZxChannel.values()) {
                if (c.finalState() == fs) {
                    // both loose leptons pass with probability ~f², a few per cent at most: a tenth is many σ above
                    cap += counts[c.ordinal()] / 10;
                }
            }
            TreeBuffer b = new TreeBuffer(NtupleSchema.reducedTree(), cap);
            b.fillSentinel();
            sr.put(fs, b);
            srFill.put(fs, new ReducedTreeFiller(b, true));
            srCount.put(fs, 0);
        }
        int row = 0;
        int event = 1;
        for (ZxChannel c : ZxChannel.values()) {
            EventFactory f = EventFactory.forZplusX(c, r);
            for (int k = 0; k < counts[c.ordinal()]; ) {
                if (!f.generate()) {
                    continue;
                }
                k++;
                int run = dataRun(r);
                int lumi = 1 + r.nextInt(1500);
                if (f.allPass()) {
                    FinalState fs = c.finalState();
                    int at = srCount.get(fs);
                    if (at == sr.get(fs).capacity()) {
                        throw new IllegalStateException("Z+X signal-region buffer of " + fs.label() + " is full at " + at);
                    }
                    srFill.get(fs).fill(at, f, r, run, lumi, event++);
                    srCount.put(fs, at + 1);
                } else {
                    crFill.fill(row++, f, 1.0, run, lumi, event++);
                }
            }
        }
        for (int p = 0; p < ZZ_PROCESSES.length; p++) {
            for (FinalState fs : FinalState.values()) {
                EventFactory f = EventFactory.forProcess(ZZ_PROCESSES[p], fs, EventFactory.Region.CONTROL, rz);
                for (int k = 0; k < zzCounts[p][fs.ordinal()]; ) {
                    if (f.generate() && !f.allPass()) {
                        crFill.fill(row++, f, 1.0, dataRun(rz), 1 + rz.nextInt(1500), event++);
                        k++;
                    }
                }
            }
        }
        for (FinalState fs : FinalState.values()) {
            SampleGenerator.setDataWeights(sr.get(fs), srCount.get(fs));
        }
        EventTable[] fr = fakeRateTrees(s);
        return new Output(cr.toTable(row), fr[0], zzMc.toTable(zzRow), fr[1], sr, srCount, zzExpected);
    }

    /** A 2016 run number, uniform over the 2016 pp runs 273150–284044. */
    static int dataRun(SplittableRandom r) {
        return 273150 + r.nextInt(284044 - 273150 + 1);
    }

    /**
     * The {@code FakeRate} trees of data (fake probes plus prompt WZ probes, weight 1) and of the WZ
     * simulation (prompt probes, weighted to their expectation). Fake probes: pT = pT_min + Exp(12 GeV),
     * η ~ N(0, 1.3) inside the acceptance, tight with the true fake rate; prompt probes from W decays:
     * pT = 10 + Gamma(2, 18) GeV, η ~ N(0, 1.2), tight with the prompt efficiency. The Z leptons are implied
     * (|m_ℓℓ − m_Z| &lt; 7 GeV, MET &lt; 25 GeV, spec §3.2).
     */
    static EventTable[] fakeRateTrees(GeneratorSettings s) {
        SplittableRandom r = Sampling.stream(s.seed(), FAKE_RATE_STREAM);
        double lumi = s.lumiInvFb() / GeneratorSettings.LUMI_2016;
        int[][] nFake = new int[2][2];
        int[][] nPrompt = new int[2][2];
        int total = 0;
        for (int z = 0; z < 2; z++) {
            for (int p = 0; p < 2; p++) {
                nFake[z][p] = (int) Sampling.poisson(r, FAKE_PROBES * lumi);
                nPrompt[z][p] = (int) Sampling.poisson(r, PROMPT_PROBES * lumi);
                total += nFake[z][p] + nPrompt[z][p];
            }
        }
        TreeBuffer data = new TreeBuffer(NtupleSchema.fakeRateTree(), total);
        data.fillSentinel();
        int nMc = Math.max(10, (int) Math.round(PROMPT_MC_EVENTS * s.scale()));
        TreeBuffer mc = new TreeBuffer(NtupleSchema.fakeRateTree(), 4 * nMc);
        mc.fillSentinel();
        int row = 0;
        int mcRow = 0;
        for (int z = 0; z < 2; z++) {
            for (int p = 0; p < 2; p++) {
                int flavour = p == 0 ? 11 : 13;
                String prefix = (z == 0 ? "f_zee_" : "f_zmumu_") + (p == 0 ? "e_" : "mu_");
                for (int k = 0; k < nFake[z][p]; k++) {
                    probe(data, row++, prefix, flavour, true, 1.0, r);
                }
                for (int k = 0; k < nPrompt[z][p]; k++) {
                    probe(data, row++, prefix, flavour, false, 1.0, r);
                }
                double w = PROMPT_PROBES * lumi / nMc;
                for (int k = 0; k < nMc; k++) {
                    probe(mc, mcRow++, prefix, flavour, false, w, r);
                }
            }
        }
        shuffleRows(data, row, r);
        return new EventTable[] {data.toTable(row), mc.toTable(mcRow)};
    }

    private static void probe(TreeBuffer b, int row, String prefix, int flavour, boolean fake, double weight,
                              SplittableRandom r) {
        double ptMin = flavour == 11 ? Detector.ELECTRON_PT_MIN : Detector.MUON_PT_MIN;
        double etaMax = flavour == 11 ? Detector.ELECTRON_ETA_MAX : Detector.MUON_ETA_MAX;
        double pt = fake ? ptMin + Sampling.exponential(r, 12.0) : 10 + Sampling.gamma(r, 2.0, 18.0);
        double eta = Sampling.truncatedGauss(r, 0, fake ? 1.3 : 1.2, etaMax);
        double p = fake ? FakeRateModel.fakeRate(flavour, pt, Math.abs(eta)) : Detector.efficiency(flavour, pt, eta);
        float charge = r.nextBoolean() ? 1f : -1f;
        b.ints("f_run")[row] = weight == 1.0 ? dataRun(r) : 1;
        b.ints("f_lumi")[row] = 1 + r.nextInt(1500);
        b.ints("f_event")[row] = row + 1;
        b.floats("f_weight")[row] = (float) weight;
        b.floats(prefix + "pt_loose")[row] = (float) pt;
        b.floats(prefix + "eta_loose")[row] = (float) eta;
        b.floats(prefix + "charge_loose")[row] = charge;
        if (r.nextDouble() < p) {
            b.floats(prefix + "pt_tight")[row] = (float) pt;
            b.floats(prefix + "eta_tight")[row] = (float) eta;
            b.floats(prefix + "charge_tight")[row] = charge;
        }
    }

    /** Fisher–Yates shuffle of the first {@code n} rows, so fakes and prompt probes are mixed as in data. */
    private static void shuffleRows(TreeBuffer b, int n, SplittableRandom r) {
        TreeBuffer tmp = new TreeBuffer(NtupleSchema.fakeRateTree(), 1);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            tmp.copyRow(b, i, 0);
            b.copyRow(b, j, i);
            b.copyRow(tmp, 0, j);
        }
    }
}
