package org.vbfann.physics.expr;

import org.vbfann.core.Column;
import org.vbfann.physics.expr.Node.BinaryOp;

/**
 * A node of an expression bound to the columns of one table. {@link #eval} writes the values of rows
 * {@code row .. row+len-1} into {@code out[off ..]}; {@code len} never exceeds {@link #BLOCK}, so every
 * kernel owns its scratch buffers from the start and evaluation allocates nothing per event.
 */
abstract class Kernel {
    /** Rows evaluated per pass: large enough to amortise the tree walk, small enough to stay in cache. */
    static final int BLOCK = 1024;

    abstract void eval(int row, int len, double[] out, int off);

    /** Truth value of a number: non-zero and not NaN. */
    static boolean truthy(double x) {
        return x != 0 && x == x;
    }

    /** A constant. */
    static final class Constant extends Kernel {
        private final double value;

        Constant(double value) {
            this.value = value;
        }

        @Override
        void eval(int row, int len, double[] out, int off) {
            java.util.Arrays.fill(out, off, off + len, value);
        }
    }

    /** Item {@code item} of each entry of a float column with {@code stride} items per entry. */
    static final class FloatItem extends Kernel {
        private final float[] data;
        private final int stride;
        private final int item;

        FloatItem(float[] data, int stride, int item) {
            this.data = data;
            this.stride = stride;
            this.item = item;
        }

        @Override
        void eval(int row, int len, double[] out, int off) {
            int j = row * stride + item;
            for (int i = 0; i < len; i++, j += stride) {
                out[off + i] = data[j];
            }
        }
    }

    /** Item {@code item} of each entry of a double column. */
    static final class DoubleItem extends Kernel {
        private final double[] data;
        private final int stride;
        private final int item;

        DoubleItem(double[] data, int stride, int item) {
            this.data = data;
            this.stride = stride;
            this.item = item;
        }

        @Override
        void eval(int row, int len, double[] out, int off) {
            int j = row * stride + item;
            for (int i = 0; i < len; i++, j += stride) {
                out[off + i] = data[j];
            }
        }
    }

    /** Item {@code item} of each entry of a signed int column. */
    static final class IntItem extends Kernel {
        private final int[] data;
        private final int stride;
        private final int item;

        IntItem(int[] data, int stride, int item) {
            this.data = data;
            this.stride = stride;
            this.item = item;
        }

        @Override
        void eval(int row, int len, double[] out, int off) {
            int j = row * stride + item;
            for (int i = 0; i < len; i++, j += stride) {
                out[off + i] = data[j];
            }
        }
    }

    /** Item {@code item} of each entry of a fixed-shape column of any other numeric type. */
    static final class AnyItem extends Kernel {
        private final Column column;
        private final int stride;
        private final int item;

        AnyItem(Column column, int item) {
            this.column = column;
            this.stride = column.itemsPerEntry();
            this.item = item;
        }

        @Override
        void eval(int row, int len, double[] out, int off) {
            for (int i = 0; i < len; i++) {
                out[off + i] = column.getDouble((row + i) * stride + item);
            }
        }
    }

    /** Element {@code item} of each entry of a jagged column; NaN where the entry is shorter. */
    static final class JaggedItem extends Kernel {
        private final Column column;
        private final int item;

        JaggedItem(Column column, int item) {
            this.column = column;
            this.item = item;
        }

        @Override
        void eval(int row, int len, double[] out, int off) {
            for (int i = 0; i < len; i++) {
                int r = row + i;
                out[off + i] = item < column.length(r) ? column.getDouble(column.start(r) + item) : Double.NaN;
            }
        }
    }

    /** {@code -x} or {@code !x}, computed in place. */
    static final class Unary extends Kernel {
        private final Node.UnaryOp op;
        private final Kernel operand;

        Unary(Node.UnaryOp op, Kernel operand) {
            this.op = op;
            this.operand = operand;
        }

        @Override
        void eval(int row, int len, double[] out, int off) {
            operand.eval(row, len, out, off);
            if (op == Node.UnaryOp.NEG) {
                for (int i = off; i < off + len; i++) {
                    out[i] = -out[i];
                }
            } else {
                for (int i = off; i < off + len; i++) {
                    out[i] = truthy(out[i]) ? 0.0 : 1.0;
                }
            }
        }
    }

