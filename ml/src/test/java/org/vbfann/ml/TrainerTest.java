package org.vbfann.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainerTest {
    /**
     * Signal N((1, 0.5), diag(0.5², 2²)) against background N(0, I) in two features, shifted by 100 so the
     * standardisation matters. The Bayes-optimal discriminant is the likelihood ratio, quadratic in x.
     */
    static TrainingSet gaussians(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        int[] labels = new int[n];
        double[] w = new double[n];
        int[] proc = new int[n];
        for (int i = 0; i < n; i++) {
            boolean s = rng.nextBoolean();
            labels[i] = s ? 1 : 0;
            proc[i] = labels[i];
            w[i] = 1;
            x[2 * i] = (float) (100 + (s ? 1 + 0.5 * Gaussians.normal(rng) : Gaussians.normal(rng)));
            x[2 * i + 1] = (float) (s ? 0.5 + 2 * Gaussians.normal(rng) : Gaussians.normal(rng));
        }
        return new TrainingSet(List.of("x1", "x2"), x, labels, List.of("bkg", "sig"), w, proc,
                List.of("bkg", "sig"), null);
    }

    private static double logLikelihoodRatio(double x1, double x2) {
        double a = (x1 - 100 - 1) / 0.5;
        double b = (x2 - 0.5) / 2;
        double u = x1 - 100;
        return -0.5 * (a * a + b * b) - Math.log(0.5 * 2) + 0.5 * (u * u + x2 * x2);
    }

    @Test
    void reachesBayesOptimalAucOnTwoGaussians() {
        TrainingSet train = gaussians(20_000, 1);
        TrainingSet val = gaussians(10_000, 2);
        TrainingSet test = gaussians(20_000, 3);
        TrainingConfig cfg = TrainingConfig.builder().hiddenLayers(16, 16).batchSize(64).maxEpochs(40).patience(5)
                .learningRate(3e-3).seed(5).build();
        Trainer.Result res = Trainer.train(cfg, train, val, TrainingListener.NONE);
        double[] score = new double[test.rows()];
        res.model().predictor(512).predict(test.x(), test.rows(), score);
        double[] truth = new double[test.rows()];
        for (int i = 0; i < test.rows(); i++) {
            truth[i] = logLikelihoodRatio(test.x()[2 * i], test.x()[2 * i + 1]);
        }
        boolean[] sig = Trainer.signalFlags(test);
        double optimum = Roc.of(truth, sig, null).auc();
        double net = Roc.of(score, sig, null).auc();
        // Same test events for both, so the margin is the network's shortfall, not sampling noise.
        assertTrue(net <= optimum + 2e-3 && net > optimum - 5e-3, "network AUC " + net + ", optimum " + optimum);
        assertTrue(optimum > 0.8, "a problem that is not trivially easy or hopeless: " + optimum);
    }

    @Test
    void sameSeedAndThreadsGiveIdenticalWeights() {
        TrainingSet train = gaussians(3000, 7);
        TrainingSet val = gaussians(1000, 8);
        for (int threads : new int[] {1, 2}) {
            TrainingConfig cfg = TrainingConfig.builder().hiddenLayers(8, 4).activation(Activation.SELU).dropout(0.1)
                    .batchSize(50).maxEpochs(3).threads(threads).seed(9).build();
            double[] a = Trainer.train(cfg, train, val, TrainingListener.NONE).model().parameters();
            double[] b = Trainer.train(cfg, train, val, TrainingListener.NONE).model().parameters();
            assertArrayEquals(a, b, 0.0, threads + " threads");
        }
    }

    @Test
    void twoThreadsComputeTheSameGradientAsOne() {
        TrainingSet train = gaussians(500, 7);
        TrainingConfig cfg = TrainingConfig.builder().hiddenLayers(8).build();
        Mlp net = Trainer.initialNetwork(cfg, train);
        double[] g1 = new double[net.parameterCount()];
        double[] g2 = new double[net.parameterCount()];
        double[] w = train.weights();
        try (ShardPool one = new ShardPool(new BatchGradient[] {new BatchGradient(net, 100, new SplittableRandom(1))});
                ShardPool two = new ShardPool(new BatchGradient[] {new BatchGradient(net, 50, new SplittableRandom(1)),
                    new BatchGradient(net, 50, new SplittableRandom(2))})) {
            double l1 = one.compute(net.parameters(), train.x(), train.labels(), w, null, 200, 100, 100, g1);
            double l2 = two.compute(net.parameters(), train.x(), train.labels(), w, null, 200, 100, 100, g2);
            assertEquals(l1, l2, 1e-12);
        }
        assertArrayEquals(g1, g2, 1e-12);
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        TrainingSet train = gaussians(2000, 11);
        TrainingSet val = gaussians(500, 12);
        // A large learning rate with SGD makes the validation loss wander, so the best epoch is not the last.
        TrainingConfig cfg = TrainingConfig.builder().hiddenLayers(32, 32).optimizer(Optimizer.Kind.RMSPROP)
                .learningRate(0.02).batchSize(16).maxEpochs(30).patience(3).seed(3).build();
        Trainer.Result res = Trainer.train(cfg, train, val, TrainingListener.NONE);
        History h = res.history();
        double[] vl = h.validationLoss();
        int best = 0;
        for (int e = 1; e < vl.length; e++) {
            if (vl[e] < vl[best]) {
                best = e;
            }
        }
        assertEquals(best, h.bestEpoch());
        assertTrue(h.epochs() < 30 && h.epochs() == best + 1 + 3, "stops after patience: " + h.epochs());
        String[] csv = h.toCsv().split("\n");
        assertEquals("epoch,loss,val_loss,val_auc,seconds", csv[0]);
        assertEquals(h.epochs() + 1, csv.length);
        String[] row = csv[best + 1].split(",");
        assertEquals(String.valueOf(best + 1), row[0]);
        assertEquals(vl[best], Double.parseDouble(row[2]), 1e-7 * vl[best]);
        assertEquals(h.validationAuc()[best], Double.parseDouble(row[3]), 1e-7);
        double[] w = cfg.weighting().trainingWeights(val, cfg.negativeWeights());
        double again = Trainer.evaluate(res.model(), res.model().parameters(), val, w,
                new Workspace(res.model(), 128), new double[val.rows()]);
        assertEquals(vl[best], again, 1e-12);
    }

    @Test
    void multiClassSoftmaxLearns() {
        SplittableRandom rng = new SplittableRandom(4);
        int n = 3000;
        float[] x = new float[n];
        int[] labels = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(3);
            x[i] = (float) (2 * labels[i] + Gaussians.normal(rng));
            w[i] = 1;
        }
        TrainingSet set = new TrainingSet(List.of("x"), x, labels, List.of("a", "b", "c"), w, labels,
                List.of("a", "b", "c"), null);
        TrainingConfig cfg = TrainingConfig.builder().hiddenLayers(8).activation(Activation.TANH)
                .optimizer(Optimizer.Kind.SGD).learningRate(0.1).maxEpochs(15).batchSize(32).l2(1e-4).build();
        Trainer.Result res = Trainer.train(cfg, set, set, TrainingListener.NONE);
        assertEquals(List.of("a", "b", "c"), res.model().outputNames());
        assertEquals(Activation.SOFTMAX, res.model().output());
        // Three classes 2σ apart: the Bayes error is 2·Φ(−1)·(2/3) ≈ 0.21, loss well below ln 3 = 1.10.
        double[] vl = res.history().validationLoss();
        assertTrue(vl[res.history().bestEpoch()] < 0.6, "validation loss " + vl[res.history().bestEpoch()]);
    }

    @Test
    void configThatCannotTrainIsNamed() {
        MlException e = assertThrows(MlException.class, () -> TrainingConfig.builder().dropout(1.0).build());
        assertEquals("training: dropout must be in [0, 1), got 1.0", e.getMessage());
        e = assertThrows(MlException.class, () -> TrainingConfig.builder().threads(4).batchSize(2).build());
        assertEquals("training: 4 threads cannot share batches of 2 events", e.getMessage());
    }

    @Test
    void badTrainingSetsAreReportedWithCounts() {
        MlException e = assertThrows(MlException.class, () -> new TrainingSet(List.of("a", "b"),
                new float[] {1, Float.NaN, 2, 3, Float.POSITIVE_INFINITY, Float.NaN}, new int[] {0, 1, 0},
                List.of("b", "s"), new double[] {1, 1, 1}, new int[3], List.of("p"), null));
        assertEquals("training set: 2 of 3 events have NaN or infinite features: a (1) b (2)", e.getMessage());
        e = assertThrows(MlException.class, () -> new TrainingSet(List.of("a"), new float[] {1, 2},
                new int[] {0, 1}, List.of("b", "s"), new double[] {1, Double.NaN}, new int[2], List.of("p"), null));
        assertEquals("training set: 1 of 2 events have NaN or infinite weights", e.getMessage());
    }
}
