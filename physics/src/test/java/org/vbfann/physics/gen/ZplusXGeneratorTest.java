package org.vbfann.physics.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vbfann.core.EventTable;
import org.vbfann.physics.expr.Expression;
import org.vbfann.physics.zx.FakeRateMap;
import org.vbfann.physics.zx.ZplusXCombination;
import org.vbfann.physics.zx.ZplusXInputs;
import org.vbfann.physics.zx.ZplusXYield;
import org.vbfann.physics.zx.ZxFinalState;

/** The Z+X inputs encode the fake-rate population consistently with the truth. */
class ZplusXGeneratorTest {
    private static final GeneratorSettings SETTINGS = new GeneratorSettings(GeneratorSettings.LUMI_2016, 77, 0.1, 1);
    private static ZplusXGenerator.Output out;
    private static final Map<ZxChannel, ZplusXGenerator.ZxYields> TRUTH = new EnumMap<>(ZxChannel.class);

    @BeforeAll
    static void generate() {
        out = ZplusXGenerator.generate(SETTINGS);
        for (ZxChannel c : ZxChannel.values()) {
            TRUTH.put(c, ZplusXGenerator.trueYields(c, SETTINGS));
        }
    }

    /** The truth's quoted MC error describes how it moves with the seed (another stream, another integration). */
    @Test
    void theTruthMcErrorMatchesTheSpreadOverSeeds() {
        GeneratorSettings other = new GeneratorSettings(GeneratorSettings.LUMI_2016, 78, 0.1, 1);
        double chi2 = 0;
        for (ZxChannel c : ZxChannel.values()) {
            ZplusXGenerator.ZxYields b = ZplusXGenerator.trueYields(c, other);
            for (Category cat : Category.values()) {
                double d = TRUTH.get(c).get(cat) - b.get(cat);
                chi2 += d * d / (Math.pow(TRUTH.get(c).error(cat), 2) + Math.pow(b.error(cat), 2));
            }
        }
        int ndf = ZxChannel.values().length * Category.values().length;
        // chi2 of ndf independent differences: mean ndf, far below 3·ndf unless the errors are too small
        assertTrue(chi2 > 0.2 * ndf && chi2 < 3.0 * ndf, "chi2 " + chi2 + " for " + ndf + " differences");
    }

    @Test
    void trueVbfSrYieldsAreTheCalibratedOnes() {
        double total = 0;
        for (ZxChannel c : ZxChannel.values()) {
            double y = TRUTH.get(c).get(Category.VBF_SR);
            // the truth integration's MC error is ~2 % (160 000 candidates per channel)
            assertTrue(TRUTH.get(c).error(Category.VBF_SR) < 0.03 * y, c.label() + " MC error");
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
            double truth = TRUTH.get(c).total();
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
     * standard deviations of the estimate (control-region and fake-rate statistics) and the truth's MC error.
     */
    @Test
    void measuredFakeRatesRecoverTheTrueVbfSrYield() {
        // barrel/endcap as in the 1-D monitoring plots (spec §3.2): the spec's 48 bins leave the WZ-dominated
        // high-pT bins too noisy for 20 000 probes per Z and probe flavour
        double[] pt = {5, 10, 20, 30, 1000};
        FakeRateMap electrons = new FakeRateMap(11, pt, new double[] {0, 1.479, 2.5});
        FakeRateMap muons = new FakeRateMap(13, pt, new double[] {0, 1.2, 2.4});
        ZplusXInputs.addProbes(electrons, muons, out.dataFakeRate(), false);
        ZplusXInputs.addProbes(electrons, muons, out.wzFakeRate(), true);
        Expression vbfSr = Expression.parse("((f_njets_pass >= 2 && f_njets_pass <= 3 && f_Nbjets <= 1)"
                + " || (f_njets_pass > 3 && f_Nbjets == 0)) && f_mass4l >= 118 && f_mass4l <= 130");
        Map<ZxFinalState, ZplusXYield> yields = ZplusXInputs.emptyYields();
        ZplusXInputs.addControlRegion(yields, out.dataControlRegions(), vbfSr, electrons, muons, false);
        ZplusXInputs.addControlRegion(yields, out.zzControlRegions(), vbfSr, electrons, muons, true);
        Map<ZxFinalState, ZplusXYield.Value> values = new EnumMap<>(ZxFinalState.class);
        double totalTruth = 0;
        double truthVar = 0;
        for (ZxChannel c : ZxChannel.values()) {
            ZplusXYield.Value v = yields.get(c.zxFinalState()).yield(ZplusXYield.Formula.GUIDE);
            values.put(c.zxFinalState(), v);
            double truth = TRUTH.get(c).get(Category.VBF_SR);
            double truthError = TRUTH.get(c).error(Category.VBF_SR);
            double sigma = Math.sqrt(v.stat() * v.stat() + v.fakeRateStat() * v.fakeRateStat() + truthError * truthError);
            assertEquals(truth, v.yield(), 3 * sigma, c.label());
            totalTruth += truth;
            truthVar += truthError * truthError;
        }
        Map<ZxFinalState, Double> noSyst = new EnumMap<>(ZxFinalState.class);
        values.forEach((fs, v) -> noSyst.put(fs, v.yield()));
        ZplusXCombination.Row all = ZplusXCombination.combine(values, noSyst, noSyst).get("4l");
        assertEquals(totalTruth, all.yield(), 3 * Math.sqrt(all.total() * all.total() + truthVar), "4l");
    }

    @Test
    void missingBranchesAreNamed() {
        EventTable t = EventTable.of(0, java.util.List.of());
        FakeRateMap e = new FakeRateMap(11, FakeRateMap.DEFAULT_PT_EDGES, FakeRateMap.DEFAULT_ETA_EDGES);
        FakeRateMap m = new FakeRateMap(13, FakeRateMap.DEFAULT_PT_EDGES, FakeRateMap.DEFAULT_ETA_EDGES);
        org.vbfann.physics.PhysicsException ex = org.junit.jupiter.api.Assertions.assertThrows(
                org.vbfann.physics.PhysicsException.class,
                () -> ZplusXInputs.addControlRegion(ZplusXInputs.emptyYields(), t, null, e, m, false));
        assertTrue(ex.getMessage().startsWith("ControlRegions tree lacks branches f_weight, f_3p1f, f_2p2f, f_lept1_pt,"),
                ex.getMessage());
    }
}
