package org.vbfann.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

public class MlpTest {
    /** 2 inputs → Dense(2) → BatchNorm → selu → Dense(3) → softmax, with round numbers. */
    public static Mlp small() {
        List<Layer> layers = List.of(new DenseLayer("dense", 2, 2), new BatchNormLayer("bn", 2, 0.0),
                new ActivationLayer("act", 2, Activation.SELU), new DropoutLayer("drop", 2, 0.5, true),
                new DenseLayer("out", 2, 3));
        double[] p = {
            // kernel [in][out], bias
            1, -1, 0.5, 2, 0.1, -0.2,
            // gamma, beta, mean, variance
            2, 1, 0, 0.5, 0.3, 0.1, 4, 0.25,
            // kernel 2×3, bias
            1, 0, -1, 0.5, 1, 0, 0, 0.1, 0.2};
        return new Mlp(List.of("u", "v"), new Standardization(new double[] {1, 2}, new double[] {2, 4}), layers,
                Activation.SOFTMAX, List.of("a", "b", "c"), p);
    }

    @Test
    void forwardMatchesHandComputation() {
        Mlp net = small();
        double[] out = new double[3];
        net.predictor(4).predict(new double[] {3, 6}, 1, out);
        // Scaled input (1, 1); dense → (1 + 0.5 + 0.1, −1 + 2 − 0.2) = (1.6, 0.8).
        double h0 = 2 * (1.6 - 0.3) / Math.sqrt(4) + 0;
        double h1 = 1 * (0.8 - 0.1) / Math.sqrt(0.25) + 0.5;
        double a0 = Activation.SELU_SCALE * h0;
        double a1 = Activation.SELU_SCALE * h1;
        double[] z = {a0 + 0.5 * a1, a1 + 0.1, -a0 + 0.2};
        double s = Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]);
        assertArrayEquals(new double[] {Math.exp(z[0]) / s, Math.exp(z[1]) / s, Math.exp(z[2]) / s}, out, 1e-15);
    }

    @Test
    void predictorHandlesMoreRowsThanItsBatch() {
        Mlp net = small();
        double[] in = new double[10 * 2];
        for (int i = 0; i < in.length; i++) {
            in[i] = i * 0.37 - 2;
        }
        double[] many = new double[30];
        net.predictor(3).predict(in, 10, many);
        double[] one = new double[3];
        for (int r = 0; r < 10; r++) {
            net.predictor(1).predict(new double[] {in[2 * r], in[2 * r + 1]}, 1, one);
            assertArrayEquals(one, java.util.Arrays.copyOfRange(many, 3 * r, 3 * r + 3), 0.0, "row " + r);
        }
    }

    @Test
    void summaryListsLayersAndCounts() {
        String s = small().summary();
        assertEquals(String.join("\n",
                "Model: \"vbfann_mlp\"",
                "_________________________________________________________________",
                "Layer (type)                 Output Shape              Param #",
                "=================================================================",
                "standardization (Input)      (None, 2)                 0",
                "dense (Dense)                (None, 2)                 6",
                "bn (BatchNormalization)      (None, 2)                 8",
                "act (Activation)             (None, 2)                 0",
                "drop (AlphaDropout)          (None, 2)                 0",
                "out (Dense)                  (None, 3)                 9",
                "output (softmax)             (None, 3)                 0",
                "=================================================================",
                "Total params: 23 (0.18 KB)",
                "Trainable params: 19",
                "Non-trainable params: 4",
                "Inputs: u, v (standardised in the model)",
                "Outputs: a, b, c",
                "_________________________________________________________________",
                ""), s.replace(System.lineSeparator(), "\n"));
    }

    @Test
    void inconsistentNetworksAreRejectedWithTheLayerNamed() {
        MlException e = assertThrows(MlException.class, () -> new Mlp(List.of("a"), Standardization.identity(1),
                List.of(new DenseLayer("d1", 1, 4), new DenseLayer("d2", 3, 1)), Activation.SIGMOID, List.of("s"),
                new double[8 + 4]));
        assertEquals("layer 1 ('d2') takes 3 inputs but the previous stage gives 4", e.getMessage());
        e = assertThrows(MlException.class, () -> new ActivationLayer("x", 3, Activation.SOFTMAX));
        assertEquals("layer 'x': softmax is only supported as the output function of the network", e.getMessage());
    }
}
