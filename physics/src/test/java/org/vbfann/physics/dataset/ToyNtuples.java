package org.vbfann.physics.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;
import org.vbfann.physics.Hzz4lObservables;
import org.vbfann.rootio.BranchSpec;
import org.vbfann.rootio.RootFileWriter;
import org.vbfann.rootio.TreeWriter;
import org.vbfann.rootio.WriteOptions;

/**
 * Small reduced ntuples for tests, with the branch names and types of shared/spec/ntuple-schema.tsv (a subset):
 * VBF-like events have forward, opposite-hemisphere jets; others central jets. Until the event generator lands
 * these stand in for its output.
 */
public final class ToyNtuples {
    /** Lepton quantities written for leptons 1..4. */
    static final String[] LEPTON = {"pt", "eta", "phi"};
    /** Jet array quantities (size 4, −999 for absent slots). */
    static final String[] JETS = {"pt", "eta", "phi", "et"};

    /** How to make one file. */
    public record Spec(int events, long seed, boolean vbf, double weight) {
    }

    private ToyNtuples() {
    }

    /** Writes a file; {@code nanLeptonPt} events get NaN in f_lept1_pt and {@code nanWeight} NaN weights. */
    public static Path write(Path file, Spec s, int nanLeptonPt, int nanWeight) {
        int n = s.events();
        SplittableRandom rng = new SplittableRandom(s.seed());
        List<Column> cols = new ArrayList<>();
        float[] w = new float[n];
        float[] njets = new float[n];
        int[] nb = new int[n];
        float[] m4l = new float[n];
        float[][] lep = new float[12][n];
        float[][] jet = new float[4][4 * n];
        float[] mjj = new float[n];
        float[] djet = new float[n];
        float[] mela = new float[n];
        for (int e = 0; e < n; e++) {
            w[e] = (float) (e < nanWeight ? Double.NaN : s.weight() * (rng.nextDouble() < 0.05 ? -1 : 1));
            int nj = 2 + (rng.nextDouble() < 0.3 ? 1 : 0) + (rng.nextDouble() < 0.1 ? 1 : 0) - (rng.nextDouble() < 0.1 ? 1 : 0);
            njets[e] = nj;
            nb[e] = rng.nextDouble() < 0.08 ? 2 : 0;
            m4l[e] = (float) (s.vbf() ? 125 + 2 * gauss(rng) : 105 + 40 * rng.nextDouble());
            for (int l = 0; l < 4; l++) {
                lep[3 * l][e] = (float) (10 + 50 * rng.nextDouble() / (l + 1));
                lep[3 * l + 1][e] = (float) (1.2 * gauss(rng));
                lep[3 * l + 2][e] = (float) (Math.PI * (2 * rng.nextDouble() - 1));
            }
            if (e < nanLeptonPt) {
                lep[0][e] = Float.NaN;
            }
            for (int j = 0; j < 4; j++) {
                boolean present = j < nj;
                double pt = 30 + (s.vbf() ? 60 : 35) * -Math.log(1 - rng.nextDouble()) / (j + 1);
                double eta = s.vbf() && j < 2 ? (j == 0 ? 1 : -1) * (2.2 + gauss(rng)) : 1.5 * gauss(rng);
                jet[0][4 * e + j] = present ? (float) pt : -999f;
                jet[1][4 * e + j] = present ? (float) eta : -999f;
                jet[2][4 * e + j] = present ? (float) (Math.PI * (2 * rng.nextDouble() - 1)) : -999f;
                jet[3][4 * e + j] = present ? (float) pt : -999f;
            }
            if (nj >= 2) {
                double m = Hzz4lObservables.pairMass(jet[0][4 * e], jet[1][4 * e], jet[2][4 * e],
                        Hzz4lObservables.jetEnergy(jet[3][4 * e], jet[1][4 * e]), jet[0][4 * e + 1], jet[1][4 * e + 1],
                        jet[2][4 * e + 1], Hzz4lObservables.jetEnergy(jet[3][4 * e + 1], jet[1][4 * e + 1]));
                mjj[e] = (float) m;
                djet[e] = (float) Hzz4lObservables.fisherDjet(Math.abs(jet[1][4 * e] - jet[1][4 * e + 1]), m);
                double u = rng.nextDouble();
                mela[e] = (float) (s.vbf() ? Math.sqrt(u) : u * u);
            } else {
                mjj[e] = -999f;
                djet[e] = -999f;
                mela[e] = -1f;
            }
        }
        List<BranchSpec> specs = new ArrayList<>();
        add(cols, specs, Column.ofFloats("f_weight", w));
        add(cols, specs, Column.ofFloats("f_njets_pass", njets));
        add(cols, specs, Column.ofInts("f_Nbjets", nb));
        add(cols, specs, Column.ofFloats("f_mass4l", m4l));
        for (int l = 0; l < 4; l++) {
            for (int q = 0; q < 3; q++) {
                add(cols, specs, Column.ofFloats("f_lept" + (l + 1) + "_" + LEPTON[q], lep[3 * l + q]));
            }
        }
        for (int q = 0; q < 4; q++) {
            Column c = Column.of("f_jets_highpt_" + JETS[q], ElementType.FLOAT32, n, null, new int[] {4}, jet[q]);
            cols.add(c);
            specs.add(BranchSpec.fixed(c.name(), ElementType.FLOAT32, 4));
        }
        add(cols, specs, Column.ofFloats("f_massjj", mjj));
        add(cols, specs, Column.ofFloats("f_D_jet", djet));
        add(cols, specs, Column.ofFloats("f_Djet_VAJHU", mela));
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (RootFileWriter fw = RootFileWriter.create(file, WriteOptions.defaults());
                TreeWriter t = fw.tree(DatasetSpec.DEFAULT_TREE, "reduced ttree", specs)) {
            t.fill(EventTable.of(n, cols));
        }
        return file;
    }

    private static void add(List<Column> cols, List<BranchSpec> specs, Column c) {
        cols.add(c);
        specs.add(BranchSpec.scalar(c.name(), c.type()));
    }

    private static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
