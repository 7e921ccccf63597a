package org.vbfann.rootio.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.vbfann.rootio.RootFormatException;

/**
 * Reads big-endian numbers, strings and ROOT's object headers from a {@link Chunk}, checking every read
 * against the chunk's bounds. The only place that decodes metadata bytes. Errors carry the chunk, the
 * position and a {@link #hexdump(int)} of the bytes there.
 */
public final class Cursor {
    private final Chunk chunk;
    private long pos;
    /** Class and object references of ROOT's TBufferFile, keyed by logical position + kMapOffset. */
    private final Map<Long, Object> refs;
    /** How many object pointers are being read inside each other (shared by copies). */
    private final int[] depth;

    Cursor(Chunk chunk, long pos) {
        this(chunk, pos, new HashMap<>(), new int[1]);
    }

    private Cursor(Chunk chunk, long pos, Map<Long, Object> refs, int[] depth) {
        this.chunk = chunk;
        this.pos = pos;
        this.refs = refs;
        this.depth = depth;
    }

    /** A cursor at another position of the same chunk sharing the reference table. */
    public Cursor at(long position) {
        return new Cursor(chunk, position, refs, depth);
    }

    /** The chunk read from. */
    public Chunk chunk() {
        return chunk;
    }

    /** Current logical position. */
    public long position() {
        return pos;
    }

    /** Bytes left in the chunk. */
    public long remaining() {
        return chunk.stop() - pos;
    }

    /** Moves to logical position {@code p}, which must be inside the chunk (or at its end). */
    public void seek(long p) {
        if (p < chunk.start() || p > chunk.stop()) {
            throw fail("cannot move to " + p + ", outside the record [" + chunk.start() + ", " + chunk.stop() + ")");
        }
        pos = p;
    }

    /** Moves {@code n} bytes on (checked). */
    public void skip(long n) {
        seek(pos + n);
    }

    private int index(int n) {
        int i = chunk.arrayOffset(pos, n);
        pos += n;
        return i;
    }

    /** One signed byte. */
    public byte i8() {
        return chunk.data[index(1)];
    }

    /** One unsigned byte. */
    public int u8() {
        return chunk.data[index(1)] & 0xFF;
    }

    /** A Bool_t (one byte, non-zero is true). */
    public boolean bool() {
        return i8() != 0;
    }

    /** A big-endian 16-bit integer. */
    public short i16() {
        int i = index(2);
        byte[] d = chunk.data;
        return (short) ((d[i] << 8) | (d[i + 1] & 0xFF));
    }

    /** A big-endian unsigned 16-bit integer. */
    public int u16() {
        return i16() & 0xFFFF;
    }

    /** A big-endian 32-bit integer. */
    public int i32() {
        int i = index(4);
        byte[] d = chunk.data;
        return (d[i] << 24) | ((d[i + 1] & 0xFF) << 16) | ((d[i + 2] & 0xFF) << 8) | (d[i + 3] & 0xFF);
    }

    /** A big-endian unsigned 32-bit integer. */
    public long u32() {
        return i32() & 0xFFFFFFFFL;
    }

    /** A big-endian 64-bit integer. */
    public long i64() {
        return ((long) i32() << 32) | (i32() & 0xFFFFFFFFL);
    }

    /** A big-endian IEEE float. */
    public float f32() {
        return Float.intBitsToFloat(i32());
    }

    /** A big-endian IEEE double. */
    public double f64() {
        return Double.longBitsToDouble(i64());
    }

    /** {@code n} raw bytes (copied). */
    public byte[] bytes(int n) {
        if (n < 0) {
            throw fail("negative byte count " + n);
        }
        int i = index(n);
        byte[] out = new byte[n];
        System.arraycopy(chunk.data, i, out, 0, n);
        return out;
    }

    /** ROOT's TString: one length byte, or 255 and a 4-byte length, then the characters (one per byte). */
    public String string() {
        int n = u8();
        if (n == 255) {
            n = i32();
            if (n < 0) {
                throw fail("string length " + n + " is negative");
            }
        }
        return latin1(n);
    }

    /** {@code n} bytes as a string, one character per byte. */
    public String latin1(int n) {
        int i = index(n);
        return new String(chunk.data, i, n, StandardCharsets.ISO_8859_1);
    }

    /** A zero-terminated string (class names in object headers), at most {@code max} bytes. */
    public String cString(int max) {
        long start = pos;
        long limit = Math.min(chunk.stop(), pos + max);
        for (long p = pos; p < limit; p++) {
            if (chunk.data[chunk.arrayOffset(p, 1)] == 0) {
                String s = latin1((int) (p - start));
                pos = p + 1;
                return s;
            }
        }
        throw fail("no terminating zero within " + (limit - start) + " bytes of a class name");
    }

    /** An array length read from the file, checked against the bytes left for {@code bytesPerItem} each. */
    public int count(String what, int bytesPerItem) {
        int n = i32();
        checkCount(what, n, bytesPerItem);
        return n;
    }

    /** Checks that {@code n} items of {@code bytesPerItem} bytes fit in what is left. */
    public void checkCount(String what, long n, int bytesPerItem) {
        if (n < 0 || n * Math.max(1, bytesPerItem) > remaining()) {
            throw fail(what + " count " + n + " does not fit in the " + remaining() + " bytes left");
        }
    }

    /** {@code n} 32-bit integers (checked to fit). */
    public int[] i32Array(int n) {
        checkCount("int array", n, 4);
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = i32();
        }
        return out;
    }

    /** {@code n} doubles (checked to fit). */
    public double[] f64Array(int n) {
        checkCount("double array", n, 8);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = f64();
        }
        return out;
    }

    Map<Long, Object> refs() {
        return refs;
    }

    /** Enters one more nested object; objects nested deeper than {@code max} are taken as corruption. */
    void enter(int max) {
        if (++depth[0] > max) {
            depth[0] = 0;
            throw fail("objects nested more than " + max + " deep");
        }
    }

    void leave() {
        depth[0] = Math.max(0, depth[0] - 1);
    }

    /** An error at the current position, with the chunk name and a hexdump of the next bytes. */
    public RootFormatException fail(String message) {
        return new RootFormatException(chunk.where() + " @" + pos + ": " + message + " [bytes: " + hexdump(16) + "]");
    }

    /** Up to {@code n} bytes from the current position as hex pairs, for error messages and debugging. */
    public String hexdump(int n) {
        StringBuilder sb = new StringBuilder();
        long p = Math.max(pos, chunk.start());
        long end = Math.min(chunk.stop(), p + n);
        for (; p < end; p++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", chunk.data[(int) (chunk.from + (p - chunk.base))] & 0xFF));
        }
        return sb.length() == 0 ? "end of record" : sb.toString();
    }
}
