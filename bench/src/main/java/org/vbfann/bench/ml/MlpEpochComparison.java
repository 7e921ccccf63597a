package org.vbfann.bench.ml;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.vbfann.ml.History;
import org.vbfann.ml.Optimizer;
import org.vbfann.ml.Trainer;
import org.vbfann.ml.TrainingConfig;
import org.vbfann.ml.TrainingListener;
import org.vbfann.ml.TrainingSet;

/**
 * The vbfann side of {@code bench/ml/torch-vs-vbfann.sh}: writes the events of {@link MlpBenchmark} (100 000
 * × 18 features, labels) and, per batch size, the initial weights as little-endian binaries for the PyTorch
 * script, then trains the same network
 * (18-36-18-9 relu, sigmoid output, Adam 1e-3, unit weights, no standardisation, one thread) for EPOCHS epochs
 * per batch size and prints one line per batch size: median wall and thread CPU seconds per epoch (on a
 * shared machine CPU time is the figure to compare) and the last epoch's mean training loss. Usage: {@code MlpEpochComparison DIR EPOCHS BATCH...}.
 */
public final class MlpEpochComparison {
    private MlpEpochComparison() {
    }

    /** Writes DIR/x.f32, DIR/y.i32 and prints the vbfann timings. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int epochs = Integer.parseInt(args[1]);
        TrainingSet set = MlpBenchmark.events(100_000, 1);
        Files.createDirectories(dir);
        ByteBuffer x = ByteBuffer.allocate(4 * set.x().length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : set.x()) {
            x.putFloat(v);
        }
        Files.write(dir.resolve("x.f32"), x.array());
        ByteBuffer y = ByteBuffer.allocate(4 * set.rows()).order(ByteOrder.LITTLE_ENDIAN);
        for (int l : set.labels()) {
            y.putInt(l);
        }
        Files.write(dir.resolve("y.i32"), y.array());
        TrainingSet validation = MlpBenchmark.events(1000, 2);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int k = 2; k < args.length; k++) {
            int batch = Integer.parseInt(args[k]);
            TrainingConfig cfg = MlpBenchmark.config(batch).optimizer(Optimizer.Kind.ADAM).learningRate(1e-3)
                    .standardize(false).maxEpochs(epochs).patience(epochs).threads(1).build();
            // The starting weights, for the PyTorch side to start from the same point (Keras kernel layout per
            // dense layer: inputs × outputs row-major, then the biases).
            double[] start = Trainer.initialNetwork(cfg, set).parameters();
            ByteBuffer init = ByteBuffer.allocate(8 * start.length).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : start) {
                init.putDouble(v);
            }
            Files.write(dir.resolve("init-" + batch + ".f64"), init.array());
            // One thread: the epochs run in this thread, and the listener is called there at each epoch's end.
            double[] cpu = new double[epochs];
            long[] last = {threads.getCurrentThreadCpuTime()};
            TrainingListener clock = (epoch, max, loss, valLoss, auc) -> {
                long now = threads.getCurrentThreadCpuTime();
                cpu[epoch] = (now - last[0]) * 1e-9;
                last[0] = now;
            };
            History h = Trainer.train(cfg, set, validation, clock).history();
            double[] s = h.seconds();
            java.util.Arrays.sort(s);
            java.util.Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "vbfann  batch %4d: %.3f s per epoch (median of %d), %.3f s CPU per epoch,"
                    + " loss after %d epochs %.5f%n", batch, s[s.length / 2], s.length, cpu[epochs / 2], h.epochs(),
                    h.loss()[h.epochs() - 1]);
        }
    }
}
