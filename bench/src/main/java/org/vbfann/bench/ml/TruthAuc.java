package org.vbfann.bench.ml;

import java.nio.file.Path;
import java.util.Locale;
import org.vbfann.ml.Roc;
import org.vbfann.physics.dataset.Dataset;
import org.vbfann.physics.dataset.DatasetFiles;

/**
 * The weighted test-split AUC of one dataset feature (bench/truth-auc.sh uses it for {@code log(f_truth_lr)}, the
 * generator's exact likelihood ratio). Usage: {@code TruthAuc DATASET_DIR FEATURE}.
 */
public final class TruthAuc {
    private TruthAuc() {
    }

    public static void main(String[] args) {
        Dataset d = DatasetFiles.read(Path.of(args[0]));
        int j = d.featureNames().indexOf(args[1]);
        if (j < 0) {
            throw new IllegalArgumentException("no feature '" + args[1] + "' in " + d.featureNames());
        }
        Dataset.Split test = d.split("test");
        int nf = d.features().size();
        double[] v = new double[test.rows()];
        boolean[] signal = new boolean[test.rows()];
        for (int r = 0; r < v.length; r++) {
            v[r] = test.x()[r * nf + j];
            signal[r] = d.processes().get(test.process()[r]).signal();
        }
        System.out.printf(Locale.ROOT, "%.4f%n", Roc.of(v, signal, test.weight()).auc());
    }
}
