package org.vbfann.physics.expr;

import org.vbfann.core.NameSuggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;

/**
 * A selection or feature written as text, e.g. {@code f_njets_pass >= 2 && f_Nbjets <= 1 && f_mass4l >= 118}
 * or {@code f_jets_highpt_pt[0] * cosh(f_jets_highpt_eta[0])}, parsed once and evaluated column by column.
 *
 * <p>Grammar (lowest precedence first): {@code ||}; {@code &&}; one comparison {@code == != < <= > >=};
 * {@code + -}; {@code * /}; unary {@code - + !}; numbers, names, array elements {@code name[i]}, calls of
 * {@link Function}s and parentheses. Every value is a double; comparisons and logical operators give 1 or 0,
 * and a value counts as true when it is non-zero and not NaN.
 *
 * <p>Names are table columns (any numeric type; arrays need an index, fixed or jagged; a jagged entry shorter
 * than the index gives NaN) or {@link DerivedVariable}s such as {@code mjj} and {@code detajj}; a column
 * wins over a derived variable of the same name. Unknown names fail when the expression is bound to a table,
 * with the closest known names in the message.
 *
 * <p>Evaluation binds the tree to the table's arrays and runs it over blocks of rows; it allocates one
 * scratch buffer per operator, never per event. An {@code Expression} is immutable and thread-safe.
 */
public final class Expression {
    private final String text;
    private final Node root;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses {@code text}.
     *
     * @throws ExpressionException naming the column of the first syntax error
     */
    public static Expression parse(String text) {
        if (text == null) {
            throw new NullPointerException("expression text is null");
        }
        return new Expression(text, Parser.parse(text));
    }

    /** The text this expression was parsed from. */
    public String text() {
        return text;
    }

    /** Whether the top operator is a comparison, a logical operator or a negation (a selection, not a feature). */
    public boolean isBoolean() {
        if (root instanceof Node.Unary u) {
            return u.op() == Node.UnaryOp.NOT;
        }
        if (root instanceof Node.Binary b) {
            return switch (b.op()) {
                case ADD, SUB, MUL, DIV -> false;
                default -> true;
            };
        }
        return false;
    }

    /**
     * The branch names this expression reads, in order of appearance, with derived variables replaced by
     * their input branches (readers load only these). A name that is both a branch and a derived variable is
     * listed as the derived variable's inputs and the name itself.
     */
    public List<String> branches() {
        Set<String> out = new LinkedHashSet<>();
        collect(root, out);
        return List.copyOf(out);
    }

    private static void collect(Node n, Set<String> out) {
        if (n instanceof Node.Name name) {
            addName(name.name(), out, false);
        } else if (n instanceof Node.Element el) {
            addName(el.name(), out, true);
        } else if (n instanceof Node.Unary u) {
            collect(u.operand(), out);
        } else if (n instanceof Node.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (n instanceof Node.Call c) {
            for (Node a : c.args()) {
                collect(a, out);
            }
        }
    }

    private static void addName(String name, Set<String> out, boolean indexed) {
        DerivedVariable d = DerivedVariable.byLabel(name);
        if (d != null && d.isIndexed() == indexed) {
            out.addAll(d.branches());
            if (!indexed) {
                return;
            }
        }
        out.add(name);
    }

    /**
     * The value of every row of {@code table}.
     *
     * @throws ExpressionException for unknown names, arrays used without an index or out-of-range indices
     */
    public double[] evaluate(EventTable table) {
        double[] out = new double[table.entries()];
        evaluate(table, out);
        return out;
    }

    /**
     * Writes the value of every row of {@code table} into {@code out} (Modified), which needs at least
     * {@code table.entries()} elements.
     */
    public void evaluate(EventTable table, double[] out) {
        int n = table.entries();
        if (out.length < n) {
            throw new IllegalArgumentException("output has " + out.length + " elements, table has " + n + " entries");
        }
        Kernel k = bind(root, table);
        for (int row = 0; row < n; row += Kernel.BLOCK) {
            k.eval(row, Math.min(Kernel.BLOCK, n - row), out, row);
        }
    }

    /** Whether each row passes: the value is non-zero and not NaN. */
    public boolean[] select(EventTable table) {
        double[] v = evaluate(table);
        boolean[] pass = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            pass[i] = Kernel.truthy(v[i]);
        }
        return pass;
    }

    /**
     * Checks that every name resolves in {@code table} without evaluating.
     *
     * @throws ExpressionException as {@link #evaluate(EventTable)}
     */
    public void check(EventTable table) {
        bind(root, table);
    }

