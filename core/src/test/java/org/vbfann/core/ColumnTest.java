package org.vbfann.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColumnTest {
    @Test
    void jaggedColumnsIndexThroughOffsets() {
        Column c = Column.of("x", ElementType.FLOAT32, 3, new int[] {0, 2, 2, 5}, new int[0],
                new float[] {1, 2, 3, 4, 5});
        assertEquals(2, c.length(0));
        assertEquals(0, c.length(1));
        assertEquals(2, c.start(2));
        assertEquals(5, c.size());
        assertEquals(4.0, c.getDouble(3));
    }

    @Test
    void unsignedValuesReadUnsigned() {
        Column u8 = Column.of("b", ElementType.UINT8, 1, null, new int[0], new byte[] {(byte) 200});
        assertEquals(200, u8.getLong(0));
        Column u64 = Column.of("l", ElementType.UINT64, 1, null, new int[0], new long[] {-1L});
        assertEquals(18446744073709551615.0, u64.getDouble(0));
    }

    @Test
    void wrongArrayTypeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Column.of("x", ElementType.FLOAT64, 1, null, new int[0], new float[1]));
        assertEquals("column 'x' of type FLOAT64 needs double[], got float[]", e.getMessage());
    }
}
