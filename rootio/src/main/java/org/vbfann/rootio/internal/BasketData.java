package org.vbfann.rootio.internal;

import org.vbfann.rootio.BasketInfo;
import org.vbfann.rootio.KeyInfo;
import org.vbfann.rootio.RootFormatException;
import org.vbfann.rootio.internal.LeafPlan.BasketRef;

/**
 * The entry bytes of one basket, decompressed: entries {@code first .. first+entries-1} in
 * {@code data[dataOff, dataOff + border)}, with entry {@code i} starting at {@code offsets[i]} (relative to
 * {@code dataOff}; {@code offsets[entries] == border}) or, without offsets, at {@code i * border / entries}.
 * The TBasket layout is that of tree/tree/src/TBasket.cxx: the key header with TBasket's members at its end,
 * then the entry bytes up to {@code fLast - fKeylen}, then the entry offsets (a count, then one offset per
 * entry counted from the key start).
 */
public record BasketData(long first, int entries, byte[] data, int dataOff, int border, int[] offsets) {
    /** TBasket's members after the TKey header: version, fBufferSize, fNevBufSize, fNevBuf, fLast, flag. */
    static final int TBASKET_MEMBERS = 2 + 4 + 4 + 4 + 4 + 1;

    /** Index in this basket of the first entry at or after tree entry {@code start} (clamped to the basket). */
    public int localFrom(long start) {
        return (int) (Math.min(Math.max(start, first), first + entries) - first);
    }

    /** Index in this basket just after the last entry before tree entry {@code stop} (clamped to the basket). */
    public int localTo(long stop) {
        return (int) (Math.max(Math.min(stop, first + entries), first) - first);
    }

    /** Start of entry {@code i} relative to {@code dataOff}. */
    public int entryStart(int i) {
        return offsets != null ? offsets[i] : (int) ((long) i * border / entries);
    }

    /** Byte length of entry {@code i}. */
    public int entryLength(int i) {
        return entryStart(i + 1) - entryStart(i);
    }

    /** Reads and decompresses basket {@code ref} of a branch; {@code what} names the branch in messages. */
    public static BasketData load(RootSource source, BasketRef ref, String what) {
        String where = source.name() + ": " + what + " basket " + ref.index();   // rare path: inside the tree record
        if (ref.embedded() != null) {
            TTreeModels.EmbeddedBasket eb = ref.embedded();
            int[] offsets = eb.offsets();
            if (offsets != null) {
                checkOffsets(offsets, eb.data().length, where);
            } else if (eb.nevBuf() > 0 && eb.data().length % eb.nevBuf() != 0) {
                throw new RootFormatException(where + " (inside the tree record): " + eb.data().length
                        + " bytes do not split into " + eb.nevBuf() + " equal entries");
            }
            return new BasketData(ref.first(), eb.nevBuf(), eb.data(), 0, eb.data().length, offsets);
        }
        if (ref.seek() <= 0 || ref.bytes() < TKey.MIN_LENGTH || ref.seek() + ref.bytes() > source.size()) {
            throw new RootFormatException(where + " @" + ref.seek() + ": basket of " + ref.bytes()
                    + " bytes is not inside the file of " + source.size() + " bytes (truncated or corrupted file)");
        }
        // Messages name the basket; they are put together only when something is wrong.
        Chunk record = source.read(ref.seek(), ref.bytes(), what);
        return decode(record, ref, new Where(source.name() + ": " + what, ref.index(), ref.seek()));
    }

    /** Names a basket in messages: {@code file: tree 't' branch 'b' basket 3 @6992}, made only when needed. */
    private record Where(String branch, int index, long seek) {
        @Override
        public String toString() {
            return branch + " basket " + index + " @" + seek;
        }
    }

    private static RootFormatException bad(Where where, Cursor c, String message) {
        return new RootFormatException(where + ": " + message + " [bytes at " + c.position() + ": " + c.hexdump(16)
                + "]");
    }

