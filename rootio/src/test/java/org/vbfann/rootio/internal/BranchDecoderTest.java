package org.vbfann.rootio.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vbfann.core.ElementType;

/** The bulk big-endian copy, both its short-run and long-run paths, against a value-by-value reference. */
class BranchDecoderTest {
    @Test
    void copyMatchesAValueByValueReference() {
        Random rnd = new Random(7);
        byte[] src = new byte[4096];
        rnd.nextBytes(src);
        ByteBuffer ref = ByteBuffer.wrap(src);   // big-endian by default
        for (ElementType t : ElementType.values()) {
            if (t == ElementType.STRING) {
                continue;
            }
            for (int n : new int[] {0, 3, 63, 64, 300}) {
                int pos = 5;   // unaligned on purpose
                int outPos = 2;
                Object out = BranchDecoder.newArray(t, n + outPos);
                BranchDecoder.copy(t, src, pos, n, out, outPos);
                for (int i = 0; i < n; i++) {
                    int at = pos + i * t.bytes();
                    long expected = switch (t) {
                        case BOOL, INT8, UINT8 -> src[at];
                        case INT16, UINT16 -> ref.getShort(at);
                        case INT32, UINT32 -> ref.getInt(at);
                        case INT64, UINT64 -> ref.getLong(at);
                        case FLOAT32 -> Float.floatToRawIntBits(ref.getFloat(at));
                        case FLOAT64 -> Double.doubleToRawLongBits(ref.getDouble(at));
                        case STRING -> 0;
                    };
                    long got = switch (t) {
                        case BOOL, INT8, UINT8 -> ((byte[]) out)[outPos + i];
                        case INT16, UINT16 -> ((short[]) out)[outPos + i];
                        case INT32, UINT32 -> ((int[]) out)[outPos + i];
                        case INT64, UINT64 -> ((long[]) out)[outPos + i];
                        case FLOAT32 -> Float.floatToRawIntBits(((float[]) out)[outPos + i]);
                        case FLOAT64 -> Double.doubleToRawLongBits(((double[]) out)[outPos + i]);
                        case STRING -> 0;
                    };
                    assertEquals(expected, got, t + " n=" + n + " value " + i);
                }
            }
        }
    }
}
