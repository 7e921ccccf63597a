package org.vbfann.rootio;

/**
 * How {@link RootFileWriter} writes: compression of objects and baskets, and the basket size of tree branches.
 * Immutable; the setters return a modified copy.
 */
public final class WriteOptions {
    /** ROOT's default basket size (TTree::Branch, {@code bufsize = 32000}). */
    public static final int DEFAULT_BASKET_SIZE = 32000;

    private final Compression.Setting compression;
    private final int basketSize;

    private WriteOptions(Compression.Setting compression, int basketSize) {
        this.compression = compression;
        this.basketSize = basketSize;
    }

    /** zlib level 4 (ROOT setting 104) and baskets of 32000 bytes. */
    public static WriteOptions defaults() {
        return new WriteOptions(new Compression.Setting(Compression.ZLIB, 4), DEFAULT_BASKET_SIZE);
    }

    /**
     * These options with another compression. Level 0 stores uncompressed whatever the algorithm. LZ4 and ZSTD
     * have one speed setting in the pure-Java codec, so any level 1-9 gives the same bytes for them.
     *
     * @throws IllegalArgumentException if the level is outside 0-9
     */
    public WriteOptions compression(Compression algo, int level) {
        return new WriteOptions(new Compression.Setting(algo, level), basketSize);
    }

    /** These options with a parsed compression setting ({@link Compression#parse}). */
    public WriteOptions compression(Compression.Setting setting) {
        return new WriteOptions(setting, basketSize);
    }

    /**
     * These options with another basket size: a branch's basket is written once its data reach this many bytes.
     *
     * @throws IllegalArgumentException if {@code bytes < 64}
     */
    public WriteOptions basketSize(int bytes) {
        if (bytes < 64) {
            throw new IllegalArgumentException("basket size must be at least 64 bytes, got " + bytes);
        }
        return new WriteOptions(compression, bytes);
    }

    /** The compression setting. */
    public Compression.Setting compression() {
        return compression;
    }

    /** The basket size in bytes. */
    public int basketSize() {
        return basketSize;
    }

    @Override
    public String toString() {
        return "WriteOptions(" + compression + ", basket " + basketSize + " B)";
    }
}
