package org.vbfann.physics.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vbfann.core.EventTable;
import org.vbfann.physics.Hzz4lObservables;
import org.vbfann.rootio.RootFile;

class DatasetBuilderTest {
    static final String SELECTION = "f_Nbjets <= 1 && f_mass4l >= 118 && f_mass4l <= 130";
    static final List<String> FEATURES = List.of("f_lept1_pt", "f_jets_highpt_pt[0]", "f_jets_highpt_pt[2]", "mjj",
            "f_jets_highpt_eta[0] - f_jets_highpt_eta[1]");

    @TempDir
    static Path dir;
    static Path vbf4mu;
    static Path vbf4e;
    static Path ggh;
    static Path zz;

    @BeforeAll
    static void files() {
        vbf4mu = ToyNtuples.write(dir.resolve("histos4mu_25ns/output_VBF_HToZZTo4L.root"),
                new ToyNtuples.Spec(700, 1, true, 0.01), 0, 0);
        vbf4e = ToyNtuples.write(dir.resolve("histos4e_25ns/output_VBF_HToZZTo4L.root"),
                new ToyNtuples.Spec(500, 2, true, 0.01), 0, 0);
        ggh = ToyNtuples.write(dir.resolve("histos2e2mu_25ns/output_GluGluHToZZTo4L.root"),
                new ToyNtuples.Spec(600, 3, true, 0.02), 0, 0);
        zz = ToyNtuples.write(dir.resolve("histos4mu_25ns/output_ZZTo4L_13TeV_powheg.root"),
                new ToyNtuples.Spec(3000, 4, false, 0.05), 0, 0);
    }

    static DatasetSpec spec(String selection, int njets, boolean exact, List<String> features, long seed) {
        return new DatasetSpec(List.of("qqH", "ggH", "qqZZ"), List.of("VBF_H", "GluGluH", "ZZTo4L_13TeV"), List.of("qqH"),
                selection, njets, exact, features, new double[] {0.6, 0.2, 0.2}, seed, DatasetSpec.DEFAULT_TREE,
                DatasetSpec.DEFAULT_WEIGHT, DatasetSpec.ALL_EVENTS, null);
    }

    static Dataset build(DatasetSpec s) {
        return DatasetBuilder.build(s, List.of(vbf4mu, vbf4e, ggh, zz), DatasetListener.NONE);
    }

    /** The slow reference: every entry of every file of a key, selected by a plain loop over the raw columns. */
    static double[] reference(List<Path> files, int njets, boolean exact) {
        double events = 0;
        double sumw = 0;
        double all = 0;
        for (Path f : files) {
            try (RootFile rf = RootFile.open(f)) {
                EventTable t = rf.tree(DatasetSpec.DEFAULT_TREE).read(List.of("f_Nbjets", "f_mass4l", "f_njets_pass",
                        "f_weight"));
                for (int e = 0; e < t.entries(); e++) {
                    all++;
                    float m = t.column("f_mass4l").floats()[e];
                    float nj = t.column("f_njets_pass").floats()[e];
                    boolean pass = t.column("f_Nbjets").ints()[e] <= 1 && m >= 118 && m <= 130
                            && (exact ? nj == njets : nj >= njets);
                    if (pass) {
                        events++;
                        sumw += t.column("f_weight").floats()[e];
                    }
                }
            }
        }
        return new double[] {all, events, sumw};
    }

    @Test
    void yieldsBeforeAndAfterSelectionMatchALoopOverTheFiles() {
        Dataset d = build(spec(SELECTION, 2, false, FEATURES, 7));
        Dataset.ProcessSummary qqh = d.processes().get(0);
        double[] ref = reference(List.of(vbf4mu, vbf4e), 2, false);
        assertEquals("qqH", qqh.key());
        assertTrue(qqh.signal());
        assertEquals(2, qqh.files());
        assertEquals((long) ref[0], qqh.eventsBefore());
        assertEquals((long) ref[1], qqh.eventsAfter());
        // float weights summed in double in both loops, in the same order: equal to rounding
        assertEquals(ref[2], qqh.sumWAfter(), 1e-12);
        double[] zzRef = reference(List.of(zz), 2, false);
        assertEquals((long) zzRef[1], d.processes().get(2).eventsAfter());
        long rows = 0;
        for (Dataset.Split s : d.splits()) {
            rows += s.rows();
        }
        assertEquals(ref[1] + reference(List.of(ggh), 2, false)[1] + zzRef[1], rows);
        assertTrue(d.yieldTable().contains("qqH"));
    }

