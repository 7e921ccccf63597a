package org.vbfann.rootio.internal;

import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.XZInputStream;
import org.vbfann.rootio.RootFormatException;
import org.vbfann.rootio.RootUnsupportedException;

/**
 * Decompresses ROOT records. A compressed record is a sequence of blocks, each with ROOT's 9-byte header
 * (core/zip/src/RZip.cxx, R__unzip_header): a two-letter algorithm tag, a method byte, the compressed size and
 * the uncompressed size as 3-byte little-endian numbers. Tags: {@code ZL} zlib, {@code CS} ROOT's old built-in
 * deflate (a raw deflate stream without zlib header), {@code XZ} LZMA (an .xz stream), {@code L4} LZ4 (an
 * 8-byte big-endian XXH64 of the compressed bytes, then an LZ4 block; core/lz4/src/ZipLZ4.cxx) and {@code ZS}
 * ZSTD (one zstd frame). Every size is checked before anything is allocated.
 */
public final class RootCompression {
    /** ROOT's block header length (RZip.cxx, kHeaderSize). */
    static final int HEADER = 9;
    /** LZ4 blocks put an XXH64 checksum after the header (ZipLZ4.cxx, kChecksumSize). */
    static final int LZ4_CHECKSUM = 8;
    /**
     * Memory limit for the xz decoder's dictionary (ROOT's highest LZMA preset uses 64 MiB); the dictionaries
     * are reused through xz's array cache, as every basket is its own stream.
     */
    private static final int XZ_MEMORY_LIMIT_KIB = 128 * 1024;

    /**
     * One inflater per thread and mode, reset before each block: creating one costs a native allocation, and a
     * tree read inflates one block per basket.
     */
    private static final ThreadLocal<Inflater> ZLIB_INFLATER = ThreadLocal.withInitial(() -> new Inflater(false));
    private static final ThreadLocal<Inflater> RAW_INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

    private static final int ZL = ('Z' << 8) | 'L';
    private static final int CS = ('C' << 8) | 'S';
    private static final int XZ = ('X' << 8) | 'Z';
    private static final int L4 = ('L' << 8) | '4';
    private static final int ZS = ('Z' << 8) | 'S';

    /** Where a block is, for messages; its text is made only when one is thrown. */
    private record Block(Object what, int index, byte[] data, int at, int compressed, int uncompressed) {
        @Override
        public String toString() {
            return what + " block " + index + " (" + tag(data, at, HEADER) + ", " + compressed + " -> " + uncompressed
                    + " bytes)";
        }
    }

    private RootCompression() {
    }

    /** The tag of the first block ("ZL", "XZ", "L4", "ZS", "CS"), or "?" if there is no valid header. */
    public static String tag(byte[] data, int off, int len) {
        if (len < HEADER) {
            return "?";
        }
        return new String(new char[] {(char) (data[off] & 0xFF), (char) (data[off + 1] & 0xFF)});
    }

    /**
     * Decompresses {@code data[off, off+len)} into exactly {@code objlen} bytes.
     *
     * @param what names the record in messages, e.g. {@code "data.root: branch 'px' basket 3 @6992"}; its
     *             {@code toString()} is called only when an error is thrown
     * @throws RootFormatException if a block header or a decompressor disagrees with the sizes
     * @throws RootUnsupportedException for an unknown algorithm tag
     */
    public static byte[] decompress(byte[] data, int off, int len, int objlen, Object what) {
        if (objlen < 0) {
            throw new RootFormatException(what + ": uncompressed size " + objlen + " is negative");
        }
        // First pass: the block sizes must add up before the output is allocated.
        long total = 0;
        int p = off;
        int end = off + len;
        int blocks = 0;
        while (total < objlen) {
            if (p + HEADER > end) {
                throw new RootFormatException(what + ": compressed block " + blocks + " header at byte " + (p - off)
                        + " runs past the " + len + " compressed bytes (decompressed " + total + " of " + objlen + ")");
            }
            int c = u24(data, p + 3);
            int u = u24(data, p + 6);
            if (p + HEADER + (long) c > end) {
                throw new RootFormatException(what + ": compressed block " + blocks + " claims " + c
                        + " bytes, only " + (end - p - HEADER) + " left in the record");
            }
            total += u;
            p += HEADER + c;
            blocks++;
        }
        if (total != objlen) {
            throw new RootFormatException(what + ": compressed blocks hold " + total + " bytes, key says " + objlen);
        }
        byte[] out = new byte[objlen];
        p = off;
        int o = 0;
        for (int b = 0; b < blocks; b++) {
            int c = u24(data, p + 3);
            int u = u24(data, p + 6);
            // The message context is built only on failure: this loop runs once per basket.
            Block where = new Block(what, b, data, p, c, u);
            int got = switch (((data[p] & 0xFF) << 8) | (data[p + 1] & 0xFF)) {
                case ZL -> inflate(data, p + HEADER, c, out, o, u, false, where);
                case CS -> inflate(data, p + HEADER, c, out, o, u, true, where);
                case XZ -> unxz(data, p + HEADER, c, out, o, u, where);
                case L4 -> unlz4(data, p + HEADER, c, out, o, u, where);
                case ZS -> unzstd(data, p + HEADER, c, out, o, u, where);
                default -> throw new RootUnsupportedException(what + ": unknown compression algorithm tag '"
                        + printable(tag(data, p, HEADER)) + "' (known: ZL zlib, CS old ROOT, XZ LZMA, L4 LZ4, ZS ZSTD)");
            };
            if (got != u) {
                throw new RootFormatException(where + ": decompressor gave " + got + " bytes, header says " + u);
            }
            p += HEADER + c;
            o += u;
        }
        return out;
    }

