package org.vbfann.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void fillKeepsWeightsSquaredWeightsAndFlow() {
        Histogram1D h = new Histogram1D("h", "t", Axis.uniform(4, 0, 4, "x"));
        h.fill(0.5, 2.0);
        h.fill(0.5, 3.0);
        h.fill(-1, 1.0);
        h.fill(10, 0.5);
        assertEquals(5.0, h.content(1));
        assertEquals(13.0, h.sumw2(1));
        assertEquals(1.0, h.content(0));
        assertEquals(0.5, h.content(5));
        assertEquals(5.0, h.integral());
        assertEquals(6.5, h.integralWithFlow());
        assertEquals(4, h.entries());
    }

    @Test
    void addAndScaleCombineErrorsLikeRoot() {
        Histogram1D a = new Histogram1D("a", "", Axis.uniform(2, 0, 2, ""));
        Histogram1D b = new Histogram1D("b", "", Axis.uniform(2, 0, 2, ""));
        a.fill(0.5, 2);
        b.fill(0.5, 1);
        a.add(b);
        a.scale(2);
        assertEquals(6.0, a.content(1));
        assertEquals(4 * 5.0, a.sumw2(1));
        assertThrows(IllegalArgumentException.class,
                () -> a.add(new Histogram1D("c", "", Axis.uniform(3, 0, 2, ""))));
    }

    @Test
    void twoDimensionalCellsUseRootLayout() {
        Histogram2D h = new Histogram2D("h", "", Axis.uniform(2, 0, 2, ""), Axis.uniform(3, 0, 3, ""));
        h.fill(1.5, 2.5, 4);
        assertEquals(2 + 4 * 3, h.cell(2, 3));
        assertEquals(4.0, h.contents()[14]);
        assertEquals(16.0, h.sumw2(2, 3));
        assertEquals(4.0, h.integral());
    }
}
