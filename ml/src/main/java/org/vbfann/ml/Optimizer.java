package org.vbfann.ml;

import java.util.Locale;

/**
 * A gradient-descent rule updating the flat parameter array in place. The defaults of each rule are those of
 * Keras 2 ({@code keras/optimizers}): Adam β1 = 0.9, β2 = 0.999, ε = 1e-7; RMSprop ρ = 0.9, ε = 1e-7; SGD
 * without momentum.
 */
public abstract class Optimizer {
    /** The optimizers that training offers. */
    public enum Kind {
        /** Adam (Kingma and Ba 2015). */
        ADAM,
        /** Plain stochastic gradient descent. */
        SGD,
        /** RMSprop (Hinton, lecture 6e). */
        RMSPROP;

        /** The lower-case name used on the command line and in model files. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    final double learningRate;

    Optimizer(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new MlException("learning rate must be a finite number > 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** A fresh optimizer of the given kind for {@code n} parameters. */
    public static Optimizer create(Kind kind, double learningRate, int n) {
        switch (kind) {
            case ADAM:
                return new Adam(learningRate, n);
            case SGD:
                return new Sgd(learningRate);
            case RMSPROP:
                return new RmsProp(learningRate, n);
            default:
                throw new AssertionError(kind);
        }
    }

    /** One update of {@code p} from the gradient {@code g} (not modified). */
    public abstract void step(double[] p, double[] g);

    private static final class Sgd extends Optimizer {
        Sgd(double lr) {
            super(lr);
        }

        @Override
        public void step(double[] p, double[] g) {
            for (int i = 0; i < p.length; i++) {
                p[i] -= learningRate * g[i];
            }
        }
    }

    private static final class Adam extends Optimizer {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPSILON = 1e-7;
        private final double[] m;
        private final double[] v;
        private double beta1Power = 1;
        private double beta2Power = 1;

        Adam(double lr, int n) {
            super(lr);
            m = new double[n];
            v = new double[n];
        }

        @Override
        public void step(double[] p, double[] g) {
            beta1Power *= BETA1;
            beta2Power *= BETA2;
            // Bias correction folded into the step size, as in Kingma and Ba (2015), section 2, and Keras.
            double lr = learningRate * Math.sqrt(1 - beta2Power) / (1 - beta1Power);
            for (int i = 0; i < p.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
                p[i] -= lr * m[i] / (Math.sqrt(v[i]) + EPSILON);
            }
        }
    }

    private static final class RmsProp extends Optimizer {
        private static final double RHO = 0.9;
        private static final double EPSILON = 1e-7;
        private final double[] ms;

        RmsProp(double lr, int n) {
            super(lr);
            ms = new double[n];
        }

        @Override
        public void step(double[] p, double[] g) {
            for (int i = 0; i < p.length; i++) {
                ms[i] = RHO * ms[i] + (1 - RHO) * g[i] * g[i];
                p[i] -= learningRate * g[i] / (Math.sqrt(ms[i]) + EPSILON);
            }
        }
    }
}