    private static BasketData decode(Chunk record, BasketRef ref, Where where) {
        Cursor c = record.cursor();
        KeyInfo key = TKey.read(c);
        if (key.nbytes() != ref.bytes()) {
            throw bad(where, c, "basket key says " + key.nbytes() + " bytes, branch says " + ref.bytes());
        }
        c.seek(record.start() + key.keylen() - TBASKET_MEMBERS);
        c.u16();   // TBasket version
        c.i32();   // fBufferSize
        c.i32();   // fNevBufSize
        int nevBuf = c.i32();
        int last = c.i32();
        if (nevBuf != ref.entries()) {
            throw bad(where, c, "basket holds " + nevBuf + " entries, branch says " + ref.entries());
        }
        int border = last - key.keylen();
        if (border < 0 || border > key.objlen()) {
            throw bad(where, c, "basket fLast " + last + " is outside its " + key.objlen()
                    + " bytes after the " + key.keylen() + "-byte key");
        }
        int stored = key.nbytes() - key.keylen();
        byte[] data;
        int off;
        if (key.objlen() > stored) {
            data = RootCompression.decompress(record.array(), record.arrayOffset(record.start() + key.keylen(), stored),
                    stored, key.objlen(), where);
            off = 0;
        } else {
            data = record.array();
            off = record.arrayOffset(record.start() + key.keylen(), key.objlen());
        }
        int[] offsets = null;
        if (border < key.objlen()) {
            int tail = key.objlen() - border;
            if (tail < 4 + 4L * nevBuf) {
                throw new RootFormatException(where + ": " + tail + " bytes after the entries cannot hold "
                        + nevBuf + " entry offsets");
            }
            offsets = new int[nevBuf + 1];
            int p = off + border + 4;
            for (int i = 0; i < nevBuf; i++, p += 4) {
                offsets[i] = ((data[p] << 24) | ((data[p + 1] & 0xFF) << 16) | ((data[p + 2] & 0xFF) << 8)
                        | (data[p + 3] & 0xFF)) - key.keylen();
            }
            offsets[nevBuf] = border;
            checkOffsets(offsets, border, where);
        } else if (nevBuf > 0 && border % nevBuf != 0) {
            throw new RootFormatException(where + ": " + border + " bytes do not split into " + nevBuf
                    + " equal entries and the basket has no entry offsets");
        }
        return new BasketData(ref.first(), nevBuf, data, off, border, offsets);
    }

    private static void checkOffsets(int[] offsets, int border, Object where) {
        int prev = 0;
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] < prev || offsets[i] > border) {
                throw new RootFormatException(where + ": entry offset " + i + " is " + offsets[i]
                        + ", expected between " + prev + " and " + border);
            }
            prev = offsets[i];
        }
    }

    /** Size and compression of basket {@code ref}, reading only its key header. */
    public static BasketInfo info(RootSource source, BasketRef ref, String what) {
        if (ref.embedded() != null) {
            int n = ref.embedded().data().length;
            return new BasketInfo(ref.index(), 0, 0, n, n, ref.first(), ref.entries(), "embedded");
        }
        String where = source.name() + ": " + what + " basket " + ref.index() + " @" + ref.seek();
        if (ref.seek() <= 0 || ref.bytes() < TKey.MIN_LENGTH) {
            throw new RootFormatException(where + ": basket has seek " + ref.seek() + " and " + ref.bytes() + " bytes");
        }
        Chunk head = source.read(ref.seek(), Math.min(ref.bytes(), 1024), "basket key");
        KeyInfo key = TKey.read(head.cursor());
        int stored = key.nbytes() - key.keylen();
        String tag = "none";
        if (key.objlen() > stored) {
            int at = key.keylen();
            tag = at + RootCompression.HEADER <= head.length()
                    ? RootCompression.tag(head.array(), at, RootCompression.HEADER) : "?";
        }
        return new BasketInfo(ref.index(), ref.seek(), key.nbytes(), stored, key.objlen(), ref.first(),
                ref.entries(), tag);
    }
}
