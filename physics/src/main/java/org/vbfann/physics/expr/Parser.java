package org.vbfann.physics.expr;

import org.vbfann.core.NameSuggestions;
import java.util.ArrayList;
import java.util.List;
import org.vbfann.physics.expr.Node.BinaryOp;

/**
 * Recursive-descent parser of the expression grammar, lowest precedence first:
 * <pre>
 * or      := and ('||' and)*
 * and     := compare ('&&' compare)*
 * compare := sum (('==' | '!=' | '<' | '<=' | '>' | '>=') sum)?     (no chains: a &lt; b &lt; c is an error)
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := ('-' | '+' | '!') unary | primary
 * primary := number | name '(' or (',' or)* ')' | name '[' integer ']' | name | '(' or ')'
 * </pre>
 */
final class Parser {
    private final String text;
    private int pos;

    private Parser(String text) {
        this.text = text;
    }

    static Node parse(String text) {
        Parser p = new Parser(text);
        p.skipSpace();
        if (p.pos == text.length()) {
            throw new ExpressionException(text, 0, "the expression is empty");
        }
        Node n = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("expected an operator or the end, found " + p.found());
        }
        return n;
    }

    private Node or() {
        Node left = and();
        while (true) {
            int at = skipSpace();
            if (take("||")) {
                left = new Node.Binary(BinaryOp.OR, left, and(), at);
            } else {
                return left;
            }
        }
    }

    private Node and() {
        Node left = compare();
        while (true) {
            int at = skipSpace();
            if (take("&&")) {
                left = new Node.Binary(BinaryOp.AND, left, compare(), at);
            } else {
                return left;
            }
        }
    }

    private Node compare() {
        Node left = sum();
        int at = skipSpace();
        BinaryOp op = comparison();
        if (op == null) {
            return left;
        }
        Node result = new Node.Binary(op, left, sum(), at);
        int next = skipSpace();
        if (comparison() != null) {
            pos = next;
            throw error("comparisons cannot be chained; write a < b && b < c");
        }
        return result;
    }

    private BinaryOp comparison() {
        if (take("==")) {
            return BinaryOp.EQ;
        }
        if (take("!=")) {
            return BinaryOp.NE;
        }
        if (take("<=")) {
            return BinaryOp.LE;
        }
        if (take(">=")) {
            return BinaryOp.GE;
        }
        if (take("<")) {
            return BinaryOp.LT;
        }
        if (take(">")) {
            return BinaryOp.GT;
        }
        if (peek() == '=') {
            throw error("'=' is not an operator; write '==' to compare");
        }
        return null;
    }

    private Node sum() {
        Node left = product();
        while (true) {
            int at = skipSpace();
            if (take("+")) {
                left = new Node.Binary(BinaryOp.ADD, left, product(), at);
            } else if (take("-")) {
                left = new Node.Binary(BinaryOp.SUB, left, product(), at);
            } else {
                return left;
            }
        }
    }

    private Node product() {
        Node left = unary();
        while (true) {
            int at = skipSpace();
            if (take("*")) {
                if (peek() == '*') {
                    pos = at;
                    throw error("'**' is not an operator; write pow(a, b)");
                }
                left = new Node.Binary(BinaryOp.MUL, left, unary(), at);
            } else if (take("/")) {
                left = new Node.Binary(BinaryOp.DIV, left, unary(), at);
            } else {
                checkSingleLogical();
                return left;
            }
        }
    }

    private void checkSingleLogical() {
        char c = peek();
        char d = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
        if (c == '&' && d != '&') {
            throw error("'&' is not an operator; write '&&' for a logical and");
        }
        if (c == '|' && d != '|') {
            throw error("'|' is not an operator; write '||' for a logical or");
        }
    }

    private Node unary() {
        int at = skipSpace();
        if (take("-")) {
            return new Node.Unary(Node.UnaryOp.NEG, unary(), at);
        }
        if (take("+")) {
            return unary();
        }
        if (peek() == '!' && !text.startsWith("!=", pos)) {
            pos++;
            return new Node.Unary(Node.UnaryOp.NOT, unary(), at);
        }
        return primary();
    }

    private Node primary() {
        int at = skipSpace();
        char c = peek();
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return new Node.Num(number(), at);
        }
        if (Character.isLetter(c) || c == '_') {
            String name = identifier();
            skipSpace();
            if (take("(")) {
                return call(name, at);
            }
            if (take("[")) {
                int idxAt = skipSpace();
                if (!Character.isDigit(peek())) {
                    pos = idxAt;
                    throw error("an array index must be a non-negative integer, found " + found());
                }
                int start = pos;
                while (Character.isDigit(peek())) {
                    pos++;
                }
                int index;
                try {
                    index = Integer.parseInt(text.substring(start, pos));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("array index " + text.substring(start, pos) + " is too large");
                }
                skipSpace();
                if (!take("]")) {
                    throw error("expected ']' after the index of '" + name + "', found " + found());
                }
                return new Node.Element(name, index, at);
            }
            return new Node.Name(name, at);
        }
        if (take("(")) {
            Node inner = or();
            skipSpace();
            if (!take(")")) {
                throw error("expected ')' to close the '(' at column " + (at + 1) + ", found " + found());
            }
            return inner;
        }
        throw error("expected a number, a name or '(', found " + found());
    }

    private Node call(String name, int at) {
        Function fn = Function.byLabel(name);
        if (fn == null) {
            throw new ExpressionException(text, at, "unknown function '" + name + "'"
                    + NameSuggestions.didYouMean(name, Function.labels()));
        }
        List<Node> args = new ArrayList<>();
        skipSpace();
        if (!take(")")) {
            do {
                args.add(or());
                skipSpace();
            } while (take(","));
            if (!take(")")) {
                throw error("expected ',' or ')' in the arguments of " + name + "(), found " + found());
            }
        }
        if (!fn.accepts(args.size())) {
            throw new ExpressionException(text, at, name + "() takes " + fn.arityText() + ", got " + args.size());
        }
        return new Node.Call(fn, List.copyOf(args), at);
    }

    private double number() {
        int start = pos;
        while (Character.isDigit(peek()) || peek() == '.') {
            pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            int mark = pos;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!Character.isDigit(peek())) {
                pos = mark;
                throw error("malformed exponent in number '" + text.substring(start, Math.min(text.length(), mark + 2)) + "'");
            }
            while (Character.isDigit(peek())) {
                pos++;
            }
        }
        String s = text.substring(start, pos);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + s + "'");
        }
    }

    private String identifier() {
        int start = pos;
        while (Character.isLetterOrDigit(peek()) || peek() == '_') {
            pos++;
        }
        return text.substring(start, pos);
    }

    private int skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private boolean take(String token) {
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private String found() {
        if (pos >= text.length()) {
            return "the end";
        }
        int end = pos + 1;
        if (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_') {
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
        }
        return "'" + text.substring(pos, end) + "'";
    }

    private ExpressionException error(String problem) {
        return new ExpressionException(text, pos, problem);
    }
}
