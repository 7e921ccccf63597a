package org.vbfann.physics.zx;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vbfann.core.EventTable;
import org.vbfann.physics.PhysicsException;
import org.vbfann.physics.expr.Expression;

/**
 * Reads the Z+X trees of spec §1.4 into fake-rate maps and yields: {@code FakeRate} probes into a
 * {@link FakeRateMap} per flavour, {@code ControlRegions} candidates (data or prompt ZZ simulation) into a
 * {@link ZplusXYield} per final state. Missing branches are named in the error.
 */
public final class ZplusXInputs {
    private static final String[] Z_FLAVOURS = {"zee", "zmumu"};
    private static final String[] PROBES = {"e", "mu"};

    private ZplusXInputs() {
    }

    /**
     * Adds every probe of a {@code FakeRate} tree: loose probes to the denominators, those with a tight pT to
     * the numerators, weighted by {@code f_weight}; {@code prompt} for the simulation to subtract.
     *
     * @param electrons the map of flavour 11
     * @param muons     the map of flavour 13
     */
    public static void addProbes(FakeRateMap electrons, FakeRateMap muons, EventTable fakeRate, boolean prompt) {
        List<String> needed = new ArrayList<>(List.of("f_weight"));
        for (String z : Z_FLAVOURS) {
            for (String p : PROBES) {
                needed.add("f_" + z + "_" + p + "_pt_loose");
                needed.add("f_" + z + "_" + p + "_eta_loose");
                needed.add("f_" + z + "_" + p + "_pt_tight");
            }
        }
        requireBranches(fakeRate, needed, "FakeRate");
        float[] w = fakeRate.column("f_weight").floats();
        for (String z : Z_FLAVOURS) {
            for (String p : PROBES) {
                FakeRateMap map = p.equals("e") ? electrons : muons;
                String prefix = "f_" + z + "_" + p + "_";
                float[] pt = fakeRate.column(prefix + "pt_loose").floats();
                float[] eta = fakeRate.column(prefix + "eta_loose").floats();
                float[] tight = fakeRate.column(prefix + "pt_tight").floats();
                for (int i = 0; i < fakeRate.entries(); i++) {
                    if (pt[i] > 0) {
                        map.add(pt[i], eta[i], tight[i] > 0, prompt, w[i]);
                    }
                }
            }
        }
    }

    /**
     * Adds the 2P2F and 3P1F candidates of a {@code ControlRegions} tree that pass {@code region} (e.g. the
     * VBF-SR selection; {@code null} for all, the "smhiggs" region) to the yields of their final states:
     * data candidates as data, or with {@code zzSimulation} the 3P1F ones as the prompt ZZ term (weight
     * {@code f_weight}). The final state follows from the flavours: four of a kind is 4e/4mu; otherwise the
     * loose pair has the flavour of the failing lepton(s) (spec §3.3).
     *
     * @return the number of candidates added
     */
    public static int addControlRegion(Map<ZxFinalState, ZplusXYield> yields, EventTable cr, Expression region,
                                       FakeRateMap electrons, FakeRateMap muons, boolean zzSimulation) {
        return addControlRegion(yields, cr, region, null, electrons, muons, zzSimulation);
    }

    /**
     * The same, also filling the yields' shapes with the value of {@code variable} (e.g. {@code f_mass4l} or a
     * network score branch) for each candidate; yields made without a shape axis ignore it.
     */
    public static int addControlRegion(Map<ZxFinalState, ZplusXYield> yields, EventTable cr, Expression region,
                                       Expression variable, FakeRateMap electrons, FakeRateMap muons,
                                       boolean zzSimulation) {
        List<String> needed = new ArrayList<>(List.of("f_weight"));
        needed.addAll(candidateBranches());
        requireBranches(cr, needed, "ControlRegions");
        Candidates c = new Candidates(cr);
        boolean[] pass = region == null ? null : region.select(cr);
        double[] x = variable == null ? null : variable.evaluate(cr);
        float[] w = cr.column("f_weight").floats();
        int added = 0;
        FakeRate[] f = new FakeRate[2];
        for (int i = 0; i < cr.entries(); i++) {
            if ((pass != null && !pass[i]) || !c.inControlRegion(i)) {
                continue;
            }
            int looseFlavour = c.failingRates(i, electrons, muons, f);
            ZplusXYield target = yields.computeIfAbsent(ZxFinalState.of(c.tightFlavour(i, looseFlavour), looseFlavour),
                    ZplusXYield::new);
            if (c.threePassOneFail[i] == 1) {
                if (zzSimulation) {
                    target.addZz3P1F(w[i], f[0]);
                } else {
                    target.addData3P1F(f[0], x == null ? Double.NaN : x[i]);
                }
                added++;
            } else if (!zzSimulation) {
                target.addData2P2F(f[0], f[1], x == null ? Double.NaN : x[i]);
                added++;
            }
        }
        return added;
    }