    /** {@code a op b}: a into the output, b into a scratch buffer, then combined in place. */
    static final class Binary extends Kernel {
        private final BinaryOp op;
        private final Kernel left;
        private final Kernel right;
        private final double[] scratch = new double[BLOCK];

        Binary(BinaryOp op, Kernel left, Kernel right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        void eval(int row, int len, double[] out, int off) {
            left.eval(row, len, out, off);
            right.eval(row, len, scratch, 0);
            double[] b = scratch;
            switch (op) {
                case ADD -> {
                    for (int i = 0; i < len; i++) {
                        out[off + i] += b[i];
                    }
                }
                case SUB -> {
                    for (int i = 0; i < len; i++) {
                        out[off + i] -= b[i];
                    }
                }
                case MUL -> {
                    for (int i = 0; i < len; i++) {
                        out[off + i] *= b[i];
                    }
                }
                case DIV -> {
                    for (int i = 0; i < len; i++) {
                        out[off + i] /= b[i];
                    }
                }
                case EQ -> {
                    for (int i = 0; i < len; i++) {
                        out[off + i] = out[off + i] == b[i] ? 1.0 : 0.0;
                    }
                }
                case NE -> {
                    for (int i = 0; i < len; i++) {
                        out[off + i] = out[off + i] != b[i] ? 1.0 : 0.0;
                    }
                }
                case LT -> {
                    for (int i = 0; i < len; i++) {
                        out[off + i] = out[off + i] < b[i] ? 1.0 : 0.0;
                    }
                }
                case LE -> {
                    for (int i = 0; i < len; i++) {
                        out[off + i] = out[off + i] <= b[i] ? 1.0 : 0.0;
                    }
                }
                case GT -> {
                    for (int i = 0; i < len; i++) {
                        out[off + i] = out[off + i] > b[i] ? 1.0 : 0.0;
                    }
                }
                case GE -> {
                    for (int i = 0; i < len; i++) {
                        out[off + i] = out[off + i] >= b[i] ? 1.0 : 0.0;
                    }
                }
                case AND -> {
                    for (int i = 0; i < len; i++) {
                        out[off + i] = truthy(out[off + i]) && truthy(b[i]) ? 1.0 : 0.0;
                    }
                }
                case OR -> {
                    for (int i = 0; i < len; i++) {
                        out[off + i] = truthy(out[off + i]) || truthy(b[i]) ? 1.0 : 0.0;
                    }
                }
                default -> throw new IllegalStateException("operator " + op);
            }
        }
    }

    /** A one-argument function, in place. */
    static final class Call1 extends Kernel {
        private final Function fn;
        private final Kernel arg;

        Call1(Function fn, Kernel arg) {
            this.fn = fn;
            this.arg = arg;
        }

        @Override
        void eval(int row, int len, double[] out, int off) {
            arg.eval(row, len, out, off);
            for (int i = off; i < off + len; i++) {
                out[i] = fn.apply(out[i]);
            }
        }
    }

    /** A two-argument function; min/max of more arguments are folded into nested calls when binding. */
    static final class Call2 extends Kernel {
        private final Function fn;
        private final Kernel a;
        private final Kernel b;
        private final double[] scratch = new double[BLOCK];

        Call2(Function fn, Kernel a, Kernel b) {
            this.fn = fn;
            this.a = a;
            this.b = b;
        }

        @Override
        void eval(int row, int len, double[] out, int off) {
            a.eval(row, len, out, off);
            b.eval(row, len, scratch, 0);
            for (int i = 0; i < len; i++) {
                out[off + i] = fn.apply(out[off + i], scratch[i]);
            }
        }
    }

    /** A derived variable: its inputs evaluated into scratch rows, then its formula. */
    static final class Derived extends Kernel {
        private final DerivedVariable variable;
        private final Kernel[] inputs;
        private final double[][] values;

        Derived(DerivedVariable variable, Kernel[] inputs) {
            this.variable = variable;
            this.inputs = inputs;
            this.values = new double[inputs.length][BLOCK];
        }

        @Override
        void eval(int row, int len, double[] out, int off) {
            for (int k = 0; k < inputs.length; k++) {
                inputs[k].eval(row, len, values[k], 0);
            }
            variable.compute(values, len, out, off);
        }
    }
}