    /**
     * At most 50 events per key: the kept ones are a subset of the full dataset's (same seed, so the same shuffle),
     * the first of each key in shuffled order, with the weights scaled so each key keeps its yield.
     */
    @Test
    void aPerKeyLimitKeepsASubsetWithTheKeysYield() {
        DatasetSpec all = spec(SELECTION, 2, false, FEATURES, 7);
        DatasetSpec capped = new DatasetSpec(all.keys(), all.tags(), all.signal(), all.selection(), 2, false, FEATURES,
                all.split(), 7, all.tree(), all.weight(), 50, null);
        Dataset full = build(all);
        Dataset few = build(capped);
        for (int p = 0; p < 3; p++) {
            Dataset.ProcessSummary f = full.processes().get(p);
            Dataset.ProcessSummary c = few.processes().get(p);
            long kept = c.splitEvents()[0] + c.splitEvents()[1] + c.splitEvents()[2];
            assertEquals(Math.min(50, f.eventsAfter()), kept, c.key());
            assertEquals(f.eventsAfter(), c.eventsAfter(), c.key() + ": the table still counts every selected event");
            assertEquals(f.sumWAfter(), c.splitSumW()[0] + c.splitSumW()[1] + c.splitSumW()[2],
                    1e-9 * Math.abs(f.sumWAfter()), c.key() + ": yield kept");
        }
        assertTrue(full.processes().get(2).eventsAfter() > 50, "the limit bites on qqZZ");
        // every kept training row of qqZZ is a row of the full dataset (features compared as stored)
        Dataset.Split fullTrain = full.split("train");
        Dataset.Split fewTrain = few.split("train");
        int nf = FEATURES.size();
        java.util.Set<String> rows = new java.util.HashSet<>();
        for (int r = 0; r < fullTrain.rows(); r++) {
            rows.add(java.util.Arrays.toString(java.util.Arrays.copyOfRange(fullTrain.x(), r * nf, r * nf + nf)));
        }
        int qqzz = 0;
        for (int r = 0; r < fewTrain.rows(); r++) {
            if (fewTrain.process()[r] == 2) {
                qqzz++;
                assertTrue(rows.contains(java.util.Arrays.toString(java.util.Arrays.copyOfRange(fewTrain.x(), r * nf,
                        r * nf + nf))), "row " + r);
            }
        }
        assertEquals(30, qqzz, "60 % of the 50 kept");
        DatasetException e = assertThrows(DatasetException.class, () -> new DatasetSpec(all.keys(), all.tags(),
                all.signal(), "", 0, false, FEATURES, all.split(), 7, "t", "w", 0, null));
        assertEquals("the maximum number of events per key must be >= 1, got 0", e.getMessage());
    }

    @Test
    void exactJetCategoryKeepsOnlyThatMultiplicity() {
        Dataset d = build(spec(SELECTION, 3, true, FEATURES, 7));
        assertEquals((long) reference(List.of(vbf4mu, vbf4e), 3, true)[1], d.processes().get(0).eventsAfter());
        // with exactly 3 jets the third slot is always filled: no value was turned into 0
        for (Dataset.Split s : d.splits()) {
            for (int r = 0; r < s.rows(); r++) {
                assertTrue(s.x()[r * 5 + 2] >= 30, "jet 3 pT");
            }
        }
    }

    @Test
    void splitsArePerProcessFractionsInSeededShuffledOrder() {
        Dataset d = build(spec(SELECTION, 2, false, FEATURES, 7));
        for (int p = 0; p < 3; p++) {
            Dataset.ProcessSummary ps = d.processes().get(p);
            assertEquals((long) Math.floor(ps.eventsAfter() * 0.6), ps.splitEvents()[0]);
            assertEquals((long) Math.floor(ps.eventsAfter() * 0.2), ps.splitEvents()[1]);
            assertEquals(ps.eventsAfter(), ps.splitEvents()[0] + ps.splitEvents()[1] + ps.splitEvents()[2]);
        }
        Dataset.Split train = d.split("train");
        // mixed: the first 20 training events are not all from one process or one final state
        assertTrue(distinct(train.process(), 20) > 1 && distinct(train.finalState(), 20) > 1);
        Dataset again = build(spec(SELECTION, 2, false, FEATURES, 7));
        assertArrayEquals(train.x(), again.split("train").x());
        Dataset other = build(spec(SELECTION, 2, false, FEATURES, 8));
        assertNotEquals(List.of(train.x()[0], train.x()[1]), List.of(other.split("train").x()[0],
                other.split("train").x()[1]));
    }