    /**
     * The fake-rate weight of every candidate of a {@code ControlRegions} tree, as the guide's FormatROOTs gave
     * Z+X events to the training (spec §2.1 item 4): the product of w = f/(1 − f) over its failing leptons for a
     * 2P2F or 3P1F candidate, 0 for any other (2P2P) entry.
     */
    public static double[] fakeRateWeights(EventTable cr, FakeRateMap electrons, FakeRateMap muons) {
        Candidates c = new Candidates(cr);
        double[] out = new double[cr.entries()];
        FakeRate[] f = new FakeRate[2];
        for (int i = 0; i < out.length; i++) {
            if (c.inControlRegion(i)) {
                c.failingRates(i, electrons, muons, f);
                out[i] = ZplusXYield.weightOf(f[0]) * (c.threePassOneFail[i] == 1 ? 1 : ZplusXYield.weightOf(f[1]));
            }
        }
        return out;
    }

    /** The branches of {@code ControlRegions} that say which leptons fail (spec §1.4). */
    public static List<String> candidateBranches() {
        List<String> names = new ArrayList<>(List.of("f_3p1f", "f_2p2f"));
        for (int l = 1; l <= 4; l++) {
            for (String q : new String[] {"pt", "eta", "pdgid", "pass"}) {
                names.add("f_lept" + l + "_" + q);
            }
        }
        return names;
    }

    /** The leptons of control-region candidates: which fail, their rates, the final state. */
    private static final class Candidates {
        final int[] threePassOneFail;
        final int[] twoPassTwoFail;
        final float[][] pt = new float[4][];
        final float[][] eta = new float[4][];
        final int[][] pdg = new int[4][];
        final int[][] ok = new int[4][];

        Candidates(EventTable cr) {
            requireBranches(cr, candidateBranches(), "ControlRegions");
            threePassOneFail = cr.column("f_3p1f").ints();
            twoPassTwoFail = cr.column("f_2p2f").ints();
            for (int l = 0; l < 4; l++) {
                pt[l] = cr.column("f_lept" + (l + 1) + "_pt").floats();
                eta[l] = cr.column("f_lept" + (l + 1) + "_eta").floats();
                pdg[l] = cr.column("f_lept" + (l + 1) + "_pdgid").ints();
                ok[l] = cr.column("f_lept" + (l + 1) + "_pass").ints();
            }
        }

        boolean inControlRegion(int i) {
            return threePassOneFail[i] == 1 || twoPassTwoFail[i] == 1;
        }

        /** Puts the rates of the (first two) failing leptons of entry {@code i} into {@code out}; their flavour. */
        int failingRates(int i, FakeRateMap electrons, FakeRateMap muons, FakeRate[] out) {
            int failing = 0;
            int looseFlavour = 0;
            for (int l = 0; l < 4; l++) {
                int flavour = Math.abs(pdg[l][i]);
                if (ok[l][i] == 0 && failing < 2) {
                    out[failing++] = (flavour == 11 ? electrons : muons).lookup(pt[l][i], Math.abs(eta[l][i]));
                    looseFlavour = flavour;
                }
            }
            return looseFlavour;
        }

        /** Four of a kind is 4e/4mu; otherwise the tight pair has the other flavour than the loose one. */
        int tightFlavour(int i, int looseFlavour) {
            int electrons = 0;
            for (int l = 0; l < 4; l++) {
                electrons += Math.abs(pdg[l][i]) == 11 ? 1 : 0;
            }
            return electrons == 2 ? (looseFlavour == 11 ? 13 : 11) : looseFlavour;
        }
    }

    /** Empty yields of every final state, to fill with {@link #addControlRegion}. */
    public static Map<ZxFinalState, ZplusXYield> emptyYields() {
        Map<ZxFinalState, ZplusXYield> m = new EnumMap<>(ZxFinalState.class);
        for (ZxFinalState fs : ZxFinalState.values()) {
            m.put(fs, new ZplusXYield(fs));
        }
        return m;
    }

    private static void requireBranches(EventTable t, List<String> names, String tree) {
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            if (!t.has(n)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw new PhysicsException(tree + " tree lacks branch" + (missing.size() == 1 ? " " : "es ")
                    + String.join(", ", missing));
        }
    }
}
