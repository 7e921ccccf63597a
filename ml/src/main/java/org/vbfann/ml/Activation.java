package org.vbfann.ml;

import java.util.Locale;

/**
 * Element-wise activation functions of hidden layers and the output functions of a network. Each works in
 * place over a range of a primitive array, so the hot loops allocate nothing.
 */
public enum Activation {
    /** {@code max(0, x)}. */
    RELU,
    /**
     * Scaled exponential linear unit, {@code λ x} for x &gt; 0 and {@code λ α (e^x − 1)} otherwise, with the
     * constants of Klambauer et al., "Self-Normalizing Neural Networks" (2017), as in Keras and ONNX.
     */
    SELU,
    /** Exponential linear unit with α = 1 (the Keras and ONNX default). */
    ELU,
    /** Hyperbolic tangent. */
    TANH,
    /** Logistic function {@code 1 / (1 + e^−x)}. */
    SIGMOID,
    /** Identity. */
    LINEAR,
    /** Softmax over the units of a row; only as the output function of a multi-class network. */
    SOFTMAX;

    /** λ of SELU (Klambauer et al. 2017, eq. 14; Keras {@code activations.selu}). */
    public static final double SELU_SCALE = 1.0507009873554804934193349852946;
    /** α of SELU (Klambauer et al. 2017, eq. 14; Keras {@code activations.selu}). */
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    /** The lower-case name used in model files, on the command line and by Keras. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The activation of a name as Keras and model files spell it ({@code relu}, {@code selu}, ...).
     *
     * @throws MlException naming the known activations if the name is not one of them
     */
    public static Activation fromId(String id) {
        for (Activation a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new MlException("unknown activation '" + id + "'; known: relu, selu, elu, tanh, sigmoid, linear, softmax");
    }

    /**
     * Applies the function to {@code rows} rows of {@code width} values of {@code x}, writing {@code y} (may
     * be the same array). The others act element by element; softmax normalises each row over its
     * {@code width} values, stored feature-major as in the network's buffers (value j of row r at
     * {@code j·rows + r}).
     */
    public void apply(double[] x, double[] y, int rows, int width) {
        int n = rows * width;
        switch (this) {
            case RELU:
                // Math.max compiles to a branch-free max; a ternary mispredicts on half the inputs.
                for (int i = 0; i < n; i++) {
                    y[i] = Math.max(x[i], 0.0);
                }
                break;
            case SELU:
                for (int i = 0; i < n; i++) {
                    double v = x[i];
                    y[i] = v > 0 ? SELU_SCALE * v : SELU_SCALE * SELU_ALPHA * Math.expm1(v);
                }
                break;
            case ELU:
                for (int i = 0; i < n; i++) {
                    double v = x[i];
                    y[i] = v > 0 ? v : Math.expm1(v);
                }
                break;
            case TANH:
                for (int i = 0; i < n; i++) {
                    y[i] = Math.tanh(x[i]);
                }
                break;
            case SIGMOID:
                for (int i = 0; i < n; i++) {
                    y[i] = sigmoid(x[i]);
                }
                break;
            case LINEAR:
                if (x != y) {
                    System.arraycopy(x, 0, y, 0, n);
                }
                break;
            case SOFTMAX:
                for (int r = 0; r < rows; r++) {
                    softmaxRow(x, y, r, rows, width);
                }
                break;
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Multiplies the gradient {@code dy} by the derivative of the function, given its input {@code x} and
     * output {@code y}, writing {@code dx} (may be {@code dy}). Not defined for softmax, whose gradient the
     * cross-entropy loss takes directly with respect to the logits.
     */
    public void backward(double[] x, double[] y, double[] dy, double[] dx, int n) {
        switch (this) {
            case RELU:
                // ceil(min(y, 1)) is 1 where the unit is active and 0 elsewhere (y ≥ 0), as signum(y) but without
                // signum's branches, which mispredict on half the units and keep C2 from vectorising the loop.
                for (int i = 0; i < n; i++) {
                    dx[i] = dy[i] * Math.ceil(Math.min(y[i], 1.0));
                }
                break;
            case SELU:
                for (int i = 0; i < n; i++) {
                    dx[i] = dy[i] * (x[i] > 0 ? SELU_SCALE : y[i] + SELU_SCALE * SELU_ALPHA);
                }
                break;
            case ELU:
                for (int i = 0; i < n; i++) {
                    dx[i] = dy[i] * (x[i] > 0 ? 1.0 : y[i] + 1.0);
                }
                break;
            case TANH:
                for (int i = 0; i < n; i++) {
                    dx[i] = dy[i] * (1.0 - y[i] * y[i]);
                }
                break;
            case SIGMOID:
                for (int i = 0; i < n; i++) {
                    dx[i] = dy[i] * y[i] * (1.0 - y[i]);
                }
                break;
            case LINEAR:
                if (dx != dy) {
                    System.arraycopy(dy, 0, dx, 0, n);
                }
                break;
            default:
                throw new MlException("softmax is only an output function; its gradient is taken by the loss");
        }
    }

    /** The logistic function, written to stay finite for large |x|. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    private static void softmaxRow(double[] x, double[] y, int r, int stride, int width) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < width; j++) {
            max = Math.max(max, x[j * stride + r]);
        }
        double sum = 0;
        for (int j = 0; j < width; j++) {
            double e = Math.exp(x[j * stride + r] - max);
            y[j * stride + r] = e;
            sum += e;
        }
        double inv = 1.0 / sum;
        for (int j = 0; j < width; j++) {
            y[j * stride + r] *= inv;
        }
    }
}
