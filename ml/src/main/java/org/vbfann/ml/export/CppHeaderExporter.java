package org.vbfann.ml.export;

import java.util.Locale;
import java.util.regex.Pattern;
import org.vbfann.ml.Activation;
import org.vbfann.ml.ActivationLayer;
import org.vbfann.ml.BatchNormLayer;
import org.vbfann.ml.DenseLayer;
import org.vbfann.ml.DropoutLayer;
import org.vbfann.ml.Layer;
import org.vbfann.ml.MlException;
import org.vbfann.ml.Mlp;

/**
 * Writes a network as one self-contained C++ header (C++11, only {@code <cmath>}): a namespace holding the
 * weights as {@code double} arrays and one function
 * <pre>
 *   double evaluate(const double* inputs, double* outputs);
 * </pre>
 * that takes the raw inputs in the order listed in the header's comment (the standardisation is applied
 * inside), writes all outputs to {@code outputs} unless it is {@code nullptr}, and returns output 0 (the
 * score of a binary network). The arithmetic is in double precision in the same order as vbfann's Java
 * evaluation, so the two agree to rounding.
 */
public final class CppHeaderExporter {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private CppHeaderExporter() {
    }

    /**
     * The header text.
     *
     * @param namespace C++ namespace of the function and weights (also the include guard)
     * @throws MlException if the namespace is not a C++ identifier
     */
    public static String export(Mlp net, String namespace) {
        if (!IDENTIFIER.matcher(namespace).matches()) {
            throw new MlException("C++ namespace '" + namespace + "' is not an identifier (letters, digits, _)");
        }
        StringBuilder h = new StringBuilder();
        String guard = namespace.toUpperCase(Locale.ROOT) + "_H";
        h.append("// Neural network exported by vbfann: ").append(net.inputs()).append(" inputs -> ")
                .append(net.outputs()).append(" outputs (").append(net.output().id()).append(").\n");
        h.append("// Self-contained: needs only <cmath>. Call ").append(namespace)
                .append("::evaluate(inputs, outputs); it returns output 0.\n");
        h.append("//\n// Inputs, raw values in this order (standardised inside):\n");
        for (int j = 0; j < net.inputs(); j++) {
            h.append("//   [").append(j).append("] ").append(net.features().get(j)).append('\n');
        }
        h.append("// Outputs:\n");
        for (int j = 0; j < net.outputs(); j++) {
            h.append("//   [").append(j).append("] ").append(net.outputNames().get(j)).append('\n');
        }
        h.append("#ifndef ").append(guard).append("\n#define ").append(guard).append("\n\n#include <cmath>\n\n");
        h.append("namespace ").append(namespace).append(" {\n\n");
        h.append("constexpr int kInputs = ").append(net.inputs()).append(";\n");
        h.append("constexpr int kOutputs = ").append(net.outputs()).append(";\n\n");
        int widest = net.inputs();
        for (Layer l : net.layers()) {
            widest = Math.max(widest, l.outputs());
        }
        double[] mean = new double[net.inputs()];
        double[] scale = new double[net.inputs()];
        for (int j = 0; j < net.inputs(); j++) {
            mean[j] = net.scaling().mean(j);
            scale[j] = net.scaling().scale(j);
        }
        array(h, "kMean", mean);
        array(h, "kScale", scale);
        for (int k = 0; k < net.layers().size(); k++) {
            Layer l = net.layers().get(k);
            if (l.parameterCount() > 0) {
                double[] p = new double[l.parameterCount()];
                for (int i = 0; i < p.length; i++) {
                    p[i] = net.parameter(k, i);
                }
                array(h, "kLayer" + k, p);
            }
        }
        h.append("\n/** Evaluates the network; see the header comment for the input order. */\n");
        h.append("inline double evaluate(const double* inputs, double* outputs) {\n");
        h.append("  double a[").append(widest).append("];\n  double b[").append(widest).append("];\n");
        h.append("  double* x = a;\n  double* y = b;\n  double* t = nullptr;\n");
        h.append("  for (int j = 0; j < kInputs; ++j) x[j] = (inputs[j] - kMean[j]) / kScale[j];\n");
        for (int k = 0; k < net.layers().size(); k++) {
            layer(h, net.layers().get(k), k);
        }
        output(h, net.output(), net.outputs());
        h.append("  if (outputs != nullptr) {\n    for (int o = 0; o < kOutputs; ++o) outputs[o] = x[o];\n  }\n");
        h.append("  return x[0];\n}\n\n}  // namespace ").append(namespace).append("\n\n#endif  // ").append(guard)
                .append('\n');
        return h.toString();
    }

