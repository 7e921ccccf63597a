package org.vbfann.physics.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.core.EventTable;

class ExpressionTest {
    /** Three events: 2 jets in the window, 3 jets with 2 b jets, 1 jet out of the window. */
    private static EventTable table() {
        return EventTable.of(3, List.of(
                Column.ofFloats("f_mass4l", new float[] {125.0f, 118.0f, 140.5f}),
                Column.ofFloats("f_njets_pass", new float[] {2, 3, 1}),
                Column.ofInts("f_Nbjets", new int[] {0, 2, 0}),
                Column.ofFloats("f_eta4l", new float[] {0.5f, 0f, 1f}),
                Column.of("f_jets_highpt_pt", ElementType.FLOAT32, 3, null, new int[] {4},
                        new float[] {100, 50, -999, -999, 60, 40, 35, -999, 80, -999, -999, -999}),
                Column.of("f_jets_highpt_eta", ElementType.FLOAT32, 3, null, new int[] {4},
                        new float[] {2, -2, -999, -999, 0, 1, 0.5f, -999, 1, -999, -999, -999}),
                Column.of("f_jets_highpt_phi", ElementType.FLOAT32, 3, null, new int[] {4},
                        new float[] {0, 3, -999, -999, 1, -1, 2, -999, 0, -999, -999, -999}),
                Column.of("f_jets_highpt_et", ElementType.FLOAT32, 3, null, new int[] {4},
                        new float[] {100, 50, -999, -999, 60, 40, 35, -999, 80, -999, -999, -999}),
                Column.of("ragged", ElementType.FLOAT64, 3, new int[] {0, 2, 2, 3}, new int[0], new double[] {7, 8, 9}),
                Column.of("flag", ElementType.UINT8, 3, null, new int[0], new byte[] {1, 0, (byte) 255})));
    }

    private static double[] eval(String text) {
        return Expression.parse(text).evaluate(table());
    }

    @Test
    void theVbfSignalRegionSelectionPicksTheFirstEvent() {
        boolean[] pass = Expression.parse("f_njets_pass >= 2 && f_Nbjets <= 1 && f_mass4l >= 118 && f_mass4l <= 130")
                .select(table());
        assertArrayEquals(new boolean[] {true, false, false}, pass);
    }

