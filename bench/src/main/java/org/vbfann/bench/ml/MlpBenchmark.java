package org.vbfann.bench.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.vbfann.ml.Activation;
import org.vbfann.ml.BatchGradient;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.Optimizer;
import org.vbfann.ml.Predictor;
import org.vbfann.ml.Trainer;
import org.vbfann.ml.TrainingConfig;
import org.vbfann.ml.TrainingListener;
import org.vbfann.ml.TrainingSet;

/**
 * MLP hot paths on the guide's network: 18 inputs, hidden layers 36-18-9 (relu), one sigmoid output. One
 * forward + backward pass of a mini-batch, one optimizer step, inference of a batch, and a whole training
 * epoch over 100 000 events (the figure issue 5 compares with PyTorch).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MlpBenchmark {
    private static final int FEATURES = 18;
    private static final int EVENTS = 100_000;

    @Param({"32", "128"})
    int batch;

    private TrainingSet set;
    private TrainingSet validation;
    private Mlp net;
    private double[] params;
    private BatchGradient gradient;
    private Optimizer adam;
    private Predictor predictor;
    private double[] raw;
    private double[] scores;
    private int from;

    @Setup
    public void setup() {
        set = events(EVENTS, 1);
        validation = events(1000, 2);
        TrainingConfig cfg = config(batch).build();
        net = Trainer.initialNetwork(cfg, set);
        params = net.parameters();
        gradient = new BatchGradient(net, batch, new SplittableRandom(3));
        adam = Optimizer.create(Optimizer.Kind.ADAM, 1e-3, params.length);
        predictor = net.predictor(batch);
        raw = new double[batch * FEATURES];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = set.x()[i];
        }
        scores = new double[batch];
    }

    static TrainingConfig.Builder config(int batch) {
        return TrainingConfig.builder().hiddenLayers(36, 18, 9).activation(Activation.RELU).batchSize(batch).seed(5);
    }

    /** Two overlapping Gaussian classes in 18 features, unit weights. */
    static TrainingSet events(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * FEATURES];
        int[] labels = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(2);
            w[i] = 1;
            for (int j = 0; j < FEATURES; j++) {
                x[i * FEATURES + j] = (float) (rng.nextDouble(-1, 1) + 0.2 * labels[i] * (j % 3));
            }
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            names.add("f" + j);
        }
        return new TrainingSet(names, x, labels, List.of("background", "signal"), w, labels,
                List.of("background", "signal"), null);
    }

    /** Forward and backward pass of one mini-batch (gather, standardise, loss, gradient). */
    @Benchmark
    public double forwardBackward() {
        from = from + batch > EVENTS - batch ? 0 : from + batch;
        return gradient.compute(params, set.x(), set.labels(), set.weights(), null, from, batch, batch);
    }

    /** Forward + backward + Adam step: one training step. */
    @Benchmark
    public double trainingStep() {
        from = from + batch > EVENTS - batch ? 0 : from + batch;
        double loss = gradient.compute(params, set.x(), set.labels(), set.weights(), null, from, batch, batch);
        adam.step(params, gradient.gradient());
        return loss;
    }

    /** Inference of one batch of raw inputs. */
    @Benchmark
    public void predict(Blackhole bh) {
        predictor.predict(raw, batch, scores);
        bh.consume(scores);
    }

    /** One whole epoch over 100 000 events, one thread (includes a 1000-event validation pass). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public Mlp epoch() {
        return Trainer.train(config(batch).maxEpochs(1).build(), set, validation, TrainingListener.NONE).model();
    }
}
