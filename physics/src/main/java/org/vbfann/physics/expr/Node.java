package org.vbfann.physics.expr;

import java.util.List;

/** The syntax tree of an expression; {@code pos} is the 0-based character offset of the node's first token. */
sealed interface Node {
    int pos();

    /** A number literal. */
    record Num(double value, int pos) implements Node {
    }

    /** A scalar name: a column or a derived variable. */
    record Name(String name, int pos) implements Node {
    }

    /** An array element {@code name[index]}. */
    record Element(String name, int index, int pos) implements Node {
    }

    /** {@code -x} or {@code !x}. */
    record Unary(UnaryOp op, Node operand, int pos) implements Node {
    }

    /** {@code a op b}. */
    record Binary(BinaryOp op, Node left, Node right, int pos) implements Node {
    }

    /** {@code fn(args...)}. */
    record Call(Function fn, List<Node> args, int pos) implements Node {
    }

    enum UnaryOp { NEG, NOT }

    enum BinaryOp {
        OR("||"), AND("&&"), EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        ADD("+"), SUB("-"), MUL("*"), DIV("/");

        final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }
    }
}
