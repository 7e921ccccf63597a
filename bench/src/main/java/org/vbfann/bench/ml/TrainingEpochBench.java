package org.vbfann.bench.ml;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.vbfann.ml.Activation;
import org.vbfann.ml.Trainer;
import org.vbfann.ml.TrainingConfig;
import org.vbfann.ml.TrainingSet;
import org.vbfann.ml.Weighting;

/**
 * Seconds per training epoch of the guide's network (18 inputs, 36-18-9 relu, sigmoid output, Adam 1e-3,
 * unit weights, raw inputs) on 100 000 events with one thread, the figure bench/train-bench.sh compares with
 * PyTorch on the same data ({@link MlpBenchmark#events}), written out by {@code --write DIR} for the Python side.
 *
 * <p>Usage: {@code TrainingEpochBench --write DIR} or {@code TrainingEpochBench BATCH EPOCHS}; prints one line:
 * median wall and CPU seconds per epoch (after a warm-up training), the final training loss, and the achieved
 * FLOP/s counting 6 FLOP per weight per event (forward 2, backward 4).
 */
public final class TrainingEpochBench {
    static final int EVENTS = 100_000;
    static final int VALIDATION = 1000;
    /** Multiply-adds per event of 18-36-18-9-1: the weights of the dense kernels. */
    static final long MACS = 18 * 36 + 36 * 18 + 18 * 9 + 9;

    private TrainingEpochBench() {
    }

    public static void main(String[] args) throws IOException {
        TrainingSet train = MlpBenchmark.events(EVENTS, 1);
        TrainingSet val = MlpBenchmark.events(VALIDATION, 2);
        if (args[0].equals("--write")) {
            Path dir = Path.of(args[1]);
            Files.createDirectories(dir);
            write(dir, "train", train);
            write(dir, "validation", val);
            return;
        }
        int batch = Integer.parseInt(args[0]);
        int epochs = Integer.parseInt(args[1]);
        // warm-up: the JIT compiles the hot loops before the measured training
        Trainer.train(config(batch, 2), train, val, (e, m, l, vl, a) -> { });
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[epochs];
        long[] last = {mx.getCurrentThreadCpuTime()};
        Trainer.Result r = Trainer.train(config(batch, epochs), train, val, (e, m, l, vl, a) -> {
            long now = mx.getCurrentThreadCpuTime();
            cpu[e] = (now - last[0]) * 1e-9;
            last[0] = now;
        });
        double wall = median(r.history().seconds());
        double cpuMedian = median(cpu);
        double flop = 6.0 * MACS * EVENTS;
        System.out.printf(Locale.ROOT, "vbfann batch=%d epochs=%d wall_s_per_epoch=%.4f cpu_s_per_epoch=%.4f"
                        + " final_loss=%.5f val_loss=%.5f gflops_cpu=%.3f%n", batch, epochs, wall, cpuMedian,
                r.history().loss()[epochs - 1], r.history().validationLoss()[epochs - 1], flop / cpuMedian * 1e-9);
    }

    static TrainingConfig config(int batch, int epochs) {
        return MlpBenchmark.config(batch).maxEpochs(epochs).patience(epochs).weighting(Weighting.NONE)
                .activation(Activation.RELU).standardize(false).threads(1).build();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** {@code NAME.x.f32} (rows × 18, little-endian float32) and {@code NAME.y.i32} (labels). */
    private static void write(Path dir, String name, TrainingSet s) {
        ByteBuffer x = ByteBuffer.allocate(4 * s.x().length).order(ByteOrder.LITTLE_ENDIAN);
        x.asFloatBuffer().put(s.x());
        ByteBuffer y = ByteBuffer.allocate(4 * s.rows()).order(ByteOrder.LITTLE_ENDIAN);
        y.asIntBuffer().put(s.labels());
        try (DataOutputStream ox = new DataOutputStream(Files.newOutputStream(dir.resolve(name + ".x.f32")));
                DataOutputStream oy = new DataOutputStream(Files.newOutputStream(dir.resolve(name + ".y.i32")))) {
            ox.write(x.array());
            oy.write(y.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
