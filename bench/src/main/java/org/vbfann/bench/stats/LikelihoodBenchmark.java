package org.vbfann.bench.stats;

import java.util.Random;
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
import org.vbfann.stats.ConstraintKind;
import org.vbfann.stats.FactorKind;
import org.vbfann.stats.LikelihoodModel;
import org.vbfann.stats.ModelBuilder;

/**
 * The NLL and its analytic gradient on a Combine-style model: channels &times; 10 bins, 8 processes with lnN
 * (symmetric and asymmetric), shape morphing and autoMCStats totals; fixed seed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LikelihoodBenchmark {
    /** Channels: 1 (small) and 8 (the VBF analysis: 2 categories x 4 final states). */
    @Param({"1", "8"})
    public int channels;

    private LikelihoodModel.Evaluator evaluator;
    private double[] point;
    private double[] gradient;

    /** Builds the model and a point near its minimum. */
    @Setup
    public void setup() {
        Random rnd = new Random(42);
        ModelBuilder mb = new ModelBuilder(true);
        int r = mb.parameter("r", 1, 0, 20, false);
        mb.setPoi(r);
        int[] lnn = new int[20];
        for (int i = 0; i < lnn.length; i++) {
            lnn[i] = mb.parameter("lnN" + i, 0, -7, 7, false);
            mb.constraint(lnn[i], ConstraintKind.GAUSSIAN, 0, 1, 0);
        }
        int[] shapes = new int[5];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = mb.parameter("shape" + i, 0, -4, 4, false);
            mb.constraint(shapes[i], ConstraintKind.GAUSSIAN, 0, 1, 0);
        }
        for (int c = 0; c < channels; c++) {
            double[] obs = new double[10];
            for (int b = 0; b < 10; b++) {
                obs[b] = rnd.nextInt(20);
            }
            int ch = mb.channel("ch" + c, obs, null);
            int[] samples = new int[8];
            double[] errs = new double[8];
            for (int s = 0; s < 8; s++) {
                double[] nom = new double[10];
                for (int b = 0; b < 10; b++) {
                    nom[b] = 0.2 + 3 * rnd.nextDouble();
                }
                samples[s] = mb.sample(ch, "p" + s, nom, s == 0);
                if (s == 0) {
                    mb.factor(samples[s], r, FactorKind.LINEAR, 1, 0, 0);
                }
                for (int i = 0; i < lnn.length; i += 2) {
                    mb.factor(samples[s], lnn[(i + s) % lnn.length], i % 4 == 0 ? FactorKind.LOG_NORMAL
                            : FactorKind.COMBINE_ASYMMETRIC_LOG_NORMAL, 1, Math.log(0.95), Math.log(1.06));
                }
                for (int shape : shapes) {
                    double[] up = new double[10];
                    double[] dn = new double[10];
                    for (int b = 0; b < 10; b++) {
                        up[b] = 0.005 * rnd.nextGaussian();
                        dn[b] = 0.005 * rnd.nextGaussian();
                    }
                    mb.morph(samples[s], shape, 1, up, dn);
                }
                errs[s] = 0.1;
            }
            for (int b = 0; b < 10; b++) {
                int x = mb.parameter("prop_bin" + c + "_" + b, 0, -7, 7, false);
                mb.constraint(x, ConstraintKind.GAUSSIAN, 0, 1, 0);
                mb.binTotalShift(ch, b, x, samples, errs);
            }
        }
        LikelihoodModel m = mb.build();
        evaluator = m.evaluator();
        point = m.initialValues();
        for (int i = 0; i < point.length; i++) {
            point[i] += 0.01 * rnd.nextGaussian();
        }
        gradient = new double[point.length];
    }

    /** The NLL alone. */
    @Benchmark
    public void nll(Blackhole bh) {
        bh.consume(evaluator.nll(point));
    }

    /** The NLL and its gradient. */
    @Benchmark
    public void nllAndGradient(Blackhole bh) {
        bh.consume(evaluator.nllAndGradient(point, gradient));
        bh.consume(gradient);
    }
}
