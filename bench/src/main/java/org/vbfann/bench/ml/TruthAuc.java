package org.vbfann.bench.ml;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vbfann.ml.Roc;
import org.vbfann.physics.dataset.Dataset;
import org.vbfann.physics.dataset.DatasetFiles;
import org.vbfann.physics.gen.RecoLikelihoodRatio;

/**
 * The weighted test-split AUC of one dataset feature (bench/truth-auc.sh uses it for {@code log(f_truth_lr)}, the
 * generator's exact likelihood ratio of the truth jets), or with {@code --reco-ratio} of the generator's
 * Bayes-optimal ratio of the reconstructed event ({@link RecoLikelihoodRatio}, computed here from the features
 * {@code f_njets_pass}, {@code f_jets_highpt_pt/eta/phi[0..3]} and {@code f_lept1..4_pt/eta/phi/pdgid}, seeded by
 * the test row); then it prints the AUC, the microseconds per event and the mean MC error of the log ratio.
 * Usage: {@code TruthAuc DATASET_DIR FEATURE|--reco-ratio}.
 */
public final class TruthAuc {
    private TruthAuc() {
    }

    public static void main(String[] args) {
        Dataset d = DatasetFiles.read(Path.of(args[0]));
        Dataset.Split test = d.split("test");
        int nf = d.features().size();
        double[] v = new double[test.rows()];
        boolean[] signal = new boolean[test.rows()];
        for (int r = 0; r < v.length; r++) {
            signal[r] = d.processes().get(test.process()[r]).signal();
        }
        if (!args[1].equals("--reco-ratio")) {
            int j = column(d, args[1]);
            for (int r = 0; r < v.length; r++) {
                v[r] = test.x()[r * nf + j];
            }
            System.out.printf(Locale.ROOT, "%.4f%n", Roc.of(v, signal, test.weight()).auc());
            return;
        }
        int nj = column(d, "f_njets_pass");
        int[][] jet = new int[3][RecoLikelihoodRatio.JET_SLOTS];
        String[] jetBranch = {"f_jets_highpt_pt", "f_jets_highpt_eta", "f_jets_highpt_phi"};
        for (int q = 0; q < 3; q++) {
            for (int s = 0; s < RecoLikelihoodRatio.JET_SLOTS; s++) {
                jet[q][s] = column(d, jetBranch[q] + "[" + s + "]");
            }
        }
        int[][] lepton = new int[4][4];
        String[] leptonBranch = {"_pt", "_eta", "_phi", "_pdgid"};
        for (int l = 0; l < 4; l++) {
            for (int q = 0; q < 4; q++) {
                lepton[l][q] = column(d, "f_lept" + (l + 1) + leptonBranch[q]);
            }
        }
        RecoLikelihoodRatio lr = new RecoLikelihoodRatio();
        double[][] jets = new double[3][RecoLikelihoodRatio.JET_SLOTS];
        double[][] leptons = new double[3][4];
        int[] pdg = new int[4];
        float[] x = test.x();
        double errors = 0;
        long t0 = System.nanoTime();
        for (int r = 0; r < v.length; r++) {
            int at = r * nf;
            for (int q = 0; q < 3; q++) {
                for (int s = 0; s < RecoLikelihoodRatio.JET_SLOTS; s++) {
                    jets[q][s] = x[at + jet[q][s]];
                }
            }
            for (int l = 0; l < 4; l++) {
                for (int q = 0; q < 3; q++) {
                    leptons[q][l] = x[at + lepton[l][q]];
                }
                pdg[l] = Math.round(x[at + lepton[l][3]]);
            }
            v[r] = lr.logRatio(Math.round(x[at + nj]), jets[0], jets[1], jets[2], leptons[0], leptons[1], leptons[2], pdg, r);
            errors += lr.standardError();
        }
        double micros = (System.nanoTime() - t0) / 1e3 / v.length;
        System.out.printf(Locale.ROOT, "%.4f %.0f %.4f%n", Roc.of(v, signal, test.weight()).auc(), micros, errors / v.length);
    }

    private static int column(Dataset d, String feature) {
        List<String> names = d.featureNames();
        int j = names.indexOf(feature);
        if (j < 0) {
            throw new IllegalArgumentException("no feature '" + feature + "' in " + names);
        }
        return j;
    }
}
