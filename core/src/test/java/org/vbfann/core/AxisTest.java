package org.vbfann.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AxisTest {
    @Test
    void uniformBinsIncludeTheirLowerEdge() {
        Axis a = Axis.uniform(10, 0, 1, "x");
        assertEquals(0, a.findBin(-0.1));
        assertEquals(1, a.findBin(0.0));
        assertEquals(1, a.findBin(0.0999));
        assertEquals(2, a.findBin(0.1));
        assertEquals(10, a.findBin(Math.nextDown(1.0)));
        assertEquals(11, a.findBin(1.0));
        assertEquals(0, a.findBin(Double.NaN));
        assertEquals(0.05, a.center(1), 1e-15);
    }

    @Test
    void variableBinsFollowTheEdges() {
        Axis a = Axis.variable(new double[] {0, 1, 3}, "");
        assertEquals(2, a.bins());
        assertEquals(1, a.findBin(0.5));
        assertEquals(2, a.findBin(1.0));
        assertEquals(2, a.findBin(2.9));
        assertEquals(3, a.findBin(3.0));
        assertEquals(2.0, a.width(2));
        assertArrayEquals(new double[] {0, 1, 3}, a.edges());
        assertTrue(a.isVariable());
    }

    @Test
    void badAxesAreRejectedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Axis.variable(new double[] {0, 2, 1}, ""));
        assertTrue(e.getMessage().contains("edge 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Axis.uniform(0, 0, 1, ""));
        assertThrows(IllegalArgumentException.class, () -> Axis.uniform(3, 1, 1, ""));
    }
}