    private static int distinct(int[] v, int n) {
        return (int) java.util.Arrays.stream(v, 0, n).distinct().count();
    }

    @Test
    void featuresAreBranchesArrayElementsDerivedNamesAndExpressions() {
        Dataset d = build(spec("", 0, false, FEATURES, 7));
        // no selection: every event is there; find each training row's source by its lepton pT and jet pT
        try (RootFile rf = RootFile.open(zz)) {
            EventTable t = rf.tree(DatasetSpec.DEFAULT_TREE).read(List.of());
            float[] lpt = t.column("f_lept1_pt").floats();
            float[] jpt = t.column("f_jets_highpt_pt").floats();
            float[] jeta = t.column("f_jets_highpt_eta").floats();
            float[] jphi = t.column("f_jets_highpt_phi").floats();
            float[] jet = t.column("f_jets_highpt_et").floats();
            Dataset.Split s = d.split("test");
            int checked = 0;
            for (int r = 0; r < s.rows(); r++) {
                if (s.process()[r] != 2) {
                    continue;
                }
                int e = find(lpt, s.x()[r * 5]);
                assertEquals(jpt[4 * e], s.x()[r * 5 + 1]);
                assertEquals(jpt[4 * e + 2] == -999f ? 0f : jpt[4 * e + 2], s.x()[r * 5 + 2]);
                double mjj = jpt[4 * e + 1] == -999f ? 0 : Hzz4lObservables.pairMass(jpt[4 * e], jeta[4 * e],
                        jphi[4 * e], Hzz4lObservables.jetEnergy(jet[4 * e], jeta[4 * e]), jpt[4 * e + 1],
                        jeta[4 * e + 1], jphi[4 * e + 1], Hzz4lObservables.jetEnergy(jet[4 * e + 1], jeta[4 * e + 1]));
                assertEquals((float) mjj, s.x()[r * 5 + 3], 1e-3f * Math.max(1f, (float) mjj));
                // the rule is on the value: a difference with an absent jet's -999 is kept unless it is <= -998.5
                double deta = (double) jeta[4 * e] - jeta[4 * e + 1];
                assertEquals(Hzz4lObservables.isSentinel(deta) ? 0f : (float) deta, s.x()[r * 5 + 4]);
                checked++;
            }
            assertTrue(checked > 100);
        }
        assertEquals(List.of("f_Djet_VAJHU", "f_D_jet"), d.references());
        assertEquals("f_jets_highpt_pt_0", d.features().get(1).column());
    }