    private Kernel bind(Node n, EventTable table) {
        if (n instanceof Node.Num num) {
            return new Kernel.Constant(num.value());
        }
        if (n instanceof Node.Name name) {
            return bindName(name.name(), -1, name.pos(), table);
        }
        if (n instanceof Node.Element el) {
            return bindName(el.name(), el.index(), el.pos(), table);
        }
        if (n instanceof Node.Unary u) {
            return new Kernel.Unary(u.op(), bind(u.operand(), table));
        }
        if (n instanceof Node.Binary b) {
            return new Kernel.Binary(b.op(), bind(b.left(), table), bind(b.right(), table));
        }
        Node.Call c = (Node.Call) n;
        if (c.args().size() == 1) {
            return new Kernel.Call1(c.fn(), bind(c.args().get(0), table));
        }
        Kernel k = new Kernel.Call2(c.fn(), bind(c.args().get(0), table), bind(c.args().get(1), table));
        for (int i = 2; i < c.args().size(); i++) {
            k = new Kernel.Call2(c.fn(), k, bind(c.args().get(i), table));
        }
        return k;
    }

    private Kernel bindName(String name, int index, int pos, EventTable table) {
        if (table.has(name)) {
            return columnKernel(table.column(name), index, pos);
        }
        DerivedVariable d = DerivedVariable.byLabel(name);
        if (d != null) {
            if (d.isIndexed() != (index >= 0)) {
                throw new ExpressionException(text, pos, d.isIndexed()
                        ? "'" + name + "' is per jet slot; write " + name + "[i]"
                        : "'" + name + "' is a number per event, not an array; remove the index");
            }
            List<DerivedVariable.Input> inputs = d.inputs(Math.max(index, 0));
            Kernel[] ks = new Kernel[inputs.size()];
            for (int i = 0; i < ks.length; i++) {
                DerivedVariable.Input in = inputs.get(i);
                if (!table.has(in.branch())) {
                    throw new ExpressionException(text, pos, "'" + name + "' needs column '" + in.branch()
                            + "', which the table lacks");
                }
                ks[i] = columnKernel(table.column(in.branch()), in.index(), pos);
            }
            return new Kernel.Derived(d, ks);
        }
        List<String> known = new ArrayList<>(table.names());
        for (DerivedVariable v : DerivedVariable.values()) {
            known.add(v.label());
        }
        throw new ExpressionException(text, pos, "unknown name '" + name + "'" + NameSuggestions.didYouMean(name, known));
    }

    private Kernel columnKernel(Column c, int index, int pos) {
        String name = c.name();
        if (c.isString()) {
            throw new ExpressionException(text, pos, "column '" + name + "' holds strings, not numbers");
        }
        boolean array = c.isJagged() || c.itemsPerEntry() != 1;
        if (!array) {
            if (index >= 0) {
                throw new ExpressionException(text, pos, "column '" + name + "' is a number per event, not an array; remove the index");
            }
            return itemKernel(c, 1, 0);
        }
        if (index < 0) {
            throw new ExpressionException(text, pos, "column '" + name + "' is an array of "
                    + (c.isJagged() ? "variable length" : c.itemsPerEntry() + " values") + " per event; write " + name + "[i]");
        }
        if (c.isJagged()) {
            if (c.itemsPerEntry() != 1) {
                throw new ExpressionException(text, pos, "column '" + name + "' has items of several values; only flat arrays can be indexed");
            }
            return new Kernel.JaggedItem(c, index);
        }
        if (index >= c.itemsPerEntry()) {
            throw new ExpressionException(text, pos, "index " + index + " is out of range for column '" + name
                    + "' of " + c.itemsPerEntry() + " values (0.." + (c.itemsPerEntry() - 1) + ")");
        }
        return itemKernel(c, c.itemsPerEntry(), index);
    }

    private static Kernel itemKernel(Column c, int stride, int item) {
        if (c.type() == ElementType.FLOAT32) {
            return new Kernel.FloatItem(c.floats(), stride, item);
        }
        if (c.type() == ElementType.FLOAT64) {
            return new Kernel.DoubleItem(c.doubles(), stride, item);
        }
        if (c.type() == ElementType.INT32) {
            return new Kernel.IntItem(c.ints(), stride, item);
        }
        return new Kernel.AnyItem(c, item);
    }

    @Override
    public String toString() {
        return text;
    }
}
