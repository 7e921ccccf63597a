package org.vbfann.rootio.internal.write;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import org.vbfann.rootio.Compression;

/**
 * Writes keyed records into a {@link FileSink}: objects (compressed when that helps) and tree baskets. Collects
 * the classes written, whose streamer infos the file needs.
 */
public final class RecordWriter {
    private final FileSink sink;
    private final BlockCompressor compressor;
    private final Compression.Setting setting;
    private final int datime;
    private final Set<String> classes = new LinkedHashSet<>();

    /** A writer whose keys carry the time {@code keyTime}. */
    public RecordWriter(FileSink sink, Compression.Setting setting, LocalDateTime keyTime) {
        this.sink = sink;
        this.datime = KeyHeader.datime(keyTime);
        this.setting = setting;
        this.compressor = new BlockCompressor(setting);
    }

    public FileSink sink() {
        return sink;
    }

    public Compression.Setting compression() {
        return setting;
    }

    /** TDatime of this writing session, used in every key. */
    public int datime() {
        return datime;
    }

    /** Notes that objects of {@code className} were written (their streamer infos go in the file). */
    public void usedClass(String className) {
        classes.add(className);
    }

    public Set<String> usedClasses() {
        return classes;
    }

    /** Key length an object key at the file's end would have. */
    public int keyLengthAtEnd(String className, String name, String title, DirectoryState dir) {
        return KeyHeader.length(className, name, title, sink.end(), dir.seekDir());
    }

    /**
     * Writes an object at the end of the file and lists its key in {@code dir}.
     *
     * @param object the serialized object, built with {@link #keyLengthAtEnd} as its displacement
     */
    public KeyHeader writeObject(DirectoryState dir, String className, String name, String title, byte[] object) {
        usedClass(className);
        KeyHeader key = writeKeyed(dir, className, name, title, dir.nextCycle(name), object, object.length, true);
        dir.addKey(key);
        return key;
    }

    /** Writes a key and its object at the end of the file, compressed if {@code compress} and smaller. */
    KeyHeader writeKeyed(DirectoryState dir, String className, String name, String title, int cycle,
                         byte[] object, int length, boolean compress) {
        long at = sink.end();
        byte[] stored = object;
        int storedLen = length;
        if (compress) {
            storedLen = compressor.compress(object, 0, length);
            stored = compressor.output();
        }
        KeyHeader key = new KeyHeader(className, name, title, cycle, at, dir.seekDir(), length, storedLen, datime, 0);
        RootBuffer b = new RootBuffer(key.keyLength() + storedLen, 0);
        key.write(b);
        b.bytes(stored, 0, storedLen);
        sink.append(b.array(), 0, b.length());
        return key;
    }

    /**
     * Writes one basket (TBasket.cxx, WriteBuffer): the key header with the basket's own fields (version,
     * fBufferSize, fNevBufSize, fNevBuf, fLast, a flag) and the compressed payload.
     *
     * @param payload   entry data, then (for variable-size entries) the entry offsets, already including the key
     *                  length; see {@link #basketKeyLength}
     * @param dataBytes bytes of entry data in the payload (fLast is the key length plus this)
     * @return the basket's key (its {@link KeyHeader#totalBytes()} is the fBasketBytes entry)
     */
    public KeyHeader writeBasket(DirectoryState dir, String branch, String tree, byte[] payload, int length,
                                 int dataBytes, int bufferSize, int nevBufSize, int nevBuf) {
        long at = sink.end();
        int storedLen = compressor.compress(payload, 0, length);
        KeyHeader key = new KeyHeader("TBasket", branch, tree, 1, at, dir.seekDir(), length, storedLen, datime,
                BASKET_FIELDS);
        RootBuffer b = new RootBuffer(key.keyLength() + storedLen, 0);
        key.write(b);
        b.i16(BASKET_VERSION);
        b.i32(Math.max(bufferSize, key.keyLength() + length));
        b.i32(nevBufSize);
        b.i32(nevBuf);
        b.i32(key.keyLength() + dataBytes);
        b.u8(0);   // flag: data follow on disk, no embedded entry tables
        b.bytes(compressor.output(), 0, storedLen);
        sink.append(b.array(), 0, b.length());
        return key;
    }

    /**
     * Appends a basket record copied from another file, unchanged but for its fSeekKey and fSeekPdir.
     *
     * @return its new position, or -1 when the record has 4-byte seeks and the file's end is past
     *         {@link KeyHeader#K_START_BIG_FILE} (then the basket must be re-encoded with a longer key)
     */
    public long copyBasket(byte[] record, int off, int len, DirectoryState dir) {
        long at = sink.end();
        // TKey header: fNbytes(4) fVersion(2) fObjlen(4) fDatime(4) fKeylen(2) fCycle(2), then the seeks
        int version = (record[off + 4] & 0xFF) << 8 | (record[off + 5] & 0xFF);
        int seeks = off + 18;
        byte[] copy = java.util.Arrays.copyOfRange(record, off, off + len);
        if (version > 1000) {
            RootBuffer b = new RootBuffer(16, 0);
            b.i64(at).i64(dir.seekDir());
            System.arraycopy(b.array(), 0, copy, seeks - off, 16);
        } else {
            if (KeyHeader.isBig(at, dir.seekDir())) {
                return -1;
            }
            BigEndian.putInt(copy, seeks - off, (int) at);
            BigEndian.putInt(copy, seeks - off + 4, (int) dir.seekDir());
        }
        sink.append(copy, 0, len);
        return at;
    }

    /** TBasket class version (TBasket.h ClassDef(TBasket,3)). */
    private static final int BASKET_VERSION = 3;
    /** Bytes of the TBasket fields in its key header: version 2, four ints, flag 1. */
    private static final int BASKET_FIELDS = 2 + 4 * 4 + 1;

    /** Key length of the next basket, which offsets in its payload must include. */
    public int basketKeyLength(DirectoryState dir, String branch, String tree) {
        return KeyHeader.length("TBasket", branch, tree, sink.end(), dir.seekDir()) + BASKET_FIELDS;
    }
}
