package org.vbfann.rootio.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.rootio.RootFormatException;
import org.vbfann.rootio.RootIoException;
import org.vbfann.rootio.RootUnsupportedException;
import org.vbfann.rootio.internal.LeafPlan.Encoding;

/**
 * Decodes the entries {@code [start, stop)} of one column from its decompressed baskets into one primitive
 * array allocated once (jagged columns: offsets plus flat values). Numbers are big-endian in ROOT files; the
 * copies read them through byte-array views, whole baskets at a time where the layout allows.
 */
public final class BranchDecoder {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle F32 = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle F64 = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);
    /** Runs at least this long are copied through buffer views (their setup costs a few small objects). */
    private static final int BULK_MIN = 64;
    /** Largest array a column may need (Java arrays are int-indexed). */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 16;

    private BranchDecoder() {
    }

    /**
     * The column of {@code plan} over entries {@code [start, stop)}; {@code baskets} are the decompressed baskets
     * overlapping that range, in entry order. {@code where} names file, tree and branch in messages.
     */
    public static Column decode(LeafPlan plan, List<BasketData> baskets, long start, long stop, String where) {
        int n = (int) (stop - start);
        return switch (plan.encoding()) {
            case FIXED -> fixed(plan, baskets, start, stop, n, where);
            case JAGGED -> jagged(plan, baskets, start, stop, n, where);
            case TSTRING, CHAR_STAR -> strings(plan, baskets, start, stop, n, where);
            case VECTOR_STRING -> stringVectors(plan, baskets, start, stop, n, where);
            case UNSUPPORTED -> throw new RootUnsupportedException(plan.info().unsupported());
        };
    }

    private static Column fixed(LeafPlan p, List<BasketData> baskets, long start, long stop, int n, String where) {
        long total = (long) n * p.items();
        checkTotal(total, where);
        ElementType t = p.info().type();
        Object out = newArray(t, (int) total);
        int itemBytes = p.itemBytes() * p.items();
        int outPos = 0;
        for (BasketData b : baskets) {
            int from = b.localFrom(start);
            int to = b.localTo(stop);
            if (from >= to) {
                continue;
            }
            if (b.offsets() == null && p.offsetInEntry() == 0 && b.border() == (long) b.entries() * itemBytes) {
                // One contiguous run of values: a single bulk copy.
                copy(t, b.data(), b.dataOff() + from * itemBytes, (to - from) * p.items(), out, outPos);
                outPos += (to - from) * p.items();
                continue;
            }
            int stride = b.offsets() == null ? b.border() / b.entries() : 0;
            if (b.offsets() == null && stride != p.stride()) {
                throw new RootFormatException(where + ": basket at entry " + b.first() + " has " + stride
                        + " bytes per entry, the leaves need " + p.stride());
            }
            for (int e = from; e < to; e++) {
                int s = b.entryStart(e);
                if (b.entryLength(e) < p.offsetInEntry() + itemBytes) {
                    throw new RootFormatException(where + ": entry " + (b.first() + e) + " has " + b.entryLength(e)
                            + " bytes, expected " + (p.offsetInEntry() + itemBytes));
                }
                copy(t, b.data(), b.dataOff() + s + p.offsetInEntry(), p.items(), out, outPos);
                outPos += p.items();
            }
        }
        checkFilled(outPos, total, where);
        return Column.of(p.info().name(), t, n, null, p.info().fixedShape(), out);
    }

    private static Column jagged(LeafPlan p, List<BasketData> baskets, long start, long stop, int n, String where) {
        int itemBytes = p.itemBytes() * p.items();
        int header = p.headerBytes();
        int[] offsets = new int[n + 1];
        long total = 0;
        int k = 0;
        for (BasketData b : baskets) {
            int from = b.localFrom(start);
            int to = b.localTo(stop);
            if (from < to && b.offsets() == null) {
                throw new RootFormatException(where + ": basket at entry " + b.first()
                        + " has no entry offsets, needed for variable-length entries");
            }
            for (int e = from; e < to; e++) {
                int len = b.entryLength(e);
                int body = len == 0 ? 0 : len - header;
                if (body < 0 || body % itemBytes != 0) {
                    throw new RootFormatException(where + ": entry " + (b.first() + e) + " has " + len
                            + " bytes, not " + header + " header bytes plus whole items of " + itemBytes + " bytes");
                }
                if (header == 10 && len > 0) {
                    int count = (int) I32.get(b.data(), b.dataOff() + b.entryStart(e) + 6);
                    if ((long) count * itemBytes != body) {
                        throw new RootFormatException(where + ": entry " + (b.first() + e) + " std::vector says "
                                + count + " items, its " + body + " bytes hold " + body / itemBytes);
                    }
                }
                total += body / itemBytes;
                offsets[++k] = (int) Math.min(total, Integer.MAX_VALUE);
            }
        }
        checkFilled(k, n, where);
        checkTotal(total * p.items(), where);
        ElementType t = p.info().type();
        Object out = newArray(t, (int) (total * p.items()));
        int outPos = 0;
        for (BasketData b : baskets) {
            int from = b.localFrom(start);
            int to = b.localTo(stop);
            if (from >= to) {
                continue;
            }
            if (header == 0) {
                // Items of consecutive entries are contiguous: one bulk copy per basket.
                int s = b.entryStart(from);
                int values = (b.entryStart(to) - s) / p.itemBytes();
                copy(t, b.data(), b.dataOff() + s, values, out, outPos);
                outPos += values;
                continue;
            }
            for (int e = from; e < to; e++) {
                int len = b.entryLength(e);
                if (len == 0) {
                    continue;
                }
                int values = (len - header) / p.itemBytes();
                copy(t, b.data(), b.dataOff() + b.entryStart(e) + header, values, out, outPos);
                outPos += values;
            }
        }
        return Column.of(p.info().name(), t, n, offsets, p.info().fixedShape(), out);
    }

    private static Column strings(LeafPlan p, List<BasketData> baskets, long start, long stop, int n, String where) {
        String[] out = new String[n];
        int k = 0;
        for (BasketData b : baskets) {
            int from = b.localFrom(start);
            int to = b.localTo(stop);
            for (int e = from; e < to; e++) {
                int s = b.dataOff() + b.entryStart(e);
                int end = s + b.entryLength(e);
                out[k++] = string(b.data(), s + p.headerBytes(), end, p.encoding() == Encoding.CHAR_STAR,
                        where, b.first() + e);
            }
        }
        checkFilled(k, n, where);
        return Column.of(p.info().name(), ElementType.STRING, n, null, new int[0], out);
    }

    private static Column stringVectors(LeafPlan p, List<BasketData> baskets, long start, long stop, int n,
                                        String where) {
        int[] offsets = new int[n + 1];
        long total = 0;
        int k = 0;
        for (BasketData b : baskets) {
            int from = b.localFrom(start);
            int to = b.localTo(stop);
            for (int e = from; e < to; e++) {
                int len = b.entryLength(e);
                int count = 0;
                if (len > 0) {
                    if (len < 10) {
                        throw new RootFormatException(where + ": entry " + (b.first() + e) + " has " + len
                                + " bytes, a std::vector<string> needs at least 10");
                    }
                    count = (int) I32.get(b.data(), b.dataOff() + b.entryStart(e) + 6);
                    if (count < 0 || count > len - 10) {
                        throw new RootFormatException(where + ": entry " + (b.first() + e) + " std::vector says "
                                + count + " strings in " + (len - 10) + " bytes");
                    }
                }
                total += count;
                offsets[++k] = (int) Math.min(total, Integer.MAX_VALUE);
            }
        }
        checkFilled(k, n, where);
        checkTotal(total, where);
        String[] out = new String[(int) total];
        int o = 0;
        for (BasketData b : baskets) {
            int from = b.localFrom(start);
            int to = b.localTo(stop);
            for (int e = from; e < to; e++) {
                if (b.entryLength(e) == 0) {
                    continue;
                }
                int s = b.dataOff() + b.entryStart(e);
                int end = s + b.entryLength(e);
                int count = (int) I32.get(b.data(), s + 6);
                int pos = s + 10;
                for (int i = 0; i < count; i++) {
                    String str = string(b.data(), pos, end, false, where, b.first() + e);
                    pos += stringBytes(b.data(), pos);
                    out[o++] = str;
                }
            }
        }
        return Column.of(p.info().name(), ElementType.STRING, n, offsets, new int[0], out);
    }

    /** Bytes taken by a TString at {@code pos} (its length prefix included); the string was checked before. */
    private static int stringBytes(byte[] d, int pos) {
        int len = d[pos] & 0xFF;
        return len == 255 ? 5 + (int) I32.get(d, pos + 1) : 1 + len;
    }

    private static String string(byte[] d, int pos, int end, boolean charStar, String where, long entry) {
        int len;
        int body;
        if (charStar) {
            if (pos + 4 > end) {
                throw badString(where, entry, "4-byte length", end - pos);
            }
            len = (int) I32.get(d, pos);
            body = pos + 4;
        } else {
            if (pos + 1 > end) {
                if (pos == end) {
                    return "";
                }
                throw badString(where, entry, "length byte", end - pos);
            }
            len = d[pos] & 0xFF;
            body = pos + 1;
            if (len == 255) {
                if (pos + 5 > end) {
                    throw badString(where, entry, "5-byte long length", end - pos);
                }
                len = (int) I32.get(d, pos + 1);
                body = pos + 5;
            }
        }
        if (len < 0 || body + (long) len > end) {
            throw new RootFormatException(where + ": entry " + entry + " string of " + len + " characters runs past"
                    + " its " + (end - pos) + " bytes");
        }
        return new String(d, body, len, StandardCharsets.ISO_8859_1);
    }

    private static RootFormatException badString(String where, long entry, String what, int left) {
        return new RootFormatException(where + ": entry " + entry + " has " + left + " bytes, too few for a string's "
                + what);
    }

    private static void checkTotal(long total, String where) {
        if (total > MAX_VALUES) {
            throw new RootIoException(where + ": " + total + " values do not fit in one Java array; read fewer"
                    + " entries at a time (chunks)");
        }
    }

    private static void checkFilled(long got, long expected, String where) {
        if (got != expected) {
            throw new RootFormatException(where + ": baskets gave " + got + " entries, expected " + expected);
        }
    }

    /** A new array of the Java type that stores {@code t}. */
    static Object newArray(ElementType t, int n) {
        return switch (t) {
            case BOOL, INT8, UINT8 -> new byte[n];
            case INT16, UINT16 -> new short[n];
            case INT32, UINT32 -> new int[n];
            case INT64, UINT64 -> new long[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case STRING -> new String[n];
        };
    }

    /**
     * Copies {@code n} big-endian values of type {@code t} from {@code src[pos..]} into {@code out[outPos..]}.
     * Long runs go through a big-endian buffer view, whose bulk get swaps bytes in one native copy; short runs
     * (entries of jagged or leaf-list branches) through byte-array views, which allocate nothing.
     */
    static void copy(ElementType t, byte[] src, int pos, int n, Object out, int outPos) {
        if (n >= BULK_MIN && t != ElementType.STRING && t.bytes() > 1) {
            ByteBuffer b = ByteBuffer.wrap(src, pos, n * t.bytes()).slice().order(ByteOrder.BIG_ENDIAN);
            switch (t) {
                case INT16, UINT16 -> b.asShortBuffer().get((short[]) out, outPos, n);
                case INT32, UINT32 -> b.asIntBuffer().get((int[]) out, outPos, n);
                case INT64, UINT64 -> b.asLongBuffer().get((long[]) out, outPos, n);
                case FLOAT32 -> b.asFloatBuffer().get((float[]) out, outPos, n);
                default -> b.asDoubleBuffer().get((double[]) out, outPos, n);
            }
            return;
        }
        switch (t) {
            case BOOL, INT8, UINT8 -> System.arraycopy(src, pos, out, outPos, n);
            case INT16, UINT16 -> {
                short[] o = (short[]) out;
                for (int i = 0; i < n; i++) {
                    o[outPos + i] = (short) I16.get(src, pos + 2 * i);
                }
            }
            case INT32, UINT32 -> {
                int[] o = (int[]) out;
                for (int i = 0; i < n; i++) {
                    o[outPos + i] = (int) I32.get(src, pos + 4 * i);
                }
            }
            case INT64, UINT64 -> {
                long[] o = (long[]) out;
                for (int i = 0; i < n; i++) {
                    o[outPos + i] = (long) I64.get(src, pos + 8 * i);
                }
            }
            case FLOAT32 -> {
                float[] o = (float[]) out;
                for (int i = 0; i < n; i++) {
                    o[outPos + i] = (float) F32.get(src, pos + 4 * i);
                }
            }
            case FLOAT64 -> {
                double[] o = (double[]) out;
                for (int i = 0; i < n; i++) {
                    o[outPos + i] = (double) F64.get(src, pos + 8 * i);
                }
            }
            case STRING -> throw new IllegalStateException("strings are not copied as numbers");
        }
    }
}