    private static void layer(StringBuilder h, Layer l, int k) {
        int n = l.outputs();
        String p = "kLayer" + k;
        h.append("  // ").append(l.name()).append(" (").append(l.kerasType()).append(")\n");
        if (l instanceof DenseLayer d) {
            int in = d.inputs();
            h.append("  for (int o = 0; o < ").append(n).append("; ++o) y[o] = ").append(p).append('[')
                    .append(d.biasOffset()).append(" + o];\n");
            h.append("  for (int i = 0; i < ").append(in).append("; ++i) {\n    const double xi = x[i];\n");
            h.append("    for (int o = 0; o < ").append(n).append("; ++o) y[o] += ").append(p).append("[i * ")
                    .append(n).append(" + o] * xi;\n  }\n");
            h.append("  t = x; x = y; y = t;\n");
        } else if (l instanceof BatchNormLayer bn) {
            h.append("  for (int j = 0; j < ").append(n).append("; ++j) x[j] = ").append(p).append("[j] / std::sqrt(")
                    .append(p).append('[').append(bn.varianceOffset()).append(" + j] + ").append(literal(bn.epsilon()))
                    .append(") * (x[j] - ").append(p).append('[').append(bn.meanOffset()).append(" + j]) + ")
                    .append(p).append('[').append(bn.betaOffset()).append(" + j];\n");
        } else if (l instanceof DropoutLayer) {
            h.append("  // identity at inference\n");
        } else {
            elementWise(h, ((ActivationLayer) l).function(), n);
        }
    }

    private static void elementWise(StringBuilder h, Activation f, int n) {
        String loop = "  for (int j = 0; j < " + n + "; ++j) ";
        switch (f) {
            case RELU:
                h.append(loop).append("x[j] = x[j] > 0 ? x[j] : 0.0;\n");
                break;
            case SELU:
                h.append(loop).append("x[j] = x[j] > 0 ? ").append(literal(Activation.SELU_SCALE)).append(" * x[j] : ")
                        .append(literal(Activation.SELU_SCALE)).append(" * ").append(literal(Activation.SELU_ALPHA))
                        .append(" * std::expm1(x[j]);\n");
                break;
            case ELU:
                h.append(loop).append("x[j] = x[j] > 0 ? x[j] : std::expm1(x[j]);\n");
                break;
            case TANH:
                h.append(loop).append("x[j] = std::tanh(x[j]);\n");
                break;
            case SIGMOID:
                h.append(loop).append("x[j] = x[j] >= 0 ? 1.0 / (1.0 + std::exp(-x[j])) : std::exp(x[j]) / (1.0 + std::exp(x[j]));\n");
                break;
            case LINEAR:
                h.append("  // linear\n");
                break;
            default:
                throw new AssertionError(f);
        }
    }

    private static void output(StringBuilder h, Activation f, int n) {
        h.append("  // output: ").append(f.id()).append('\n');
        if (f == Activation.SOFTMAX) {
            h.append("  {\n    double m = x[0];\n");
            h.append("    for (int j = 1; j < ").append(n).append("; ++j) m = x[j] > m ? x[j] : m;\n");
            h.append("    double s = 0;\n");
            h.append("    for (int j = 0; j < ").append(n).append("; ++j) { x[j] = std::exp(x[j] - m); s += x[j]; }\n");
            h.append("    const double inv = 1.0 / s;\n");
            h.append("    for (int j = 0; j < ").append(n).append("; ++j) x[j] *= inv;\n  }\n");
        } else {
            elementWise(h, f, n);
        }
    }

    private static void array(StringBuilder h, String name, double[] v) {
        h.append("static const double ").append(name).append("[] = {");
        for (int i = 0; i < v.length; i++) {
            h.append(i % 6 == 0 ? "\n    " : " ").append(literal(v[i])).append(i + 1 < v.length ? "," : "");
        }
        h.append("};\n");
    }

    /** A C++ double literal that reads back as exactly {@code v} (Java's shortest round-trip digits). */
    private static String literal(double v) {
        return Double.toString(v);
    }
}
