package org.vbfann.physics.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbfann.core.EventTable;
import org.vbfann.physics.zx.FakeRateMap;
import org.vbfann.physics.zx.ZplusXYield;
import org.vbfann.physics.zx.ZxFinalState;

/** The Z+X inputs encode the fake-rate population consistently with the truth. */
class ZplusXGeneratorTest {
    private static final GeneratorSettings SETTINGS = new GeneratorSettings(GeneratorSettings.LUMI_2016, 77, 0.1, 1);
    private static ZplusXGenerator.Output out;

    @BeforeAll
    static void generate() {
        out = ZplusXGenerator.generate(SETTINGS);
    }

    @Test
    void trueVbfSrYieldsAreTheCalibratedOnes() {
        double total = 0;
        for (ZxChannel c : ZxChannel.values()) {
            double y = out.truth().get(c).get(Category.VBF_SR);
            // the truth integration uses 40 000 candidates per channel: ~3 % MC error
            assertEquals(c.vbfSrTarget(), y, 0.10 * c.vbfSrTarget() + 0.05, c.label());
            total += y;
        }
        assertEquals(5.08, total, 0.5, "spec §3.5: Z+X 5.08 in the VBF-SR");
    }

    /**
     * With the true fake rates, the 2P2F estimate Σ w_a·w_b (spec §3.4) of the data control region recovers
     * the true Z+X yield of the whole selection, per channel, within its statistical error plus the small
     * 3P1F-only (prompt ZZ) contamination.
     */
    @Test
    void twoPassTwoFailEstimateWithTrueFakeRatesClosesOnTheTruth() {
        EventTable cr = out.dataControlRegions();
        int[] f2p2f = cr.column("f_2p2f").ints();
        double[] sum = new double[ZxChannel.values().length];
        double[] sumSq = new double[ZxChannel.values().length];
        for (int i = 0; i < cr.entries(); i++) {
            if (f2p2f[i] != 1) {
                continue;
            }
            double w = 1;
            int looseFlavour = 0;
            int tightFlavour = 0;
            for (int l = 1; l <= 4; l++) {
                int pdg = Math.abs(cr.column("f_lept" + l + "_pdgid").ints()[i]);
                if (cr.column("f_lept" + l + "_pass").ints()[i] == 0) {
                    double f = FakeRateModel.fakeRate(pdg, cr.column("f_lept" + l + "_pt").floats()[i],
                            Math.abs(cr.column("f_lept" + l + "_eta").floats()[i]));
                    w *= f / (1 - f);
                    looseFlavour = pdg;
                } else {
                    tightFlavour = pdg;
                }
            }
            ZxChannel c = looseFlavour == tightFlavour ? (looseFlavour == 11 ? ZxChannel.FOUR_E : ZxChannel.FOUR_MU)
                    : (looseFlavour == 13 ? ZxChannel.TWO_E_TWO_MU : ZxChannel.TWO_MU_TWO_E);
            sum[c.ordinal()] += w;
            sumSq[c.ordinal()] += w * w;
        }
        for (ZxChannel c : ZxChannel.values()) {
            double truth = out.truth().get(c).total();
            assertEquals(truth, sum[c.ordinal()], 4 * Math.sqrt(sumSq[c.ordinal()]) + 0.05 * truth, c.label());
        }
    }

    @Test
    void fakeRateTreeGivesTheFakeRateScaleOfTheSpec() {
        EventTable d = out.dataFakeRate();
        EventTable wz = out.wzFakeRate();
        // electrons and muons from both Z flavours, prompt WZ subtracted (spec §3.2)
        double fe = corrected(d, wz, "e");
        double fm = corrected(d, wz, "mu");
        // spec §3.5: average fake rate e 0.040, mu 0.118
        assertEquals(0.040, fe, 0.015, "electron fake rate");
        assertEquals(0.118, fm, 0.03, "muon fake rate");
        assertTrue(fraction(d, "e") > fe, "uncorrected rate is biased up by prompt leptons");
    }

    private static double corrected(EventTable d, EventTable mc, String flavour) {
        double[] data = counts(d, flavour);
        double[] prompt = counts(mc, flavour);
        return (data[1] - prompt[1]) / (data[0] - prompt[0]);
    }

    private static double fraction(EventTable d, String flavour) {
        double[] c = counts(d, flavour);
        return c[1] / c[0];
    }

    /** Weighted loose and tight probe counts of one flavour over both Z flavours. */
    private static double[] counts(EventTable t, String flavour) {
        double[] c = new double[2];
        float[] w = t.column("f_weight").floats();
        for (String z : new String[] {"zee", "zmumu"}) {
            float[] loose = t.column("f_" + z + "_" + flavour + "_pt_loose").floats();
            float[] tight = t.column("f_" + z + "_" + flavour + "_pt_tight").floats();
            for (int i = 0; i < t.entries(); i++) {
                c[0] += loose[i] > 0 ? w[i] : 0;
                c[1] += tight[i] > 0 ? w[i] : 0;
            }
        }
        return c;
    }

