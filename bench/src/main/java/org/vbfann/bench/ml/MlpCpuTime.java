package org.vbfann.bench.ml;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.vbfann.ml.BatchGradient;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.Optimizer;
import org.vbfann.ml.Trainer;
import org.vbfann.ml.TrainingSet;

/**
 * The training step of {@link MlpBenchmark} timed in thread CPU time rather than wall time: on a shared
 * machine whose load exceeds its cores, wall-clock JMH figures include time slices given to other
 * processes, while CPU time does not (it still includes slowdowns from a busy sibling hyper-thread). Runs
 * epochs of 100 000 events (forward, backward, Adam step per batch) after a warm-up and prints the median.
 * Usage: {@code java -cp bench/target/benchmarks.jar org.vbfann.bench.ml.MlpCpuTime 32 128}.
 */
public final class MlpCpuTime {
    private static final int EVENTS = 100_000;
    private static final int WARMUP = 3;
    private static final int RUNS = 7;

    private MlpCpuTime() {
    }

    /** Prints, per batch size given, the median CPU time per training step and per epoch. */
    public static void main(String[] args) {
        TrainingSet set = MlpBenchmark.events(EVENTS, 1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String arg : args) {
            int batch = Integer.parseInt(arg);
            Mlp net = Trainer.initialNetwork(MlpBenchmark.config(batch).build(), set);
            double[] p = net.parameters();
            BatchGradient g = new BatchGradient(net, batch, new SplittableRandom(3));
            Optimizer adam = Optimizer.create(Optimizer.Kind.ADAM, 1e-3, p.length);
            int steps = EVENTS / batch;
            double[] seconds = new double[RUNS];
            double sink = 0;
            for (int run = -WARMUP; run < RUNS; run++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int s = 0; s < steps; s++) {
                    sink += g.compute(p, set.x(), set.labels(), set.weights(), null, s * batch, batch, batch);
                    adam.step(p, g.gradient());
                }
                if (run >= 0) {
                    seconds[run] = (threads.getCurrentThreadCpuTime() - t0) * 1e-9;
                }
            }
            java.util.Arrays.sort(seconds);
            double epoch = seconds[RUNS / 2];
            long flop = 6L * (net.parameterCount()) * EVENTS;
            System.out.printf(Locale.ROOT, "batch %d: %.1f us per step, %.3f s CPU per epoch of %d events,"
                    + " %.2f GFLOP/s (6 FLOP per parameter per event); checksum %.6g%n",
                    batch, epoch / steps * 1e6, epoch, EVENTS, flop / epoch * 1e-9, sink);
        }
    }
}
