package org.vbfann.rootio.internal.write;

import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.zstd.ZstdCompressor;
import java.util.zip.Deflater;
import org.vbfann.rootio.Compression;
import org.vbfann.rootio.internal.XxHash64;

/**
 * Compresses a record into ROOT's compressed blocks (RZip.cxx, {@code R__zipMultipleAlgorithm}): the input is cut
 * into pieces of at most {@link #MAX_BLOCK} bytes, each stored as a 9-byte header (2-letter algorithm, method
 * byte, 3-byte little-endian compressed and uncompressed sizes) and the compressed piece. When the result is not
 * smaller than the input, the record is stored uncompressed, as TKey and TBasket do; readers tell the two
 * apart by comparing the key's stored and object lengths. Not thread-safe (keeps its codec state).
 */
public final class BlockCompressor {
    /** Largest uncompressed piece per block (RZip.h {@code kMAXZIPBUF}). */
    public static final int MAX_BLOCK = 0xFFFFFF;
    /** Bytes of a block header (RZip.h {@code HDRSIZE}). */
    public static final int HEADER = 9;
    /** Method byte of zlib blocks: Z_DEFLATED. */
    private static final int ZLIB_METHOD = 8;
    /** Method byte of LZ4 blocks: the LZ4 major version ROOT was built with (ZipLZ4.cxx). */
    private static final int LZ4_METHOD = 1;
    /** Method byte of ZSTD blocks (ZipZSTD.cxx). */
    private static final int ZSTD_METHOD = 1;
    /** Bytes of the XXH64 checksum that precedes each LZ4 block (ZipLZ4.cxx {@code kChecksumSize}). */
    private static final int LZ4_CHECKSUM = 8;

    private final Compression.Setting setting;
    private final Deflater deflater;
    private final Lz4Compressor lz4;
    private final ZstdCompressor zstd;
    private byte[] out = new byte[1024];

    public BlockCompressor(Compression.Setting setting) {
        this.setting = setting;
        boolean zlib = setting.algorithm() == Compression.ZLIB && setting.level() > 0;
        this.deflater = zlib ? new Deflater(setting.level()) : null;
        this.lz4 = setting.algorithm() == Compression.LZ4 ? new Lz4Compressor() : null;
        this.zstd = setting.algorithm() == Compression.ZSTD ? new ZstdCompressor() : null;
    }

    /** Whether this compressor stores everything uncompressed. */
    public boolean isNone() {
        return setting.level() == 0 || setting.algorithm() == Compression.NONE;
    }

    /**
     * Compresses {@code len} bytes of {@code in} from {@code off}.
     *
     * @return the number of bytes in {@link #output()}; equal to {@code len} (and a plain copy) when stored
     *         uncompressed
     */
    public int compress(byte[] in, int off, int len) {
        if (!isNone() && len > 0) {
            int n = compressBlocks(in, off, len);
            if (n > 0 && n < len) {
                return n;
            }
        }
        grow(len);
        System.arraycopy(in, off, out, 0, len);
        return len;
    }

    /** The bytes produced by the last {@link #compress} call. Not a copy; overwritten by the next call. */
    public byte[] output() {
        return out;
    }

    /** @return total compressed bytes, or -1 if some block did not fit (the caller then stores uncompressed) */
    private int compressBlocks(byte[] in, int off, int len) {
        int total = 0;
        for (int done = 0; done < len; ) {
            int piece = Math.min(MAX_BLOCK, len - done);
            int n = compressBlock(in, off + done, piece, total);
            if (n < 0) {
                return -1;
            }
            total += n;
            done += piece;
        }
        return total;
    }

    /** Writes one block at {@code at} in {@link #out}. @return its bytes including the header, or -1 */
    private int compressBlock(byte[] in, int off, int len, int at) {
        int bound = len + len / 8 + 128 + LZ4_CHECKSUM;
        if (lz4 != null) {
            bound = Math.max(bound, lz4.maxCompressedLength(len) + LZ4_CHECKSUM);
        } else if (zstd != null) {
            bound = Math.max(bound, zstd.maxCompressedLength(len));
        }
        grow(at + HEADER + bound);
        int body = at + HEADER;
        int n;
        char a;
        char b;
        int method;
        switch (setting.algorithm()) {
            case ZLIB -> {
                deflater.reset();
                deflater.setInput(in, off, len);
                deflater.finish();
                n = deflater.deflate(out, body, bound);
                if (!deflater.finished()) {
                    return -1;
                }
                a = 'Z';
                b = 'L';
                method = ZLIB_METHOD;
            }
            case LZ4 -> {
                int c = lz4.compress(in, off, len, out, body + LZ4_CHECKSUM, bound - LZ4_CHECKSUM);
                long h = XxHash64.hash(out, body + LZ4_CHECKSUM, c);
                for (int i = 0; i < 8; i++) {
                    out[body + i] = (byte) (h >>> (56 - 8 * i));   // big-endian, XXH64_canonicalFromHash
                }
                n = c + LZ4_CHECKSUM;
                a = 'L';
                b = '4';
                method = LZ4_METHOD;
            }
            case ZSTD -> {
                n = zstd.compress(in, off, len, out, body, bound);
                a = 'Z';
                b = 'S';
                method = ZSTD_METHOD;
            }
            default -> throw new IllegalStateException("no codec for " + setting);
        }
        if (n > MAX_BLOCK) {
            return -1;
        }
        out[at] = (byte) a;
        out[at + 1] = (byte) b;
        out[at + 2] = (byte) method;
        putLe24(out, at + 3, n);
        putLe24(out, at + 6, len);
        return HEADER + n;
    }

    private static void putLe24(byte[] d, int at, int v) {
        d[at] = (byte) v;
        d[at + 1] = (byte) (v >>> 8);
        d[at + 2] = (byte) (v >>> 16);
    }

    private void grow(int n) {
        if (out.length < n) {
            out = new byte[Math.max(n, out.length * 2)];
        }
    }
}
