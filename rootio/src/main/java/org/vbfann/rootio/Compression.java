package org.vbfann.rootio;

import java.util.Locale;

/**
 * The compression algorithms vbfann writes, with ROOT's algorithm numbers (Compression.h,
 * {@code ROOT::RCompressionSetting::EAlgorithm}): a file or branch setting is {@code 100 * algorithm + level}.
 */
public enum Compression {
    /** Stored as is. */
    NONE(0, "none"),
    /** zlib (deflate with zlib header), ROOT's "ZL" blocks. */
    ZLIB(1, "zlib"),
    /** LZ4 block with an XXH64 checksum, ROOT's "L4" blocks. */
    LZ4(4, "lz4"),
    /** Zstandard frame, ROOT's "ZS" blocks. */
    ZSTD(5, "zstd");

    private final int rootAlgorithm;
    private final String label;

    Compression(int rootAlgorithm, String label) {
        this.rootAlgorithm = rootAlgorithm;
        this.label = label;
    }

    /** ROOT's number for this algorithm (0 for NONE). */
    public int rootAlgorithm() {
        return rootAlgorithm;
    }

    /** Lower-case name as used in {@link #parse}. */
    public String label() {
        return label;
    }

    /** ROOT's setting {@code 100 * algorithm + level}, e.g. 104 for zlib level 4; 0 when nothing is compressed. */
    public int rootSetting(int level) {
        return this == NONE || level == 0 ? 0 : 100 * rootAlgorithm + level;
    }

    /**
     * Parses {@code "zlib:4"}, {@code "lz4:4"}, {@code "zstd:5"}, {@code "zlib"} (level 4) or {@code "none"}.
     *
     * @return the algorithm and level
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Setting parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon);
        Compression algo = null;
        for (Compression c : values()) {
            if (c.label.equals(name)) {
                algo = c;
            }
        }
        if (algo == null) {
            throw new IllegalArgumentException("unknown compression '" + text
                    + "': expected none, zlib[:level], lz4[:level] or zstd[:level] with level 0-9");
        }
        int level = algo == NONE ? 0 : 4;
        if (colon >= 0) {
            try {
                level = Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("compression '" + text + "': level '" + t.substring(colon + 1)
                        + "' is not a number 0-9", e);
            }
        }
        return new Setting(algo, level);
    }

    /**
     * An algorithm and a level 0-9 (0 stores data uncompressed).
     *
     * @param algorithm the algorithm
     * @param level     0-9
     */
    public record Setting(Compression algorithm, int level) {
        public Setting {
            if (level < 0 || level > 9) {
                throw new IllegalArgumentException("compression level must be 0-9, got " + level);
            }
            if (algorithm == NONE) {
                level = 0;
            }
        }

        /** ROOT's combined setting, e.g. 104. */
        public int rootSetting() {
            return algorithm.rootSetting(level);
        }

        @Override
        public String toString() {
            return algorithm == NONE || level == 0 ? "none" : algorithm.label + ":" + level;
        }
    }
}
