package org.vbfann.physics.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vbfann.physics.Hzz4lObservables;

/**
 * The functions an expression may call. {@code min} and {@code max} take two or more arguments; the others
 * take the number given here. Angles are in radians; {@code log} is the natural logarithm.
 */
public enum Function {
    ABS(1), SQRT(1), LOG(1), LOG10(1), EXP(1),
    SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), SINH(1), COSH(1), TANH(1), ASINH(1),
    FLOOR(1), CEIL(1),
    POW(2), ATAN2(2), HYPOT(2), MIN(-2), MAX(-2);

    /** Exact number of arguments, or minus the minimum for variadic functions. */
    private final int arity;

    Function(int arity) {
        this.arity = arity;
    }

    /** The name used in expressions (lower case). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code n} arguments are accepted. */
    boolean accepts(int n) {
        return arity >= 0 ? n == arity : n >= -arity;
    }

    /** Human text of the accepted argument count, e.g. "1 argument", "2 or more arguments". */
    String arityText() {
        if (arity < 0) {
            return -arity + " or more arguments";
        }
        return arity + (arity == 1 ? " argument" : " arguments");
    }

    /** The function of this name, or null. */
    static Function byLabel(String name) {
        for (Function f : values()) {
            if (f.label().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** All labels, for suggestions. */
    static List<String> labels() {
        List<String> out = new ArrayList<>();
        for (Function f : values()) {
            out.add(f.label());
        }
        return out;
    }

    /** f(x) for one-argument functions. */
    double apply(double x) {
        return switch (this) {
            case ABS -> Math.abs(x);
            case SQRT -> Math.sqrt(x);
            case LOG -> Math.log(x);
            case LOG10 -> Math.log10(x);
            case EXP -> Math.exp(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case ASIN -> Math.asin(x);
            case ACOS -> Math.acos(x);
            case ATAN -> Math.atan(x);
            case SINH -> Math.sinh(x);
            case COSH -> Math.cosh(x);
            case TANH -> Math.tanh(x);
            case ASINH -> Hzz4lObservables.asinh(x);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            default -> throw new IllegalStateException(label() + " takes two arguments");
        };
    }

    /** f(a, b) for two-argument functions (and the pairwise step of min/max). */
    double apply(double a, double b) {
        return switch (this) {
            case POW -> Math.pow(a, b);
            case ATAN2 -> Math.atan2(a, b);
            case HYPOT -> Math.hypot(a, b);
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
            default -> throw new IllegalStateException(label() + " takes one argument");
        };
    }
}
