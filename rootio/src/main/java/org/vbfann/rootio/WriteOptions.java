package org.vbfann.rootio;

/**
 * How {@link RootFileWriter} writes: compression of objects and baskets, and the basket size of tree branches.
 * Immutable; the setters return a modified copy.
 */
public final class WriteOptions {
    /** ROOT's default basket size (TTree::Branch, {@code bufsize = 32000}). */
    public static final int DEFAULT_BASKET_SIZE = 32000;

    /**
     * The TDatime of every key in reproducible mode: 2000-01-01 00:00:00, a fixed time any ROOT version decodes
     * (TDatime counts years from 1995).
     */
    public static final java.time.LocalDateTime REPRODUCIBLE_TIME = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);

    private final Compression.Setting compression;
    private final int basketSize;
    private final Long reproducibleSeed;   // null: clock time and random UUIDs, as ROOT writes

    private WriteOptions(Compression.Setting compression, int basketSize, Long reproducibleSeed) {
        this.compression = compression;
        this.basketSize = basketSize;
        this.reproducibleSeed = reproducibleSeed;
    }

    /** zlib level 4 (ROOT setting 104) and baskets of 32000 bytes. */
    public static WriteOptions defaults() {
        return new WriteOptions(new Compression.Setting(Compression.ZLIB, 4), DEFAULT_BASKET_SIZE, null);
    }

    /**
     * These options with another compression. Level 0 stores uncompressed whatever the algorithm. LZ4 and ZSTD
     * have one speed setting in the pure-Java codec, so any level 1-9 gives the same bytes for them.
     *
     * @throws IllegalArgumentException if the level is outside 0-9
     */
    public WriteOptions compression(Compression algo, int level) {
        return new WriteOptions(new Compression.Setting(algo, level), basketSize, reproducibleSeed);
    }

    /** These options with a parsed compression setting ({@link Compression#parse}). */
    public WriteOptions compression(Compression.Setting setting) {
        return new WriteOptions(setting, basketSize, reproducibleSeed);
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
        return new WriteOptions(compression, bytes, reproducibleSeed);
    }

    /**
     * These options in reproducible mode: every key carries {@link #REPRODUCIBLE_TIME} and the directories'
     * UUIDs come from {@code seed} and the file name instead of a secure random source, so the same content
     * written with the same seed gives byte-identical files (for generators and tests that promise it).
     */
    public WriteOptions reproducible(long seed) {
        return new WriteOptions(compression, basketSize, seed);
    }

    /** Whether keys and UUIDs are fixed ({@link #reproducible(long)}). */
    public boolean isReproducible() {
        return reproducibleSeed != null;
    }

    /** The seed of reproducible mode; only meaningful when {@link #isReproducible()}. */
    public long reproducibleSeed() {
        return reproducibleSeed == null ? 0 : reproducibleSeed;
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
        return "WriteOptions(" + compression + ", basket " + basketSize + " B"
                + (reproducibleSeed != null ? ", reproducible seed " + reproducibleSeed : "") + ")";
    }
}
