package org.vbfann.rootio.internal.write;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.vbfann.core.Column;

/** Encodes column values as ROOT stores them in baskets: big-endian, one element after the other. */
public final class BigEndian {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

    private BigEndian() {
    }

    /**
     * Writes {@code count} values of {@code c}'s flat data from {@code from} into {@code dst} at {@code at}.
     *
     * @return the position after the last byte written
     */
    public static int encode(Column c, int from, int count, byte[] dst, int at) {
        int p = at;
        switch (c.type()) {
            case BOOL, INT8, UINT8 -> {
                System.arraycopy(c.bytes(), from, dst, at, count);
                p += count;
            }
            case INT16, UINT16 -> {
                short[] v = c.shorts();
                for (int i = from, end = from + count; i < end; i++, p += 2) {
                    SHORT.set(dst, p, v[i]);
                }
            }
            case INT32, UINT32 -> {
                int[] v = c.ints();
                for (int i = from, end = from + count; i < end; i++, p += 4) {
                    INT.set(dst, p, v[i]);
                }
            }
            case INT64, UINT64 -> {
                long[] v = c.longs();
                for (int i = from, end = from + count; i < end; i++, p += 8) {
                    LONG.set(dst, p, v[i]);
                }
            }
            case FLOAT32 -> {
                float[] v = c.floats();
                for (int i = from, end = from + count; i < end; i++, p += 4) {
                    FLOAT.set(dst, p, v[i]);
                }
            }
            case FLOAT64 -> {
                double[] v = c.doubles();
                for (int i = from, end = from + count; i < end; i++, p += 8) {
                    DOUBLE.set(dst, p, v[i]);
                }
            }
            case STRING -> throw new IllegalArgumentException("column '" + c.name() + "': strings are not written");
        }
        return p;
    }

    /** Writes one big-endian int. */
    public static void putInt(byte[] dst, int at, int v) {
        INT.set(dst, at, v);
    }
}
