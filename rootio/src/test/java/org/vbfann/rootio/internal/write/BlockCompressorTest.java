package org.vbfann.rootio.internal.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vbfann.rootio.Compression;
import org.vbfann.rootio.internal.XxHash64;

class BlockCompressorTest {
    /** Compressible data spanning two blocks: every block decodes back and its 9-byte header is right. */
    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"ZLIB", "LZ4", "ZSTD"})
    void blocksDecodeToTheInput(Compression algo) throws Exception {
        byte[] in = new byte[BlockCompressor.MAX_BLOCK + 5000];
        Random r = new Random(7);
        for (int i = 0; i < in.length; i++) {
            in[i] = (byte) (i % 61 == 0 ? r.nextInt(256) : i % 7);
        }
        BlockCompressor c = new BlockCompressor(new Compression.Setting(algo, 5));
        int n = c.compress(in, 0, in.length);
        assertTrue(n < in.length, "compressible data must shrink");
        byte[] out = Arrays.copyOf(c.output(), n);
        byte[] back = new byte[in.length];
        int pos = 0;
        int done = 0;
        int blocks = 0;
        while (pos < n) {
            String tag = new String(out, pos, 2, StandardCharsets.US_ASCII);
            int csize = le24(out, pos + 3);
            int usize = le24(out, pos + 6);
            int body = pos + BlockCompressor.HEADER;
            switch (algo) {
                case ZLIB -> {
                    assertEquals("ZL", tag);
                    assertEquals(8, out[pos + 2]);
                    Inflater inf = new Inflater();
                    inf.setInput(out, body, csize);
                    assertEquals(usize, inf.inflate(back, done, usize));
                }
                case LZ4 -> {
                    assertEquals("L4", tag);
                    long h = 0;
                    for (int i = 0; i < 8; i++) {
                        h = h << 8 | (out[body + i] & 0xFF);
                    }
                    assertEquals(XxHash64.hash(out, body + 8, csize - 8), h, "big-endian XXH64 of the LZ4 block");
                    assertEquals(usize, new Lz4Decompressor().decompress(out, body + 8, csize - 8, back, done, usize));
                }
                case ZSTD -> {
                    assertEquals("ZS", tag);
                    assertEquals(usize, new ZstdDecompressor().decompress(out, body, csize, back, done, usize));
                }
                default -> throw new IllegalStateException();
            }
            pos = body + csize;
            done += usize;
            blocks++;
        }
        assertEquals(2, blocks);
        assertArrayEquals(in, back);
    }

    @Test
    void incompressibleDataIsStoredAsIs() {
        byte[] in = new byte[4000];
        new Random(1).nextBytes(in);
        BlockCompressor c = new BlockCompressor(new Compression.Setting(Compression.ZLIB, 9));
        assertEquals(in.length, c.compress(in, 0, in.length));
        assertArrayEquals(in, Arrays.copyOf(c.output(), in.length));
    }

    @Test
    void levelZeroStoresUncompressed() {
        byte[] in = new byte[1000];
        BlockCompressor c = new BlockCompressor(new Compression.Setting(Compression.ZLIB, 0));
        assertTrue(c.isNone());
        assertEquals(1000, c.compress(in, 0, in.length));
    }

    private static int le24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }
}