    @Test
    void promptZzFillsMostlyThreePassOneFail() {
        EventTable zz = out.zzControlRegions();
        int[] p3 = zz.column("f_3p1f").ints();
        int[] p2 = zz.column("f_2p2f").ints();
        int[] pp = zz.column("f_2p2p").ints();
        int n3 = 0;
        for (int i = 0; i < zz.entries(); i++) {
            n3 += p3[i];
            assertEquals(1, p3[i] + p2[i], "exactly one of 3P1F and 2P2F");
            assertEquals(0, pp[i]);
        }
        assertTrue(n3 > 0.9 * zz.entries(), "a prompt pair rarely loses both leptons: " + n3 + "/" + zz.entries());
        double expected = 0;
        for (double v : out.zzControlExpected().values()) {
            expected += v;
        }
        assertTrue(expected > 20 && expected < 800, "ZZ in the control regions at 35.9/fb: " + expected);
    }

    /**
     * Closure of the whole fake-rate method on the generator's data (issue 7): fake rates measured from the
     * FakeRate trees with the WZ simulation subtracted, applied to the data control regions in the VBF-SR
     * with the guide's formula per final state, against the true VBF-SR Z+X of the generator, within three
     * statistical standard deviations plus 15 % (the fake-rate bins average over pT and |η|).
     */
    @Test
    void measuredFakeRatesRecoverTheTrueVbfSrYield() {
        // barrel/endcap as in the 1-D monitoring plots (spec §3.2): the spec's 48 bins leave the WZ-dominated
        // high-pT bins too noisy for 20 000 probes per Z and probe flavour
        double[] pt = {5, 10, 20, 30, 1000};
        FakeRateMap[] maps = {new FakeRateMap(11, pt, new double[] {0, 1.479, 2.5}),
            new FakeRateMap(13, pt, new double[] {0, 1.2, 2.4})};
        fillMaps(maps, out.dataFakeRate(), false);
        fillMaps(maps, out.wzFakeRate(), true);
        java.util.Map<ZxFinalState, ZplusXYield> yields = new java.util.EnumMap<>(ZxFinalState.class);
        for (ZxFinalState fs : ZxFinalState.values()) {
            yields.put(fs, new ZplusXYield(fs));
        }
        addControlRegion(yields, maps, out.dataControlRegions(), false);
        addControlRegion(yields, maps, out.zzControlRegions(), true);
        double total = 0;
        double totalTruth = 0;
        double var = 0;
        for (ZxChannel c : ZxChannel.values()) {
            ZplusXYield.Value v = yields.get(ZxFinalState.valueOf(c.name())).yield(ZplusXYield.Formula.GUIDE);
            double truth = out.truth().get(c).get(Category.VBF_SR);
            assertEquals(truth, v.yield(), 3 * v.stat() + 0.15 * truth, c.label());
            total += v.yield();
            totalTruth += truth;
            var += v.stat() * v.stat();
        }
        assertEquals(totalTruth, total, 3 * Math.sqrt(var) + 0.15 * totalTruth, "4l");
    }

    private static void fillMaps(FakeRateMap[] maps, EventTable t, boolean prompt) {
        float[] w = t.column("f_weight").floats();
        for (String z : new String[] {"zee", "zmumu"}) {
            for (int f = 0; f < 2; f++) {
                String p = "f_" + z + "_" + (f == 0 ? "e" : "mu") + "_";
                float[] pt = t.column(p + "pt_loose").floats();
                float[] eta = t.column(p + "eta_loose").floats();
                float[] tight = t.column(p + "pt_tight").floats();
                for (int i = 0; i < t.entries(); i++) {
                    if (pt[i] > 0) {
                        maps[f].add(pt[i], eta[i], tight[i] > 0, prompt, w[i]);
                    }
                }
            }
        }
    }

    private static void addControlRegion(java.util.Map<ZxFinalState, ZplusXYield> yields, FakeRateMap[] maps, EventTable cr,
                                         boolean zzSimulation) {
        int[] nj = cr.column("f_njets_pass").ints();
        int[] nb = cr.column("f_Nbjets").ints();
        float[] m4l = cr.column("f_mass4l").floats();
        float[] w = cr.column("f_weight").floats();
        int[] p3 = cr.column("f_3p1f").ints();
        for (int i = 0; i < cr.entries(); i++) {
            if (!Category.inVbfSr(nj[i], nb[i], m4l[i])) {
                continue;
            }
            double[] f = new double[2];
            int failing = 0;
            int looseFlavour = 0;
            int electrons = 0;
            for (int l = 1; l <= 4; l++) {
                int pdg = Math.abs(cr.column("f_lept" + l + "_pdgid").ints()[i]);
                electrons += pdg == 11 ? 1 : 0;
                if (cr.column("f_lept" + l + "_pass").ints()[i] == 0) {
                    f[failing++] = maps[pdg == 11 ? 0 : 1].lookup(cr.column("f_lept" + l + "_pt").floats()[i],
                            Math.abs(cr.column("f_lept" + l + "_eta").floats()[i]));
                    looseFlavour = pdg;
                }
            }
            // four of a kind: 4e or 4mu; mixed: the loose pair has the failing lepton's flavour, Z1 the other
            boolean mixed = electrons == 2;
            ZplusXYield y = yields.get(ZxFinalState.of(mixed ? 24 - looseFlavour : looseFlavour, looseFlavour));
            if (zzSimulation) {
                if (p3[i] == 1) {
                    y.addZz3P1F(w[i], f[0]);
                }
            } else if (p3[i] == 1) {
                y.addData3P1F(f[0]);
            } else {
                y.addData2P2F(f[0], f[1]);
            }
        }
    }
}
