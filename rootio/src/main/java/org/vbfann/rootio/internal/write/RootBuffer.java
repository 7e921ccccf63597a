package org.vbfann.rootio.internal.write;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A growable big-endian buffer that serializes ROOT objects the way {@code TBufferFile} does: byte counts
 * with {@link #K_BYTE_COUNT_MASK}, class tags, TStrings and object references.
 *
 * <p>Positions used in object references count from the start of the key that will hold the buffer,
 * so the buffer is created with the key length as its {@code displacement} (ROOT's TBufferFile reserves the
 * key header at its start; references are offsets in that combined buffer).
 */
public final class RootBuffer {
    /** Set in a byte-count word (TBufferFile.cxx {@code kByteCountMask}). */
    public static final int K_BYTE_COUNT_MASK = 0x40000000;
    /** Class tag announcing a class name that follows (TBufferFile.cxx {@code kNewClassTag}). */
    public static final int K_NEW_CLASS_TAG = 0xFFFFFFFF;
    /** Added to buffer positions in reference tags (TBufferFile.cxx {@code kMapOffset}). */
    public static final int K_MAP_OFFSET = 2;
    /** TObject::fBits as written: kNotDeleted | kIsOnHeap (TObject.h). */
    public static final int TOBJECT_BITS = 0x03000000;

    private byte[] data;
    private int pos;
    private final int displacement;
    private final Map<Object, Integer> objectTags = new IdentityHashMap<>();

    /** An empty buffer whose references count {@code displacement} bytes before its start. */
    public RootBuffer(int capacity, int displacement) {
        this.data = new byte[Math.max(16, capacity)];
        this.displacement = displacement;
    }

    /** An empty buffer for data not referenced by position. */
    public RootBuffer() {
        this(256, 0);
    }

    private void ensure(int more) {
        if (pos + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, pos + more));
        }
    }

    /** Bytes written so far. */
    public int length() {
        return pos;
    }

    /** The underlying array (valid up to {@link #length()}). Not a copy. */
    public byte[] array() {
        return data;
    }

    /** A copy of the written bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(data, pos);
    }

    public RootBuffer u8(int v) {
        ensure(1);
        data[pos++] = (byte) v;
        return this;
    }

    public RootBuffer bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    public RootBuffer i16(int v) {
        ensure(2);
        data[pos++] = (byte) (v >>> 8);
        data[pos++] = (byte) v;
        return this;
    }

    public RootBuffer i32(int v) {
        ensure(4);
        putInt(data, pos, v);
        pos += 4;
        return this;
    }

    public RootBuffer i64(long v) {
        ensure(8);
        for (int s = 56; s >= 0; s -= 8) {
            data[pos++] = (byte) (v >>> s);
        }
        return this;
    }

    public RootBuffer f32(float v) {
        return i32(Float.floatToRawIntBits(v));
    }

    public RootBuffer f64(double v) {
        return i64(Double.doubleToRawLongBits(v));
    }

    public RootBuffer bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, data, pos, len);
        pos += len;
        return this;
    }

    public RootBuffer bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    /** Overwrites 4 bytes at {@code at}. */
    public void setI32(int at, int v) {
        putInt(data, at, v);
    }

    static void putInt(byte[] d, int at, int v) {
        d[at] = (byte) (v >>> 24);
        d[at + 1] = (byte) (v >>> 16);
        d[at + 2] = (byte) (v >>> 8);
        d[at + 3] = (byte) v;
    }

    /** A TString: one length byte, or 255 and a 4-byte length for 255 bytes and more (TString::Streamer). */
    public RootBuffer tstring(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length < 255) {
            u8(b.length);
        } else {
            u8(255);
            i32(b.length);
        }
        return bytes(b);
    }

    /** Bytes a TString of {@code s} takes. */
    public static int tstringSize(String s) {
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        return n + (n < 255 ? 1 : 5);
    }

    /**
     * Reserves a byte count and writes the class version, as {@code TBuffer::WriteVersion(cl, kTRUE)} does.
     *
     * @return the position to pass to {@link #endObject}
     */
    public int startVersioned(int version) {
        int at = pos;
        i32(0);
        i16(version);
        return at;
    }

    /** Fills in the byte count reserved at {@code at}: the bytes after the count word. */
    public void endObject(int at) {
        setI32(at, (pos - at - 4) | K_BYTE_COUNT_MASK);
    }

    /** TObject::Streamer: version 1, fUniqueID 0, fBits. */
    public RootBuffer tobject(int bits) {
        i16(1);
        i32(0);
        return i32(bits);
    }

    /** A TNamed with its byte count and version 1. */
    public RootBuffer tnamed(String name, String title, int bits) {
        int at = startVersioned(1);
        tobject(bits);
        tstring(name);
        tstring(title);
        endObject(at);
        return this;
    }

    /**
     * Starts an object written through a pointer ({@code WriteObjectAny}): byte count, new-class tag and the
     * class name. Remembers {@code identity} so later {@link #reference} calls can point at it.
     *
     * @return the position to pass to {@link #endObject}
     */
    public int startObjectAny(Object identity, String className) {
        int at = pos;
        objectTags.put(identity, displacement + at + K_MAP_OFFSET);
        i32(0);
        i32(K_NEW_CLASS_TAG);
        byte[] name = className.getBytes(StandardCharsets.US_ASCII);
        bytes(name);
        u8(0);
        return at;
    }

    /** A null pointer. */
    public RootBuffer nullPointer() {
        return i32(0);
    }

    /** A pointer to an object already written in this buffer by {@link #startObjectAny}. */
    public RootBuffer reference(Object identity) {
        Integer tag = objectTags.get(identity);
        if (tag == null) {
            throw new IllegalStateException("object referenced before it was written: " + identity);
        }
        return i32(tag);
    }
}
