package org.vbfann.rootio.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.vbfann.rootio.RootFormatException;
import org.vbfann.rootio.RootUnsupportedException;

class RootCompressionTest {
    @Test
    void xxHash64MatchesTheReferenceVectors() {
        // Test vectors of the xxHash reference implementation (seed 0).
        assertEquals(0xEF46DB3751D8E999L, XxHash64.hash(new byte[0], 0, 0));
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x44BC2CF5AD770999L, XxHash64.hash(abc, 0, 3));
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x0B242D361FDA71BCL, XxHash64.hash(fox, 0, fox.length));
    }

    private static byte[] block(String tag, byte[] payload, int uncompressed) {
        byte[] out = new byte[9 + payload.length];
        out[0] = (byte) tag.charAt(0);
        out[1] = (byte) tag.charAt(1);
        out[2] = 8;
        put24(out, 3, payload.length);
        put24(out, 6, uncompressed);
        System.arraycopy(payload, 0, out, 9, payload.length);
        return out;
    }

    private static void put24(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
    }

    private static byte[] deflate(byte[] in, boolean raw) {
        Deflater d = new Deflater(6, raw);
        d.setInput(in);
        d.finish();
        byte[] buf = new byte[in.length + 64];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }

    @Test
    void zlibAndOldRootBlocksRoundTrip() {
        byte[] text = "vbfann reads ROOT files; ".repeat(40).getBytes(StandardCharsets.US_ASCII);
        byte[] zl = block("ZL", deflate(text, false), text.length);
        assertArrayEquals(text, RootCompression.decompress(zl, 0, zl.length, text.length, "t"));
        byte[] cs = block("CS", deflate(text, true), text.length);
        assertArrayEquals(text, RootCompression.decompress(cs, 0, cs.length, text.length, "t"));
    }

    @Test
    void sizeDisagreementsAreNamed() {
        byte[] text = "0123456789".repeat(10).getBytes(StandardCharsets.US_ASCII);
        byte[] zl = block("ZL", deflate(text, false), text.length);
        RootFormatException e = assertThrows(RootFormatException.class,
                () -> RootCompression.decompress(zl, 0, zl.length, 99, "f.root: key 'h'"));
        assertEquals("f.root: key 'h': compressed blocks hold 100 bytes, key says 99", e.getMessage());
        RootFormatException cut = assertThrows(RootFormatException.class,
                () -> RootCompression.decompress(zl, 0, zl.length - 5, 100, "f.root: key 'h'"));
        assertTrue(cut.getMessage().startsWith("f.root: key 'h': compressed block 0 claims "), cut.getMessage());
    }

    @Test
    void unknownAlgorithmIsNamed() {
        byte[] qq = block("QQ", new byte[4], 4);
        RootUnsupportedException e = assertThrows(RootUnsupportedException.class,
                () -> RootCompression.decompress(qq, 0, qq.length, 4, "f.root: key 'h'"));
        assertEquals("f.root: key 'h': unknown compression algorithm tag 'QQ' (known: ZL zlib, CS old ROOT, XZ LZMA,"
                + " L4 LZ4, ZS ZSTD)", e.getMessage());
    }
}
