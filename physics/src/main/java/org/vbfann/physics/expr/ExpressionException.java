package org.vbfann.physics.expr;

import org.vbfann.physics.PhysicsException;

/**
 * An expression that cannot be parsed or bound to a table: the message quotes the expression and names the
 * column (1-based) where the problem is, e.g.
 * {@code expression 'f_mass4l >= ': column 12: expected a number, a name or '(', found the end}.
 */
public class ExpressionException extends PhysicsException {
    private final String expression;
    private final int position;

    /** An error in {@code expression} at 0-based character {@code position}. */
    public ExpressionException(String expression, int position, String problem) {
        super("expression '" + expression + "': column " + (position + 1) + ": " + problem);
        this.expression = expression;
        this.position = position;
    }

    /** The text of the expression. */
    public String expression() {
        return expression;
    }

    /** The 0-based character offset of the problem in {@link #expression()}. */
    public int position() {
        return position;
    }
}