    @Test
    void precedenceFollowsArithmeticThenComparisonThenAndThenOr() {
        assertArrayEquals(new double[] {7, 7, 7}, eval("1 + 2 * 3"));
        assertArrayEquals(new double[] {9, 9, 9}, eval("(1 + 2) * 3"));
        assertArrayEquals(new double[] {-1, -1, -1}, eval("2 - 3"));
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, eval("1 / 2"));
        assertArrayEquals(new double[] {-4, -4, -4}, eval("-2 * 2"));
        assertArrayEquals(new double[] {1, 1, 1}, eval("1 || 0 && 0"), "&& binds tighter than ||");
        assertArrayEquals(new double[] {0, 0, 0}, eval("(1 || 0) && 0"));
        assertArrayEquals(new double[] {1, 1, 1}, eval("1 + 1 == 2"));
        assertArrayEquals(new double[] {1, 0, 1}, eval("!(f_njets_pass == 3)"));
        assertArrayEquals(new double[] {0, 0, 1}, eval("f_mass4l > 130 || f_Nbjets > 5"));
        assertArrayEquals(new double[] {1, 1, 0}, eval("f_mass4l != 140.5"));
        assertArrayEquals(new double[] {1e-3, 1e-3, 1e-3}, eval("1e-3"));
        assertArrayEquals(new double[] {0.25, 0.25, 0.25}, eval(".25"));
    }

    @Test
    void arrayElementsReadTheirSlot() {
        assertArrayEquals(new double[] {100, 60, 80}, eval("f_jets_highpt_pt[0]"));
        assertArrayEquals(new double[] {50, 40, -999}, eval("f_jets_highpt_pt[1]"));
        assertArrayEquals(new double[] {150, 100, -919}, eval("f_jets_highpt_pt[0] + f_jets_highpt_pt[1]"));
        double[] r = eval("ragged[1]");
        assertEquals(8, r[0]);
        assertTrue(Double.isNaN(r[1]), "an empty jagged entry has no element 1");
        assertTrue(Double.isNaN(r[2]));
        assertArrayEquals(new double[] {7, Double.NaN, 9}, eval("ragged[0]"));
        assertArrayEquals(new double[] {1, 0, 255}, eval("flag"), "UINT8 reads unsigned");
    }

    @Test
    void functionsMatchJavaMath() {
        double[] v = eval("abs(-f_mass4l) + sqrt(16) + log(exp(2)) + cos(0) + sin(0) + cosh(0) + min(3, 1, 2) + max(f_Nbjets, 1)");
        assertArrayEquals(new double[] {125 + 4 + 2 + 1 + 0 + 1 + 1 + 1, 118 + 4 + 2 + 1 + 1 + 1 + 2, 140.5 + 4 + 2 + 1 + 1 + 1 + 1},
                v, 1e-12);
        assertArrayEquals(new double[] {8, 8, 8}, eval("pow(2, 3)"));
        assertArrayEquals(new double[] {Math.atan2(1, 2), Math.atan2(1, 2), Math.atan2(1, 2)}, eval("atan2(1, 2)"));
        assertArrayEquals(new double[] {2, 2, 2}, eval("log10(100)"), 1e-15);
        assertArrayEquals(new double[] {Math.log(2 + Math.sqrt(5)), Math.log(2 + Math.sqrt(5)), Math.log(2 + Math.sqrt(5))},
                eval("asinh(2)"), 1e-15);
        assertArrayEquals(new double[] {-Math.log(2 + Math.sqrt(5)), -Math.log(2 + Math.sqrt(5)), -Math.log(2 + Math.sqrt(5))},
                eval("asinh(-2)"), 1e-15);
    }

    @Test
    void derivedDijetVariablesMatchHandComputedValues() {
        // Event 0: jets (pt 100, eta 2, phi 0) and (pt 50, eta -2, phi 3), massless (et = pt).
        // m² = 2·pt1·pt2·(cosh Δη − cos Δφ) for massless jets, Δη = 4, Δφ = 3.
        double m0 = Math.sqrt(2 * 100 * 50 * (Math.cosh(4) - Math.cos(3)));
        // Event 1: (60, 0, 1) and (40, 1, -1): Δη = 1, Δφ = 2.
        double m1 = Math.sqrt(2 * 60 * 40 * (Math.cosh(1) - Math.cos(2)));
        double[] mjj = eval("mjj");
        assertEquals(m0, mjj[0], 1e-9 * m0);
        assertEquals(m1, mjj[1], 1e-9 * m1);
        assertEquals(-999, mjj[2], "one jet: sentinel");
        assertArrayEquals(new double[] {4, 1, -999}, eval("detajj"), 1e-6);
        assertArrayEquals(new double[] {3, 2, -999}, eval("dphijj"), 1e-6);
        double[] djet = eval("djet");
        assertEquals(0.18 * 4 + 1.92e-4 * m0, djet[0], 1e-9);
        assertEquals(0.18 * 1 + 1.92e-4 * m1, djet[1], 1e-9);
        assertEquals(-999, djet[2]);
        // z* = (0.5 − 0)/4 and (0 − 0.5)/1
        assertArrayEquals(new double[] {0.125, -0.5, -999}, eval("zstar"), 1e-7);
        // pT of the pair: |(100, 0) + 50·(cos 3, sin 3)|
        assertEquals(Math.hypot(100 + 50 * Math.cos(3), 50 * Math.sin(3)), eval("ptjj")[0], 1e-9);
        assertArrayEquals(new double[] {100 * Math.cosh(2), 60, 80 * Math.cosh(1)}, eval("f_jets_highpt_e[0]"), 1e-4);
        assertEquals(-999, eval("f_jets_highpt_e[1]")[2]);
    }

    /**
     * y4l against E and p_z computed by hand; pt4ljj against the vector sum: leptons of pT 10, 20, 30, 40 at φ 0,
     * π/2, π, −π/2 sum to (−20, −20); the jets (100, φ 0) and (50, φ 3) add (100 + 50 cos 3, 50 sin 3).
     */
    @Test
    void fourLeptonRapidityAndTransverseBalance() {
        float[] pt4l = {50f};
        float[] eta4l = {1.2f};
        float[] m4l = {125f};
        List<Column> cols = new java.util.ArrayList<>(List.of(Column.ofFloats("f_pt4l", pt4l),
                Column.ofFloats("f_eta4l", eta4l), Column.ofFloats("f_mass4l", m4l)));
        double[] lpt = {10, 20, 30, 40};
        double[] lphi = {0, Math.PI / 2, Math.PI, -Math.PI / 2};
        for (int l = 0; l < 4; l++) {
            cols.add(Column.ofFloats("f_lept" + (l + 1) + "_pt", new float[] {(float) lpt[l]}));
            cols.add(Column.ofFloats("f_lept" + (l + 1) + "_phi", new float[] {(float) lphi[l]}));
        }
        cols.add(Column.of("f_jets_highpt_pt", ElementType.FLOAT32, 1, null, new int[] {4}, new float[] {100, 50, -999, -999}));
        cols.add(Column.of("f_jets_highpt_phi", ElementType.FLOAT32, 1, null, new int[] {4}, new float[] {0, 3, -999, -999}));
        EventTable t = EventTable.of(1, cols);
        double pz = 50 * Math.sinh(1.2f);
        double e = Math.sqrt(125 * 125 + 50 * 50 + pz * pz);
        assertEquals(0.5 * Math.log((e + pz) / (e - pz)), Expression.parse("y4l").evaluate(t)[0], 1e-6);
        double px = -20 + 100 + 50 * Math.cos(3);
        double py = -20 + 50 * Math.sin(3);
        assertEquals(Math.hypot(px, py), Expression.parse("pt4ljj").evaluate(t)[0], 1e-4);
    }

    @Test
    void evaluationCoversTablesLongerThanOneBlock() {
        int n = 2 * Kernel.BLOCK + 17;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        EventTable t = EventTable.of(n, List.of(Column.ofFloats("x", x)));
        double[] v = Expression.parse("x * 2 + (x > 1000)").evaluate(t);
        for (int i = 0; i < n; i++) {
            assertEquals(2.0 * i + (i > 1000 ? 1 : 0), v[i], "row " + i);
        }
    }

    @Test
    void nanCountsAsFalse() {
        assertArrayEquals(new boolean[] {true, false, true}, Expression.parse("ragged[0]").select(table()));
        assertArrayEquals(new boolean[] {false, true, false}, Expression.parse("!ragged[0]").select(table()));
    }

    @Test
    void branchesListInputsWithDerivedVariablesExpanded() {
        assertEquals(List.of("f_mass4l", "f_jets_highpt_pt", "f_jets_highpt_eta"),
                Expression.parse("f_mass4l > 118 && detajj > 3 || f_jets_highpt_pt[1] > 0").branches());
        assertEquals(List.of("f_jets_highpt_et", "f_jets_highpt_eta", "f_jets_highpt_e"),
                Expression.parse("f_jets_highpt_e[2]").branches());
        assertTrue(Expression.parse("a < 1").isBoolean());
        assertTrue(Expression.parse("!a").isBoolean());
        assertFalse(Expression.parse("a * 1").isBoolean());
        assertFalse(Expression.parse("-a").isBoolean());
    }

    @Test
    void aColumnWinsOverADerivedVariableOfTheSameName() {
        EventTable t = EventTable.of(1, List.of(Column.ofFloats("mjj", new float[] {42})));
        assertArrayEquals(new double[] {42}, Expression.parse("mjj").evaluate(t));
    }

    private static String parseError(String text) {
        return assertThrows(ExpressionException.class, () -> Expression.parse(text)).getMessage();
    }

    private static String bindError(String text) {
        return assertThrows(ExpressionException.class, () -> Expression.parse(text).evaluate(table())).getMessage();
    }

    @Test
    void parseErrorsNameTheColumn() {
        assertEquals("expression 'f_mass4l >= ': column 13: expected a number, a name or '(', found the end",
                parseError("f_mass4l >= "));
        assertEquals("expression 'a && (b || c': column 13: expected ')' to close the '(' at column 6, found the end",
                parseError("a && (b || c"));
        assertEquals("expression 'a & b': column 3: '&' is not an operator; write '&&' for a logical and",
                parseError("a & b"));
        assertEquals("expression 'a = 1': column 3: '=' is not an operator; write '==' to compare", parseError("a = 1"));
        assertEquals("expression '1 < a < 2': column 7: comparisons cannot be chained; write a < b && b < c",
                parseError("1 < a < 2"));
        assertEquals("expression 'x[1.5]': column 4: expected ']' after the index of 'x', found '.'", parseError("x[1.5]"));
        assertEquals("expression 'x[i]': column 3: an array index must be a non-negative integer, found 'i'",
                parseError("x[i]"));
        assertEquals("expression 'sqr(x)': column 1: unknown function 'sqr'; did you mean sqrt?", parseError("sqr(x)"));
        assertEquals("expression 'pow(x)': column 1: pow() takes 2 arguments, got 1", parseError("pow(x)"));
        assertEquals("expression 'min(x)': column 1: min() takes 2 or more arguments, got 1", parseError("min(x)"));
        assertEquals("expression 'a b': column 3: expected an operator or the end, found 'b'", parseError("a b"));
        assertEquals("expression '2 ** 3': column 3: '**' is not an operator; write pow(a, b)", parseError("2 ** 3"));
        assertEquals("expression '1e+': column 2: malformed exponent in number '1e+'", parseError("1e+"));
        assertEquals("expression '  ': column 1: the expression is empty", parseError("  "));
    }

    @Test
    void bindErrorsNameTheProblemAndCloseMatches() {
        assertEquals("expression 'f_mass4L > 1': column 1: unknown name 'f_mass4L'; did you mean f_mass4l?",
                bindError("f_mass4L > 1"));
        assertEquals("expression 'f_njets > 1': column 1: unknown name 'f_njets'; did you mean f_Nbjets, f_njets_pass?",
                bindError("f_njets > 1"));
        assertEquals("expression '1 + f_jets_highpt_pt': column 5: column 'f_jets_highpt_pt' is an array of 4 values"
                + " per event; write f_jets_highpt_pt[i]", bindError("1 + f_jets_highpt_pt"));
        assertEquals("expression 'f_jets_highpt_pt[4]': column 1: index 4 is out of range for column"
                + " 'f_jets_highpt_pt' of 4 values (0..3)", bindError("f_jets_highpt_pt[4]"));
        assertEquals("expression 'f_mass4l[0]': column 1: column 'f_mass4l' is a number per event, not an array;"
                + " remove the index", bindError("f_mass4l[0]"));
        assertEquals("expression 'mjj[0]': column 1: 'mjj' is a number per event, not an array; remove the index",
                bindError("mjj[0]"));
        assertEquals("expression 'f_jets_highpt_e > 0': column 1: 'f_jets_highpt_e' is per jet slot;"
                + " write f_jets_highpt_e[i]", bindError("f_jets_highpt_e > 0"));
        String noJets = assertThrows(ExpressionException.class, () -> Expression.parse("mjj")
                .evaluate(EventTable.of(1, List.of(Column.ofFloats("x", new float[1]))))).getMessage();
        assertEquals("expression 'mjj': column 1: 'mjj' needs column 'f_jets_highpt_pt', which the table lacks", noJets);
        ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse("a + zz").check(table()));
        assertEquals(0, e.position());
    }
}