    private static String printable(String tag) {
        StringBuilder sb = new StringBuilder();
        for (char ch : tag.toCharArray()) {
            sb.append(ch >= 32 && ch < 127 ? String.valueOf(ch) : String.format("\\x%02x", (int) ch));
        }
        return sb.toString();
    }

    private static int u24(byte[] d, int p) {
        return (d[p] & 0xFF) | ((d[p + 1] & 0xFF) << 8) | ((d[p + 2] & 0xFF) << 16);
    }

    private static int inflate(byte[] in, int off, int len, byte[] out, int o, int u, boolean raw, Block where) {
        Inflater inf = (raw ? RAW_INFLATER : ZLIB_INFLATER).get();
        inf.reset();
        try {
            inf.setInput(in, off, len);
            int n = 0;
            while (n < u) {
                int k = inf.inflate(out, o + n, u - n);
                n += k;
                if (k == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
            }
            // Run to the end of the stream so that zlib checks its Adler-32 trailer.
            if (n == u && !inf.finished()) {
                byte[] extra = new byte[1];
                if (inf.inflate(extra) > 0) {
                    throw new RootFormatException(where + ": zlib stream holds more than " + u + " bytes");
                }
                if (!inf.finished()) {
                    throw new RootFormatException(where + ": zlib stream does not end after " + u + " bytes"
                            + " (truncated or corrupt)");
                }
            }
            return n;
        } catch (DataFormatException e) {
            throw new RootFormatException(where + ": zlib data is corrupt: " + e.getMessage(), e);
        }
    }

    private static int unxz(byte[] in, int off, int len, byte[] out, int o, int u, Block where) {
        try (InputStream xz = new XZInputStream(new ByteArrayInputStream(in, off, len), XZ_MEMORY_LIMIT_KIB, true,
                BasicArrayCache.getInstance())) {
            int n = 0;
            while (n < u) {
                int k = xz.read(out, o + n, u - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
            // Reading to the end makes the xz decoder check the stream's CRC and index.
            if (n == u && xz.read() >= 0) {
                throw new RootFormatException(where + ": LZMA stream holds more than " + u + " bytes");
            }
            return n;
        } catch (RootFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RootFormatException(where + ": LZMA data is corrupt: " + e, e);
        }
    }

    private static int unlz4(byte[] in, int off, int len, byte[] out, int o, int u, Block where) {
        if (len < LZ4_CHECKSUM) {
            throw new RootFormatException(where + ": LZ4 block shorter than its 8-byte checksum");
        }
        long stored = 0;
        for (int k = 0; k < LZ4_CHECKSUM; k++) {
            stored = (stored << 8) | (in[off + k] & 0xFF);
        }
        long actual = XxHash64.hash(in, off + LZ4_CHECKSUM, len - LZ4_CHECKSUM);
        if (stored != actual) {
            throw new RootFormatException(where + ": LZ4 checksum mismatch: block says "
                    + String.format("%016x", stored) + ", bytes hash to " + String.format("%016x", actual));
        }
        try {
            return new Lz4Decompressor().decompress(in, off + LZ4_CHECKSUM, len - LZ4_CHECKSUM, out, o, u);
        } catch (RuntimeException e) {
            throw new RootFormatException(where + ": LZ4 data is corrupt: " + e.getMessage(), e);
        }
    }

    private static int unzstd(byte[] in, int off, int len, byte[] out, int o, int u, Block where) {
        try {
            return new ZstdDecompressor().decompress(in, off, len, out, o, u);
        } catch (RuntimeException e) {
            throw new RootFormatException(where + ": ZSTD data is corrupt: " + e.getMessage(), e);
        }
    }
}
