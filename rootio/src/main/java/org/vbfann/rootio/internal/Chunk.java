package org.vbfann.rootio.internal;

import org.vbfann.rootio.RootFormatException;

/**
 * A byte range of a ROOT file or of a decompressed record. Positions are logical: file offsets for raw
 * chunks, and for a record's payload the offset inside the key (so the key length comes first), which is how
 * ROOT numbers the class and object references inside a record.
 */
public final class Chunk {
    private final String where;
    final byte[] data;
    final int from;
    final int to;
    final long base;

    /**
     * A chunk over {@code data[from, to)} whose first byte has logical position {@code base}.
     *
     * @param where what the bytes are, for messages (e.g. {@code "data.root: key 'tree' payload"})
     */
    public Chunk(String where, byte[] data, int from, int to, long base) {
        this.where = where;
        this.data = data;
        this.from = from;
        this.to = to;
        this.base = base;
    }

    /** What these bytes are, for messages. */
    public String where() {
        return where;
    }

    /** Logical position of the first byte. */
    public long start() {
        return base;
    }

    /** Logical position just after the last byte. */
    public long stop() {
        return base + (to - from);
    }

    /** Number of bytes. */
    public int length() {
        return to - from;
    }

    /** A cursor at logical position {@code pos}. */
    public Cursor cursor(long pos) {
        return new Cursor(this, pos);
    }

    /** A cursor at the first byte. */
    public Cursor cursor() {
        return new Cursor(this, base);
    }

    /** The backing array (not a copy); {@link #arrayOffset(long)} maps positions into it. */
    public byte[] array() {
        return data;
    }

    /** Index in {@link #array()} of logical position {@code pos}, after checking {@code [pos, pos+n)} is inside. */
    public int arrayOffset(long pos, int n) {
        check(pos, n);
        return (int) (from + (pos - base));
    }

    void check(long pos, long n) {
        if (n < 0 || pos < base || pos + n > stop()) {
            throw new RootFormatException(where + ": needs bytes [" + pos + ", " + (pos + n) + ") but the record holds ["
                    + base + ", " + stop() + ")");
        }
    }
}
