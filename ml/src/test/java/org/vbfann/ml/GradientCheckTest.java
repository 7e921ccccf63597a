package org.vbfann.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Back-propagated gradients against central finite differences, for every layer type, every hidden
 * activation, both losses, signed event weights, dropout and alpha dropout (same mask in every evaluation:
 * the dropout stream is re-seeded), non-trivial input scaling and the L2 penalty.
 */
class GradientCheckTest {
    private static final int ROWS = 7;
    private static final int IN = 3;

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation a : Activation.values()) {
            if (a == Activation.SOFTMAX) {
                continue;
            }
            for (int outputs : new int[] {1, 3}) {
                cases.add(Arguments.of(a, outputs, a == Activation.SELU));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}, {1} outputs, alpha dropout {2}")
    @MethodSource("cases")
    void backPropagationMatchesFiniteDifferences(Activation act, int outputs, boolean alpha) {
        List<Layer> layers = List.of(
                new DenseLayer("d1", IN, 5),
                new BatchNormLayer("bn", 5, 1e-3),
                new ActivationLayer("a1", 5, act),
                new DropoutLayer("drop", 5, 0.3, alpha),
                new DenseLayer("d2", 5, 4),
                new ActivationLayer("a2", 4, Activation.TANH),
                new DenseLayer("d3", 4, outputs));
        SplittableRandom rng = new SplittableRandom(42);
        int total = 0;
        for (Layer l : layers) {
            total += l.parameterCount();
        }
        double[] p = new double[total];
        for (int i = 0; i < total; i++) {
            p[i] = rng.nextDouble(-1, 1);
        }
        // Moving variances of the BatchNormalization must be positive.
        int bnVar = IN * 5 + 5 + 3 * 5;
        for (int j = 0; j < 5; j++) {
            p[bnVar + j] = rng.nextDouble(0.2, 2);
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < outputs; j++) {
            names.add("o" + j);
        }
        Mlp net = new Mlp(List.of("a", "b", "c"), new Standardization(new double[] {1, -2, 0.5},
                new double[] {2, 0.5, 3}), layers, outputs == 1 ? Activation.SIGMOID : Activation.SOFTMAX, names, p);
        float[] x = new float[ROWS * IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble(-3, 3);
        }
        int[] labels = new int[ROWS];
        double[] w = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            labels[r] = rng.nextInt(Math.max(2, outputs));
            w[r] = rng.nextDouble(-0.5, 2);
        }
        int[] index = {6, 2, 4, 0, 1, 5, 3};

        BatchGradient bg = new BatchGradient(net, ROWS, new SplittableRandom(7));
        bg.compute(p, x, labels, w, index, 0, ROWS, ROWS);
        double[] analytic = bg.grad.clone();
        double l2 = 0.01;
        boolean[] kernel = Trainer.kernelMask(net);
        Trainer.addL2(p, analytic, kernel, l2);

        double h = 1e-6;
        int trainable = 0;
        int fixedFrom = IN * 5 + 5 + 10;
        for (int i = 0; i < total; i++) {
            if (i >= fixedFrom && i < fixedFrom + 10) {
                // Moving mean and variance are not trained: no gradient, whatever the loss's dependence.
                assertEquals(0.0, analytic[i], "moving statistic " + i);
                continue;
            }
            double saved = p[i];
            p[i] = saved + h;
            double up = loss(net, p, x, labels, w, index, kernel, l2);
            p[i] = saved - h;
            double down = loss(net, p, x, labels, w, index, kernel, l2);
            p[i] = saved;
            double numeric = (up - down) / (2 * h);
            // Central differences have O(h²) truncation and O(ε/h) rounding error, ~1e-9 here.
            assertEquals(numeric, analytic[i], 1e-7 + 1e-6 * Math.abs(numeric), "parameter " + i);
            if (analytic[i] != 0) {
                trainable++;
            }
        }
        // Every trainable parameter must be reached by the gradient.
        assertEquals(total - 10, trainable);
        assertTrue(total > 40);
    }

    private static double loss(Mlp net, double[] p, float[] x, int[] labels, double[] w, int[] index,
            boolean[] kernel, double l2) {
        BatchGradient bg = new BatchGradient(net, ROWS, new SplittableRandom(7));
        double l = bg.compute(p, x, labels, w, index, 0, ROWS, ROWS);
        return l + Trainer.addL2(p, new double[p.length], kernel, l2);
    }
}