    private static int find(float[] v, float x) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] == x) {
                return i;
            }
        }
        throw new AssertionError("no event with lepton pT " + x);
    }

    @Test
    void writtenDatasetReadsBackIdentically(@TempDir Path out) {
        Dataset d = build(spec(SELECTION, 2, false, FEATURES, 7));
        DatasetFiles.write(d, out);
        Dataset back = DatasetFiles.read(out);
        assertEquals(d.spec(), back.spec());
        assertEquals(d.features(), back.features());
        assertEquals(d.references(), back.references());
        for (int s = 0; s < 3; s++) {
            Dataset.Split a = d.splits().get(s);
            Dataset.Split b = back.splits().get(s);
            assertArrayEquals(a.x(), b.x());
            assertArrayEquals(a.weight(), b.weight());
            assertArrayEquals(a.process(), b.process());
            assertArrayEquals(a.finalState(), b.finalState());
            assertArrayEquals(a.reference()[0], b.reference()[0]);
        }
        for (int p = 0; p < 3; p++) {
            assertEquals(d.processes().get(p).sumWAfter(), back.processes().get(p).sumWAfter());
            assertArrayEquals(d.processes().get(p).splitEvents(), back.processes().get(p).splitEvents());
        }
    }

    @Test
    void readingAFolderWithoutADatasetSaysHowToMakeOne(@TempDir Path empty) throws java.io.IOException {
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetFiles.read(empty));
        assertEquals(empty + ": no dataset.json here; build a dataset with 'vbfann dataset build'", e.getMessage());
        java.nio.file.Files.writeString(empty.resolve("dataset.json"), "{\"format\": \"other\", \"formatVersion\": 1}");
        DatasetException f = assertThrows(DatasetException.class, () -> DatasetFiles.read(empty));
        assertEquals(empty.resolve("dataset.json") + ": format 'other' version 1, expected 'vbfann-dataset' version 1",
                f.getMessage());
    }

    @Test
    void fileMatchingTwoKeysOrNoneIsAnError() {
        DatasetException two = assertThrows(DatasetException.class, () -> FileAssignment.assign(List.of(vbf4mu),
                List.of("qqH", "H"), List.of("VBF", "HToZZ")));
        assertTrue(two.getMessage().contains("matches tag 'VBF' (key qqH) and tag 'HToZZ' (key H)"), two.getMessage());
        assertTrue(two.getMessage().contains("counted twice"));
        DatasetException none = assertThrows(DatasetException.class, () -> FileAssignment.assign(List.of(zz),
                List.of("qqH"), List.of("VBF")));
        assertTrue(none.getMessage().endsWith("matches none of the tags [VBF]; add a tag (and its key) for it or leave the file out"),
                none.getMessage());
        DatasetException count = assertThrows(DatasetException.class, () -> FileAssignment.assign(List.of(zz),
                List.of("qqH", "ZZ"), List.of("VBF")));
        assertEquals("2 keys [qqH, ZZ] but 1 tags [VBF]; give one key per tag (repeat a key for several tags)",
                count.getMessage());
        assertEquals("4mu", FileAssignment.assign(List.of(vbf4mu), List.of("qqH"), List.of("VBF")).get(0).finalState());
    }

    @Test
    void unknownBranchAndKeyNameTheClosestNames() {
        DatasetException branch = assertThrows(DatasetException.class,
                () -> build(spec("f_mass4L > 118", 2, false, FEATURES, 1)));
        assertTrue(branch.getMessage().contains("has no branch 'f_mass4L' (used in 'f_mass4L > 118'); did you mean f_mass4l"),
                branch.getMessage());
        DatasetException key = assertThrows(DatasetException.class, () -> new DatasetSpec(List.of("qqH", "ggH"),
                List.of("a", "b"), List.of("qqh"), "", 0, false, FEATURES, new double[] {0.6, 0.2, 0.2}, 1, "t", "w",
                DatasetSpec.ALL_EVENTS, null));
        assertEquals("signal key 'qqh' is not one of the keys [qqH, ggH]; did you mean qqH?", key.getMessage());
    }

    @Test
    void emptySelectionIsAnError() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> build(spec("f_mass4l > 1000", 2, false, FEATURES, 1)));
        assertEquals("selection 'f_mass4l > 1000' with f_njets_pass >= 2 keeps none of the 4800 events of 3 processes;"
                + " loosen it", e.getMessage());
        DatasetException noSignal = assertThrows(DatasetException.class,
                () -> build(spec("f_mass4l < 118", 2, false, FEATURES, 1)));
        assertTrue(noSignal.getMessage().contains("but no signal (keys [qqH]) event"), noSignal.getMessage());
    }

    @Test
    void nanFeaturesAndWeightsAreReportedWithCounts() {
        Path bad = ToyNtuples.write(dir.resolve("bad/output_ZZTo4L_13TeV_bad.root"), new ToyNtuples.Spec(400, 9, false, 0.05), 7, 3);
        List<Path> files = new ArrayList<>(List.of(vbf4mu, bad));
        DatasetException e = assertThrows(DatasetException.class,
                () -> DatasetBuilder.build(spec("", 0, false, FEATURES, 1), files, DatasetListener.NONE));
        assertTrue(e.getMessage().startsWith(bad + " (key qqZZ), 400 selected events: feature 'f_lept1_pt' is NaN in 7"
                + " and infinite in 0; weight 'f_weight' is NaN in 3 and infinite in 0"), e.getMessage());
    }
}
